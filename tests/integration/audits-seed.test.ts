import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudits } from "~/modules/audits/queries.server";
import { listFindings } from "~/modules/findings/queries.server";
import { qmsCycleForUnits } from "~/modules/qms-records/queries.server";
import { closeTestDb, ctxOf, testDb } from "../support/db";

describe("demo data of the audits area", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));

  it("Lai Vung has a reported 2026 audit with a major and a minor nonconformity; Hòa Long an inspection with findings due 20/10/2026", () => {
    const chair = ctxOf(db, "chutich.laivung"); // on 2026-11-25
    const audits = listAudits(chair, { year: 2026 });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ status: "reported", reportedOn: "2026-06-19", ncs: 2 });
    const lv = listFindings(chair, {});
    // Other areas' demo data (corrective actions) adds findings of their own: look at the audit's.
    expect(
      lv.rows
        .filter((r) => r.source === "internal_audit" && r.foundOn >= "2026-06-01" && r.foundOn <= "2026-06-30")
        .map((r) => r.gradeCode)
        .sort(),
    ).toEqual(["major", "minor", "observation"]);
    const hl = listFindings(ctxOf(db, "chutich.hoalong"), { source: "inspection" });
    expect(hl.rows.map((r) => r.actionDueOn)).toEqual(["2026-10-20", "2026-10-20"]);
    expect(hl.rows.every((r) => r.overdue)).toBe(true);
  });

  it("the cycle query reports each commune's last audit, review, confirmation, announcement and overdue inspection findings", () => {
    const inspector = ctxOf(db, "kiemtra.tinh");
    const rows = qmsCycleForUnits(inspector, "2026-11-25");
    const lv = rows.find((r) => r.code === "DT-LAIVUNG")!;
    expect(lv).toMatchObject({
      lastInternalAuditOn: "2026-06-19",
      lastManagementReviewOn: "2026-07-10",
      lastEffectivenessConfirmationOn: "2026-07-20",
      lastAnnouncementOn: "2025-09-15",
      lastAnnouncementKind: "announcement",
    });
    // The corrective-actions demo's inspection finding in Lai Vung has no inspection record, so no report is due.
    expect(lv.lateInspectionReports).toBe(0);
    const hl = rows.find((r) => r.code === "DT-HOALONG")!;
    expect(hl).toMatchObject({ lastInternalAuditOn: null, lateInspectionReports: 1, oldestLateReportDueOn: "2026-10-20" });
    // Dissolved units (the old district) do not exist on the day.
    expect(rows.map((r) => r.code)).not.toContain("DT-LV");
    // As of a day before the audit was reported, it does not count yet.
    const before = qmsCycleForUnits(inspector, "2026-06-18").find((r) => r.code === "DT-LAIVUNG")!;
    expect(before.lastInternalAuditOn).toBeNull();
    // On the due day itself nothing is overdue yet.
    expect(qmsCycleForUnits(inspector, "2026-10-20").find((r) => r.code === "DT-HOALONG")!.lateInspectionReports).toBe(0);
  });
});
