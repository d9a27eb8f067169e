import type { ObligationKey } from "./rules";

/** Where the evidence behind each obligation is read, for one unit (links on the unit's compliance page). */
export function evidenceHref(key: ObligationKey, unitId: number, year: number): string {
  switch (key) {
    case "objectivesMeasured":
      return `/objectives?year=${year}`;
    default:
      return `/units/${unitId}`;
  }
}
