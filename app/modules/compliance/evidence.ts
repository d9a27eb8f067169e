import type { ObligationKey } from "./rules";

/** Where the evidence behind each obligation is read, for one unit (links on the unit's compliance page). */
export function evidenceHref(key: ObligationKey, unitId: number, year: number): string {
  switch (key) {
    case "announced":
    case "managementReview":
    case "effectiveness":
      return `/qms/${unitId}`;
    case "internalAudit":
      return `/audits?unit=${unitId}`;
    case "coverage":
      return `/procedures?unit=${unitId}`;
    case "documentsCurrent":
      return `/documents?unit=${unitId}&overdue=any`;
    case "actionsOnTime":
      return `/corrective-actions?unitId=${unitId}&status=overdue`;
    case "inspectionActionsReported":
      return `/findings?unit=${unitId}&source=inspection&overdue=1`;
    case "objectivesMeasured":
      return `/objectives?year=${year}`;
  }
}
