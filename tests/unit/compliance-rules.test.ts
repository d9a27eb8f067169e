import { describe, expect, it } from "vitest";
import { evaluate, score, withinYear, type ComplianceFacts } from "~/modules/compliance/rules";

const good: ComplianceFacts = {
  lastAnnouncedOn: "2025-09-15",
  scopeChangedOn: "2025-08-01",
  lastInternalAuditOn: "2026-06-10",
  lastManagementReviewOn: "2026-07-02",
  lastEffectivenessOn: "2026-07-20",
  procedures: { total: 156, uncovered: 0 },
  documents: { effective: 40, overdueReview: 0, overdueUpdate: 0 },
  actions: { open: 3, overdue: 0, dueSoon: 0 },
  inspection: { findings: 2, late: 0 },
  objectives: { total: 5, measured: 5, met: 4 },
  findings: null,
};
const state = (f: ComplianceFacts, day: string) => Object.fromEntries(evaluate(f, day).map((o) => [o.key, o.state]));

describe("obligations against a fixed clock (DOMAIN.md §6)", () => {
  it("a unit that keeps every duty is fully compliant", () => {
    const obs = evaluate(good, "2026-11-25");
    expect(obs.every((o) => o.state === "ok")).toBe(true);
    expect(score(obs)).toBe(100);
  });
  it("an internal audit counts for 12 months, warns in the 12th, and is missing after", () => {
    expect(withinYear("2025-11-25", "2026-11-25")).toBe(true);
    expect(withinYear("2025-11-24", "2026-11-25")).toBe(false);
    expect(state(good, "2027-05-15").internalAudit).toBe("warning");
    expect(state(good, "2027-06-11").internalAudit).toBe("missing");
    expect(state({ ...good, lastInternalAuditOn: null }, "2026-11-25").internalAudit).toBe("missing");
  });
  it("a scope change after the announcement requires a re-announcement", () => {
    expect(state({ ...good, scopeChangedOn: "2026-10-01" }, "2026-11-25").announced).toBe("missing");
  });
  it("effectiveness must be confirmed after the latest audit and review", () => {
    expect(state({ ...good, lastManagementReviewOn: "2026-08-01" }, "2026-11-25").effectiveness).toBe("missing");
  });
  it("one overdue corrective action, an uncovered procedure or a late document each break their duty", () => {
    const s = state(
      {
        ...good,
        actions: { open: 3, overdue: 1, dueSoon: 0 },
        procedures: { total: 156, uncovered: 2 },
        documents: { effective: 40, overdueReview: 0, overdueUpdate: 1 },
      },
      "2026-11-25",
    );
    expect([s.actionsOnTime, s.coverage, s.documentsCurrent]).toEqual(["missing", "missing", "missing"]);
  });
  it("a unit with no document in force does not meet the documents duty (nothing to keep current is not current)", () => {
    expect(state({ ...good, documents: { effective: 0, overdueReview: 0, overdueUpdate: 0 } }, "2026-11-25").documentsCurrent).toBe("missing");
  });
  it("areas with no data are shown as such and left out of the score, never counted as met", () => {
    const obs = evaluate(
      { ...good, procedures: null, documents: null, actions: null, inspection: null, objectives: null, lastInternalAuditOn: null },
      "2026-11-25",
    );
    expect(obs.filter((o) => o.state === "no_data").map((o) => o.key)).toEqual(["coverage", "actionsOnTime", "inspectionActionsReported"]);
    // Having no document in force and no objective is a failure, not "no data" (issue 18, item 8).
    expect(obs.filter((o) => o.state === "missing").map((o) => o.key)).toEqual(["internalAudit", "documentsCurrent", "objectivesMeasured"]);
    expect(score(obs)).toBe(50); // 3 of the 6 with data
  });
});
