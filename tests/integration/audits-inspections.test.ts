import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findings } from "#db/schema";
import { raiseFinding } from "~/modules/findings/raise.server";
import { createInspection, recordMinutes, saveInspectionPlan } from "~/modules/inspections/save.server";
import { getInspectionDetail, planForm } from "~/modules/inspections/queries.server";
import { confirmEffectiveness, recordAnnouncement, recordManagementReview } from "~/modules/qms-records/record.server";
import { qmsCycleForUnits } from "~/modules/qms-records/queries.server";
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

type DB = ReturnType<typeof testDb>;
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a domain error");
}
async function rejectionOf(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a domain error");
}

// why a fixed clock: due dates and "not in the future" checks depend on today.
const NOW = new Date("2027-03-05T03:00:00Z");

describe("inspections by the provincial Department", () => {
  let db: DB;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));
  const inspector = () => ctxOf(db, "kiemtra.tinh", NOW);
  const inspect = (unit = "DT-TANDUONG") =>
    createInspection(inspector(), {
      unitId: unitIdByCode(db, unit),
      method: "on_site",
      decisionNumber: "301/QĐ-SKHCN",
      decisionOn: "2026-12-01",
      leadId: actorOf(db, "kiemtra.tinh").id,
      teamIds: [],
    });
  const finding = (inspectionId: number, over: Record<string, unknown> = {}) =>
    raiseFinding(inspector(), {
      origin: { kind: "inspection", inspectionId },
      gradeCode: "minor",
      clauseCode: "9.3",
      description: "Chưa tổ chức xem xét của lãnh đạo.",
      ...over,
    });

  it("findings written in the minutes are due two months after both sides signed (end of month clamped)", async () => {
    const insp = inspect();
    expect(errorOf(() => finding(insp.id))).toBeInstanceOf(PreconditionFailedError);
    await recordMinutes(inspector(), insp.id, { signedOn: "2026-12-31", summary: "Hai bên thống nhất ký biên bản." });
    const f = finding(insp.id);
    expect(f).toMatchObject({ source: "inspection", foundOn: "2026-12-31", actionDueOn: "2027-02-28", unitId: unitIdByCode(db, "DT-TANDUONG") });
    expect(getInspectionDetail(ctxOf(db, "chutich.tanduong", NOW), insp.id).findings.map((x) => x.id)).toEqual([f.id]);
  });

  it("a due date set by hand stays when the signing day is corrected; default ones move with it", async () => {
    const insp = inspect();
    await recordMinutes(inspector(), insp.id, { signedOn: "2026-12-10", summary: "Biên bản." });
    const byDefault = finding(insp.id);
    // A date other than the law's needs a stated reason, kept on the finding (and in the trail).
    expect(errorOf(() => finding(insp.id, { actionDueOn: "2027-01-15" })).fieldErrors).toEqual({ dueReason: ["findings.errors.dueReasonRequired"] });
    const byHand = finding(insp.id, { actionDueOn: "2027-01-15", dueReason: "Đoàn kiểm tra yêu cầu khắc phục sớm trước Tết." });
    expect(byHand.dueReason).toBe("Đoàn kiểm tra yêu cầu khắc phục sớm trước Tết.");
    expect(byDefault.actionDueOn).toBe("2027-02-10");
    expect(errorOf(() => finding(insp.id, { actionDueOn: "2026-12-01" })).fieldErrors).toEqual({ actionDueOn: ["inspections.errors.dueBeforeMinutes"] });
    const { moved } = await recordMinutes(inspector(), insp.id, { signedOn: "2026-12-12", summary: "Biên bản (sửa ngày ký)." });
    expect(moved).toBe(1);
    const row = (id: number) => db.select().from(findings).where(eq(findings.id, id)).get()!;
    expect(row(byDefault.id)).toMatchObject({ actionDueOn: "2027-02-12", foundOn: "2026-12-12" });
    expect(row(byHand.id).actionDueOn).toBe("2027-01-15");
  });

  it("minutes cannot be signed before the decision or in the future; only inspectors record them", async () => {
    const insp = inspect();
    expect((await rejectionOf(recordMinutes(inspector(), insp.id, { signedOn: "2026-11-30", summary: "x" }))).fieldErrors).toEqual({
      signedOn: ["inspections.errors.minutesBeforeDecision"],
    });
    expect((await rejectionOf(recordMinutes(inspector(), insp.id, { signedOn: "2027-04-01", summary: "x" }))).fieldErrors).toEqual({
      signedOn: ["audits.errors.futureDate"],
    });
    await expect(recordMinutes(ctxOf(db, "canbo.tinh", NOW), insp.id, { signedOn: "2026-12-10", summary: "x" })).rejects.toThrow(ForbiddenError);
  });

  it("only units below the inspector may be inspected; the team may not come from the inspected unit", () => {
    expect(errorOf(() => inspect("DT")).fieldErrors).toEqual({ unitId: ["inspections.errors.unitNotBelow"] });
    expect(errorOf(() => inspect("VL-LONGHO")).fieldErrors).toEqual({ unitId: ["inspections.errors.unitNotBelow"] });
    const e = errorOf(() =>
      createInspection(inspector(), {
        unitId: unitIdByCode(db, "DT-TANDUONG"),
        method: "report",
        decisionNumber: "302/QĐ-SKHCN",
        decisionOn: "2026-12-01",
        leadId: actorOf(db, "kiemtra.tinh").id,
        teamIds: [actorOf(db, "thuky.tanduong").id],
      }),
    );
    expect(e.fieldErrors).toEqual({ teamIds: ["inspections.errors.ownUnit"] });
  });

  it("a sibling commune cannot read another commune's inspection", () => {
    const insp = inspect();
    expect(() => getInspectionDetail(ctxOf(db, "chutich.laivung", NOW), insp.id)).toThrow(NotFoundError);
  });

  it("the yearly plan lists units by report or on site and tells whether a third are on site", () => {
    const ids = ["DT-LAIVUNG", "DT-HOALONG", "DT-PHONGHOA", "DT-TANDUONG"].map((c) => unitIdByCode(db, c));
    saveInspectionPlan(inspector(), { year: 2027, entries: ids.map((unitId) => ({ unitId, method: "report" as const })) });
    expect(planForm(inspector(), 2027).share).toMatchObject({ total: 4, onSite: 0, enough: false, needed: 2 });
    saveInspectionPlan(inspector(), { year: 2027, entries: ids.map((unitId, i) => ({ unitId, method: i < 2 ? ("on_site" as const) : ("report" as const) })) });
    expect(planForm(inspector(), 2027).share).toMatchObject({ total: 4, onSite: 2, enough: true });
    expect(
      errorOf(() => saveInspectionPlan(inspector(), { year: 2027, entries: [{ unitId: unitIdByCode(db, "DT-LV-TD"), method: "report" }] })).messageKey,
    ).toBe("inspections.errors.unitNotBelow");
    // A decision for a planned unit is linked to the plan.
    const insp = createInspection(inspector(), {
      unitId: ids[3]!,
      method: "report",
      decisionNumber: "12/QĐ-SKHCN",
      decisionOn: "2027-02-01",
      leadId: actorOf(db, "kiemtra.tinh").id,
      teamIds: [],
    });
    expect(insp.planId).not.toBeNull();
  });
});

describe("management review, effectiveness confirmation, announcement", () => {
  let db: DB;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  it("the head confirms effectiveness only for their own unit, after a reported audit and a management review", async () => {
    const hoaLong = unitIdByCode(db, "DT-HOALONG");
    const input = { confirmedOn: "2027-03-01", statement: "HTQLCL được áp dụng có hiệu lực." };
    expect(errorOf(() => confirmEffectiveness(ctxOf(db, "thuky.hoalong", NOW), hoaLong, input))).toBeInstanceOf(ForbiddenError);
    expect(errorOf(() => confirmEffectiveness(ctxOf(db, "chutich.laivung", NOW), hoaLong, input))).toBeInstanceOf(NotFoundError);
    expect(errorOf(() => confirmEffectiveness(ctxOf(db, "chutich.hoalong", NOW), hoaLong, input)).messageKey).toBe("qms.errors.needAudit");
    // Lai Vung: audit reported 19/06/2026 and review 10/07/2026 in the demo data.
    const laiVung = unitIdByCode(db, "DT-LAIVUNG");
    const ok = confirmEffectiveness(ctxOf(db, "phochutich.laivung", NOW), laiVung, { confirmedOn: "2027-03-01", statement: "Có hiệu lực." });
    expect(ok).toMatchObject({ signedName: "Huỳnh Thanh Tâm", signedTitle: "Phó Chủ tịch UBND xã" });
    // More than twelve months after the audit, no confirmation without a new one.
    expect(
      errorOf(() =>
        confirmEffectiveness(ctxOf(db, "chutich.laivung", new Date("2027-08-01T03:00:00Z")), laiVung, { confirmedOn: "2027-07-20", statement: "x" }),
      ).messageKey,
    ).toBe("qms.errors.needAudit");
  });

  it("a re-announcement needs an earlier announcement; records feed the cycle query", async () => {
    const hoaLong = unitIdByCode(db, "DT-HOALONG");
    const officer = ctxOf(db, "thuky.hoalong", NOW);
    const ann = { decisionNumber: "88/QĐ-UBND", decidedOn: "2027-01-10", scope: "Toàn bộ TTHC cấp xã." };
    expect((await rejectionOf(recordAnnouncement(officer, hoaLong, { kind: "re_announcement", ...ann }))).fieldErrors).toEqual({
      kind: ["qms.errors.reWithoutFirst"],
    });
    await recordAnnouncement(officer, hoaLong, { kind: "announcement", ...ann });
    await recordAnnouncement(officer, hoaLong, {
      kind: "re_announcement",
      ...ann,
      decisionNumber: "95/QĐ-UBND",
      decidedOn: "2027-02-20",
      scope: "Bổ sung 12 TTHC lĩnh vực đất đai.",
    });
    await recordManagementReview(officer, hoaLong, {
      heldOn: "2027-02-25",
      chairedBy: "Phan Văn Đức",
      inputs: "Kết quả kiểm tra của Sở.",
      decisions: "Cập nhật quy trình.",
    });
    await expect(
      recordManagementReview(ctxOf(db, "thuky.laivung", NOW), hoaLong, { heldOn: "2027-02-25", chairedBy: "x", inputs: "x", decisions: "x" }),
    ).rejects.toThrow(NotFoundError);
    await expect(recordManagementReview(officer, hoaLong, { heldOn: "2027-04-25", chairedBy: "x", inputs: "x", decisions: "x" })).rejects.toThrow(
      InvalidInputError,
    );
    const row = qmsCycleForUnits(ctxOf(db, "chutich.hoalong", NOW), "2027-03-05").find((r) => r.unitId === hoaLong)!;
    expect(row).toMatchObject({
      lastAnnouncementOn: "2027-02-20",
      lastAnnouncementKind: "re_announcement",
      lastManagementReviewOn: "2027-02-25",
      lateInspectionReports: 1,
    });
    // A commune's scope covers only itself: no sibling rows.
    expect(qmsCycleForUnits(ctxOf(db, "chutich.hoalong", NOW), "2027-03-05").map((r) => r.code)).toEqual(["DT-HOALONG"]);
  });
});
