import type { ObligationKey, ObligationState } from "./rules";

/**
 * Where the evidence behind each obligation is read, for one unit (links on the unit's compliance page): the
 * list of that unit, and, while the obligation is not met (missing, or a warning), only the items that fail it
 * where the list can filter them (uncovered procedures, overdue documents and actions, objectives without data).
 */
export function evidenceHref(key: ObligationKey, unitId: number, year: number, state: ObligationState = "missing"): string {
  const only = (filter: string, when = state === "missing" || state === "warning") => (when ? `&${filter}` : "");
  switch (key) {
    case "announced":
    case "managementReview":
    case "effectiveness":
      return `/qms/${unitId}`;
    case "internalAudit":
      return `/audits?unit=${unitId}`;
    case "coverage":
      return `/procedures?unit=${unitId}${only("coverage=uncovered")}`;
    case "documentsCurrent":
      return `/documents?unit=${unitId}${only("overdue=any")}`;
    case "actionsOnTime":
      // A warning here is an action due soon, not yet overdue: the open actions show it.
      return `/corrective-actions?unitId=${unitId}${only("status=overdue", state === "missing")}`;
    case "inspectionActionsReported":
      return `/findings?unit=${unitId}&source=inspection${only("overdue=1")}`;
    case "objectivesMeasured":
      return `/objectives?year=${year}&unit=${unitId}${only("state=noData")}`;
  }
}
