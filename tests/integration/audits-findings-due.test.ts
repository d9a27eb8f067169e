import fs from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditChecklistItems, auditFindings, correctiveActions, findings, inspections, trail } from "#db/schema";
import type { Ctx } from "~/modules/context";
import { answerChecklistPage } from "~/modules/audits/checklist.server";
import { planAudit } from "~/modules/audits/plan.server";
import { getAuditDetail } from "~/modules/audits/queries.server";
import { startAudit } from "~/modules/audits/transition.server";
import { unitCompliance } from "~/modules/compliance/queries.server";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { getActionDetail } from "~/modules/corrective-actions/queries.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { saveDuePolicy, setFindingDue } from "~/modules/findings/due.server";
import { getFindingDetail, listFindings } from "~/modules/findings/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { createInspection, recordMinutes, recordReportBack } from "~/modules/inspections/save.server";
import { DomainError, InvalidInputError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

type DB = ReturnType<typeof testDb>;
const NOW = new Date("2026-11-25T03:00:00Z");

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a domain error");
}

describe("every finding has a due date; overdue logic and the obligations use it", () => {
  let db: DB;
  const ctx = (u: string, now = NOW): Ctx => ctxOf(db, u, now);
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  /** An audit of Phong Hòa in progress, led by the province's officer, its first question answered "nonconformity". */
  async function auditWithNc() {
    const lead = ctx("canbo.tinh");
    const audit = planAudit(lead, {
      unitId: unitIdByCode(db, "DT-PHONGHOA"),
      startOn: "2026-11-24",
      endOn: "2026-11-25",
      leadAuditorId: actorOf(db, "canbo.tinh").id,
      teamIds: [],
      clauseCodes: ["7.5", "8.7"],
    });
    startAudit(lead, audit.id);
    const items = db.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, audit.id)).orderBy(asc(auditChecklistItems.sortOrder)).all();
    await answerChecklistPage(lead, audit.id, { answers: [{ itemId: items[0]!.id, result: "nonconformity", notes: "Thiếu phiếu kiểm soát." }] });
    return { lead, audit, item: items[0]! };
  }
  const raise = (lead: Ctx, auditId: number, itemId: number, over: Record<string, unknown> = {}) =>
    raiseFinding(lead, {
      origin: { kind: "audit", auditId, checklistItemId: itemId },
      gradeCode: "major",
      clauseCode: "7.5.3",
      description: "Hồ sơ không có phiếu kiểm soát quá trình.",
      ...over,
    });

  it("an internal audit finding is due by the unit's policy: 30 days for a major, 60 for a minor nonconformity", async () => {
    const { lead, audit, item } = await auditWithNc();
    expect(raise(lead, audit.id, item.id).actionDueOn).toBe("2026-12-25");
    expect(raise(lead, audit.id, item.id, { gradeCode: "minor" }).actionDueOn).toBe("2027-01-24");
  });

  it("the policy is per unit and editable; the trail keeps it", async () => {
    saveDuePolicy(ctx("thuky.phonghoa"), unitIdByCode(db, "DT-PHONGHOA"), { majorDays: 15, minorDays: 45, otherDays: 90 });
    const { lead, audit, item } = await auditWithNc();
    expect(raise(lead, audit.id, item.id).actionDueOn).toBe("2026-12-10");
    const row = db.select().from(trail).where(eq(trail.entity, "finding_due_policy")).get();
    expect(row).toBeTruthy();
    // Another commune's officer cannot set Phong Hòa's policy.
    expect(() => saveDuePolicy(ctx("thuky.laivung"), unitIdByCode(db, "DT-PHONGHOA"), { majorDays: 1, minorDays: 1, otherDays: 1 })).toThrow(DomainError);
  });

  it("a due date other than the policy's needs a reason; moving it later needs one too, and the trail has both dates", async () => {
    const { lead, audit, item } = await auditWithNc();
    const e = errorOf(() => raise(lead, audit.id, item.id, { actionDueOn: "2027-03-01" }));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.fieldErrors).toEqual({ dueReason: ["findings.errors.dueReasonRequired"] });
    const f = raise(lead, audit.id, item.id, { actionDueOn: "2027-03-01", dueReason: "Cần kinh phí thay phần mềm một cửa." });
    expect(f).toMatchObject({ actionDueOn: "2027-03-01", dueReason: "Cần kinh phí thay phần mềm một cửa." });
    setFindingDue(ctx("thuky.phonghoa"), f.id, { dueOn: "2027-04-01", reason: "Nhà cung cấp lùi lịch cài đặt." });
    const row = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "finding"), eq(trail.entityId, String(f.id)), eq(trail.action, "due")))
      .get()!;
    expect(JSON.parse(row.before!)).toMatchObject({ actionDueOn: "2027-03-01" });
    expect(JSON.parse(row.after!)).toMatchObject({ actionDueOn: "2027-04-01", dueReason: "Nhà cung cấp lùi lịch cài đặt.", ruleDueOn: "2026-12-25" });
    // An inspection finding's date is the inspector's to move, not the commune's.
    const hl = db
      .select()
      .from(findings)
      .where(and(eq(findings.source, "inspection"), eq(findings.unitId, unitIdByCode(db, "DT-HOALONG"))))
      .get()!;
    expect(() => setFindingDue(ctx("thuky.hoalong"), hl.id, { dueOn: "2027-06-01", reason: "Xin lùi hạn." })).toThrow(DomainError);
  });

  it("a major nonconformity open since 16/06/2026 without an action is overdue, and 'no overdue corrective action' is not met", () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const major = db
      .select()
      .from(findings)
      .where(and(eq(findings.unitId, lv), eq(findings.foundOn, "2026-06-16"), eq(findings.gradeCode, "major")))
      .get()!;
    expect(major.actionDueOn).toBe("2026-07-16");
    const officer = ctx("thuky.laivung");
    expect(getFindingDetail(officer, major.id).overdue).toBe(true);
    expect(listFindings(officer, { overdue: true }).rows.map((r) => r.id)).toContain(major.id);
    const ob = unitCompliance(officer, lv).obligations.find((o) => o.key === "actionsOnTime")!;
    expect(ob.state).toBe("missing");
    expect(ob.detail.key).toBe("compliance.actions.stateFindings");
  });

  it("existing findings without a due date get the best date known (migration)", () => {
    db.update(findings).set({ actionDueOn: null }).run();
    db.update(inspections).set({ reportDueOn: null }).run();
    const sql = fs.readFileSync("db/migrations/0015_audits_process_people_due_dates.sql", "utf8");
    for (const stmt of sql.split("--> statement-breakpoint").filter((s) => /^\s*(--[^\n]*\n\s*)*UPDATE/.test(s))) db.$client.exec(stmt);
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const due = (unitId: number, foundOn: string, grade: string) =>
      db
        .select()
        .from(findings)
        .where(and(eq(findings.unitId, unitId), eq(findings.foundOn, foundOn), eq(findings.gradeCode, grade)))
        .get()!.actionDueOn;
    expect(due(lv, "2026-06-16", "major")).toBe("2026-07-16");
    expect(due(lv, "2026-06-16", "minor")).toBe("2026-08-15");
    expect(due(lv, "2026-06-16", "observation")).toBe("2026-09-14");
    // Inspection findings: two months after the minutes (Hòa Long, signed 20/08/2026).
    expect(due(unitIdByCode(db, "DT-HOALONG"), "2026-08-20", "minor")).toBe("2026-10-20");
    expect(
      db
        .select()
        .from(findings)
        .all()
        .every((f) => f.actionDueOn),
    ).toBe(true);
  });

  it("an action due after its finding's deadline needs a stated reason, shown to the leader who signs", () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const major = db
      .select()
      .from(findings)
      .where(and(eq(findings.unitId, lv), eq(findings.foundOn, "2026-06-16"), eq(findings.gradeCode, "major")))
      .get()!;
    saveCaRequest(ctx("thuky.laivung"), major.id, {
      correction: "Đã gửi văn bản xin lỗi.",
      rootCauseMethod: "free_text",
      rootCause: "Không theo dõi hạn trả.",
    });
    const input = { description: "Bật nhắc hạn trên phần mềm một cửa.", ownerId: actorOf(db, "congchuc.laivung").id, dueOn: "2026-12-31" };
    expect(errorOf(() => addCorrectiveAction(ctx("thuky.laivung"), major.id, input)).fieldErrors).toEqual({ lateReason: ["ca.errors.lateReasonRequired"] });
    const a = addCorrectiveAction(ctx("thuky.laivung"), major.id, { ...input, lateReason: "Phát hiện trễ, cần nâng cấp phần mềm." });
    expect(db.select().from(correctiveActions).where(eq(correctiveActions.id, a.id)).get()!.lateReason).toBe("Phát hiện trễ, cần nâng cấp phần mềm.");
    const signing = getActionDetail(ctx("chutich.laivung"), a.id);
    expect(signing.snapshot.late).toEqual([{ id: a.id, dueOn: "2026-12-31", lateReason: "Phát hiện trễ, cần nâng cấp phần mềm.", findingDueOn: "2026-07-16" }]);
  });

  describe("reported within two months: measured by the report back, not by closing", () => {
    async function inspected(signedOn: string) {
      const inspector = ctx("kiemtra.tinh", new Date(`${signedOn}T03:00:00Z`));
      const insp = createInspection(inspector, {
        unitId: unitIdByCode(db, "DT-TANDUONG"),
        method: "on_site",
        decisionNumber: "301/QĐ-SKHCN",
        decisionOn: "2026-09-01",
        leadId: actorOf(db, "kiemtra.tinh").id,
        teamIds: [],
      });
      await recordMinutes(inspector, insp.id, { signedOn, summary: "Biên bản kiểm tra." });
      const f = raiseFinding(inspector, {
        origin: { kind: "inspection", inspectionId: insp.id },
        gradeCode: "minor",
        clauseCode: "9.2",
        description: "Chưa đánh giá nội bộ.",
      });
      return { insp, f };
    }
    const obligation = () =>
      unitCompliance(ctx("thuky.tanduong"), unitIdByCode(db, "DT-TANDUONG")).obligations.find((o) => o.key === "inspectionActionsReported")!;

    it("the deadline is derived from the minutes: two months after signing", async () => {
      const { insp, f } = await inspected("2026-09-16");
      expect(db.select().from(inspections).where(eq(inspections.id, insp.id)).get()!.reportDueOn).toBe("2026-11-16");
      expect(f.actionDueOn).toBe("2026-11-16");
    });

    it("an action done on 11/11 and reported on 11/11, due 16/11, is met", async () => {
      const { insp } = await inspected("2026-09-16");
      expect(obligation().state).toBe("missing");
      recordReportBack(ctx("thuky.tanduong"), insp.id, { reportedOn: "2026-11-11", note: "Báo cáo số 12/BC-UBND." });
      expect(obligation().state).toBe("ok");
    });

    it("a report after the deadline is not met; one before the deadline is due is pending, not late", async () => {
      const { insp } = await inspected("2026-09-16");
      recordReportBack(ctx("thuky.tanduong"), insp.id, { reportedOn: "2026-11-20" });
      expect(obligation().state).toBe("missing");
      const { insp: fresh } = await inspected("2026-11-01");
      expect(fresh.id).toBeGreaterThan(insp.id);
      recordReportBack(ctx("thuky.tanduong"), insp.id, { reportedOn: "2026-11-15" });
      expect(obligation().state).toBe("ok");
      expect(() => recordReportBack(ctx("thuky.tanduong"), insp.id, { reportedOn: "2026-09-01" })).toThrow(InvalidInputError);
      expect(() => recordReportBack(ctx("thuky.hoalong"), insp.id, { reportedOn: "2026-11-15" })).toThrow(DomainError);
    });
  });

  it("the audit lists a nonconformity answer until it becomes a finding", async () => {
    const { lead, audit, item } = await auditWithNc();
    const before = getAuditDetail(lead, audit.id);
    expect(before.findings).toHaveLength(0);
    expect(before.pendingNc.map((p) => p.id)).toEqual([item.id]);
    raise(lead, audit.id, item.id);
    const after = getAuditDetail(lead, audit.id);
    expect(after.pendingNc).toHaveLength(0);
    expect(db.select().from(auditFindings).where(eq(auditFindings.auditId, audit.id)).all()).toHaveLength(1);
  });
});
