import { addMonthsToDay } from "~/lib/time";

/**
 * The obligations a unit is measured against (DOMAIN.md §6), as pure rules over facts gathered from the records.
 * A fact is `null` when its area has no data for the unit (nothing recorded yet, or the module is not in use):
 * the obligation is then "no data", shown as such, never counted as met. Where the duty is to *have* something
 * (documents in force, quality objectives measured), having none is a failure, not "no data": an obligation never
 * passes on zero evidence. Where it is to have nothing late (actions, inspection findings), none is a pass.
 */
export const OBLIGATIONS = [
  "announced",
  "internalAudit",
  "managementReview",
  "effectiveness",
  "coverage",
  "documentsCurrent",
  "actionsOnTime",
  "inspectionActionsReported",
  "objectivesMeasured",
] as const;
export type ObligationKey = (typeof OBLIGATIONS)[number];
export type ObligationState = "ok" | "warning" | "missing" | "no_data";

export type ComplianceFacts = {
  /** Last announcement (or re-announcement) of conformity, and the last change of scope (TTHC catalogue). */
  lastAnnouncedOn: string | null;
  scopeChangedOn: string | null;
  lastInternalAuditOn: string | null;
  lastManagementReviewOn: string | null;
  lastEffectivenessOn: string | null;
  /**
   * Published procedures and how many have no effective process document (null: no catalogue yet); of those, how
   * many a process being written (a draft) already lists: shown, never counted as covered.
   */
  procedures: { total: number; uncovered: number; drafting?: number } | null;
  /** Documents past their review cycle or their 3-month update clock. */
  documents: { effective: number; overdueReview: number; overdueUpdate: number } | null;
  /** Corrective actions past due, and those due within 14 days. */
  actions: { open: number; overdue: number; dueSoon: number } | null;
  /** Inspection findings, and the inspections whose report back on corrective actions missed the two months. */
  inspection: { findings: number; late: number } | null;
  objectives: { total: number; measured: number; met: number } | null;
  /**
   * Findings open past their due date with nothing done (no action, or one not implemented), of which
   * nonconformities (`overdueNc`: they need corrective action, so "no corrective action overdue" fails on them),
   * and the findings of the last 12 months by grade code. The dashboard sums `overdue` over an area.
   */
  findings: { overdue: number; overdueNc?: number; byGradeLast12Months: Record<string, number> } | null;
};

export type Obligation = {
  key: ObligationKey;
  state: ObligationState;
  /** i18n key + params explaining the state. */ detail: { key: string; params?: Record<string, string | number> };
};

/** Within the last 12 months (inclusive): the yearly duties of QĐ 19 (internal audit, management review). */
export function withinYear(on: string | null, day: string): boolean {
  return on !== null && on <= day && addMonthsToDay(on, 12) >= day;
}

/** Due again within 30 days: time to plan the next one. */
function dueSoon(on: string, day: string): boolean {
  return addMonthsToDay(on, 11) <= day;
}

function yearly(on: string | null, day: string, key: string): Pick<Obligation, "state" | "detail"> {
  if (!on) return { state: "missing", detail: { key: `${key}.never` } };
  if (!withinYear(on, day)) return { state: "missing", detail: { key: `${key}.expired`, params: { date: on } } };
  return { state: dueSoon(on, day) ? "warning" : "ok", detail: { key: dueSoon(on, day) ? `${key}.dueSoon` : `${key}.ok`, params: { date: on } } };
}

export function evaluate(f: ComplianceFacts, day: string): Obligation[] {
  const out: Obligation[] = [];
  // Announced, and re-announced after any change of scope.
  if (!f.lastAnnouncedOn) out.push({ key: "announced", state: "missing", detail: { key: "compliance.announced.never" } });
  else if (f.scopeChangedOn && f.scopeChangedOn > f.lastAnnouncedOn)
    out.push({ key: "announced", state: "missing", detail: { key: "compliance.announced.reannounce", params: { date: f.scopeChangedOn } } });
  else out.push({ key: "announced", state: "ok", detail: { key: "compliance.announced.ok", params: { date: f.lastAnnouncedOn } } });

  out.push({ key: "internalAudit", ...yearly(f.lastInternalAuditOn, day, "compliance.internalAudit") });
  out.push({ key: "managementReview", ...yearly(f.lastManagementReviewOn, day, "compliance.managementReview") });

  // The head confirms effectiveness after the audit and the review that it rests on.
  const after =
    [f.lastInternalAuditOn, f.lastManagementReviewOn]
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? null;
  if (!f.lastEffectivenessOn) out.push({ key: "effectiveness", state: "missing", detail: { key: "compliance.effectiveness.never" } });
  else if (after && f.lastEffectivenessOn < after)
    out.push({ key: "effectiveness", state: "missing", detail: { key: "compliance.effectiveness.stale", params: { date: f.lastEffectivenessOn } } });
  else if (!withinYear(f.lastEffectivenessOn, day))
    out.push({ key: "effectiveness", state: "missing", detail: { key: "compliance.effectiveness.expired", params: { date: f.lastEffectivenessOn } } });
  else out.push({ key: "effectiveness", state: "ok", detail: { key: "compliance.effectiveness.ok", params: { date: f.lastEffectivenessOn } } });

  if (!f.procedures) out.push({ key: "coverage", state: "no_data", detail: { key: "compliance.noData" } });
  else if (f.procedures.total === 0) out.push({ key: "coverage", state: "missing", detail: { key: "compliance.coverage.empty" } });
  else
    out.push({
      key: "coverage",
      state: f.procedures.uncovered ? "missing" : "ok",
      detail: {
        key: f.procedures.uncovered && f.procedures.drafting ? "compliance.coverage.stateDrafting" : "compliance.coverage.state",
        params: { total: f.procedures.total, uncovered: f.procedures.uncovered, drafting: f.procedures.drafting ?? 0 },
      },
    });

  if (!f.documents || f.documents.effective === 0)
    out.push({ key: "documentsCurrent", state: "missing", detail: { key: "compliance.documents.none", params: f.documents ?? { effective: 0 } } });
  else {
    const late = f.documents.overdueReview + f.documents.overdueUpdate;
    out.push({ key: "documentsCurrent", state: late ? "missing" : "ok", detail: { key: "compliance.documents.state", params: f.documents } });
  }

  if (!f.actions) out.push({ key: "actionsOnTime", state: "no_data", detail: { key: "compliance.noData" } });
  else {
    // A nonconformity past its due date without its actions done is late work even before any action exists.
    const lateFindings = f.findings?.overdueNc ?? 0;
    out.push({
      key: "actionsOnTime",
      state: f.actions.overdue || lateFindings ? "missing" : f.actions.dueSoon ? "warning" : "ok",
      detail: lateFindings
        ? { key: "compliance.actions.stateFindings", params: { ...f.actions, findings: lateFindings } }
        : { key: "compliance.actions.state", params: f.actions },
    });
  }

  if (!f.inspection) out.push({ key: "inspectionActionsReported", state: "no_data", detail: { key: "compliance.noData" } });
  else if (f.inspection.findings === 0) out.push({ key: "inspectionActionsReported", state: "ok", detail: { key: "compliance.inspection.none" } });
  else
    out.push({
      key: "inspectionActionsReported",
      state: f.inspection.late ? "missing" : "ok",
      detail: { key: "compliance.inspection.state", params: f.inspection },
    });

  if (!f.objectives || f.objectives.total === 0) out.push({ key: "objectivesMeasured", state: "missing", detail: { key: "compliance.objectives.none" } });
  else if (f.objectives.measured === 0)
    out.push({ key: "objectivesMeasured", state: "missing", detail: { key: "compliance.objectives.unmeasured", params: f.objectives } });
  else
    out.push({
      key: "objectivesMeasured",
      state: f.objectives.measured < f.objectives.total ? "warning" : "ok",
      detail: { key: "compliance.objectives.state", params: f.objectives },
    });
  return out;
}

/**
 * Compliance score: the share of obligations met (ok = 1, warning = 1, missing = 0), over the obligations that
 * have data. Null when none has data. The page shows this definition next to the figure.
 */
export function score(obligations: Obligation[]): number | null {
  const counted = obligations.filter((o) => o.state !== "no_data");
  if (!counted.length) return null;
  const met = counted.filter((o) => o.state === "ok" || o.state === "warning").length;
  return Math.round((met / counted.length) * 100);
}
