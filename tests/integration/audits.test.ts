import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditChecklistItems, audits, documents } from "#db/schema";
import type { Ctx } from "~/modules/context";
import { answerChecklistItem, addChecklistQuestion } from "~/modules/audits/checklist.server";
import { copyAudit, planAudit, planAuditsForUnits, updateAudit } from "~/modules/audits/plan.server";
import { auditFormOptions, getAuditDetail, listAudits } from "~/modules/audits/queries.server";
import { closeAudit, reopenAudit, reportAudit, startAudit } from "~/modules/audits/transition.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { getFindingDetail } from "~/modules/findings/queries.server";
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

type DB = ReturnType<typeof testDb>;

/** The error a call throws (fails the test if it does not throw). */
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a domain error");
}

const NOW = new Date("2026-11-25T03:00:00Z");

describe("internal audits", () => {
  let db: DB;
  let officer: Ctx;
  beforeEach(() => {
    db = testDb({ seeded: true });
    officer = ctxOf(db, "canbo.tinh", NOW);
  });
  afterEach(() => closeTestDb(db));

  const plan = (over: Partial<Parameters<typeof planAudit>[1]> = {}) =>
    planAudit(officer, {
      unitId: unitIdByCode(db, "DT-PHONGHOA"),
      startOn: "2026-11-02",
      endOn: "2026-11-03",
      leadAuditorId: actorOf(db, "canbo.tinh").id,
      teamIds: [actorOf(db, "thuky.laivung").id],
      clauseCodes: ["7.5", "8.7"],
      processes: "QT 05/CX-HT | Đăng ký khai sinh",
      ...over,
    });
  const itemsOf = (auditId: number) =>
    db.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, auditId)).orderBy(asc(auditChecklistItems.sortOrder)).all();

  describe("an auditor may not audit their own work: independence by process, not by unit (9.2.2)", () => {
    const docId = (code: string) => db.select({ id: documents.id }).from(documents).where(eq(documents.code, code)).get()!.id;
    const laiVung = (over: Partial<Parameters<typeof planAudit>[1]> = {}) =>
      plan({ unitId: unitIdByCode(db, "DT-LAIVUNG"), processes: "", processDocIds: [docId("QT 02/CX-HCTP"), docId("QT 03/CX-HCTP")], ...over });

    it("accepts the commune's own staff who neither own nor take part in the audited processes", () => {
      const audit = laiVung({ leadAuditorId: actorOf(db, "thuky.laivung").id, teamIds: [actorOf(db, "congchuc.laivung").id] });
      const d = getAuditDetail(officer, audit.id);
      expect(d.processes.map((p) => p.code)).toEqual(["QT 02/CX-HCTP", "QT 03/CX-HCTP"]);
      expect(d.processes.every((p) => p.documentId)).toBe(true);
    });

    it("refuses a lead auditor who owns an audited process, with the reason beside the field", () => {
      const e = errorOf(() => laiVung({ leadAuditorId: actorOf(db, "tuphap.laivung").id, teamIds: [] }));
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e.messageKey).toBe("audits.errors.notIndependent");
      expect(e.fieldErrors).toEqual({ leadAuditorId: ["audits.errors.ownProcess"] });
    });

    it("refuses a team member who takes part in an audited process", () => {
      const e = errorOf(() => laiVung({ teamIds: [actorOf(db, "phochutich.laivung").id] }));
      expect(e.fieldErrors).toEqual({ teamIds: ["audits.errors.ownProcess"] });
    });

    it("a process typed by its code is the unit's document of that code, and is checked too", () => {
      const e = errorOf(() =>
        laiVung({ processDocIds: [], processes: "QT 03/CX-HCTP | Đăng ký kết hôn", leadAuditorId: actorOf(db, "tuphap.laivung").id, teamIds: [] }),
      );
      expect(e.fieldErrors).toEqual({ leadAuditorId: ["audits.errors.ownProcess"] });
      // The same person may audit the processes that are not theirs (document control, owned by the office).
      const ok = laiVung({ processDocIds: [docId("QT 01/CX")], leadAuditorId: actorOf(db, "tuphap.laivung").id, teamIds: [] });
      expect(getAuditDetail(officer, ok.id).lead.fullName).toBe("Lê Văn Sang");
    });

    it("province and district staff remain possible auditors of a commune's processes", () => {
      const audit = laiVung({ leadAuditorId: actorOf(db, "canbo.tinh").id, teamIds: [actorOf(db, "thuky.hoalong").id] });
      expect(audit.id).toBeGreaterThan(0);
    });

    it("the candidate list says who owns or takes part in which process (the form greys them for such a scope)", () => {
      const options = auditFormOptions(ctxOf(db, "thuky.laivung", NOW));
      const of = (username: string) => options.auditors.find((a) => a.id === actorOf(db, username).id)!;
      const qt02 = docId("QT 02/CX-HCTP");
      expect(of("tuphap.laivung").processes).toContainEqual({ documentId: qt02, code: "QT 02/CX-HCTP", role: "owner" });
      expect(of("phochutich.laivung").processes).toContainEqual({ documentId: qt02, code: "QT 02/CX-HCTP", role: "participant" });
      expect(of("thuky.laivung").processes.some((p) => p.documentId === qt02)).toBe(false);
      // The commune's own people are offered (no longer refused for their unit), and so are the province's.
      expect(options.auditors.map((a) => a.id)).toEqual(expect.arrayContaining([actorOf(db, "congchuc.laivung").id, actorOf(db, "canbo.tinh").id]));
      expect(options.processDocs.map((d) => d.code)).toContain("QT 02/CX-HCTP");
    });

    it("a commune officer plans the audit of her own commune with her colleagues", () => {
      const secretary = ctxOf(db, "thuky.laivung", NOW);
      const audit = planAudit(secretary, {
        unitId: unitIdByCode(db, "DT-LAIVUNG"),
        startOn: "2026-11-02",
        endOn: "2026-11-03",
        leadAuditorId: actorOf(db, "thuky.laivung").id,
        teamIds: [actorOf(db, "congchuc.laivung").id],
        clauseCodes: ["7.5"],
        processDocIds: [docId("QT 02/CX-HCTP")],
      });
      expect(getAuditDetail(secretary, audit.id).audit.unitId).toBe(unitIdByCode(db, "DT-LAIVUNG"));
    });

    it("accepts a cross audit between sibling communes and lets the auditor read the audit, not the commune's other records", () => {
      const audit = plan();
      const auditor = ctxOf(db, "thuky.laivung", NOW);
      expect(getAuditDetail(auditor, audit.id).can.readUnit).toBe(false);
      expect(listAudits(auditor, { mine: true }).map((a) => a.id)).toContain(audit.id);
      // A sibling who is not on the team learns nothing.
      expect(() => getAuditDetail(ctxOf(db, "thuky.tanduong", NOW), audit.id)).toThrow(NotFoundError);
    });

    it("refuses people outside the planner's reach", () => {
      const e = errorOf(() => plan({ leadAuditorId: actorOf(db, "thuky.longho").id }));
      expect(e.fieldErrors).toEqual({ leadAuditorId: ["audits.errors.auditorUnknown"] });
    });
  });

  describe("checklist generated from the scope", () => {
    it("covers sub-clauses of a chosen clause and adds the process questions, naming the process", () => {
      const items = itemsOf(plan().id);
      const clauses = new Set(items.filter((i) => i.kind === "clause").map((i) => i.clauseCode));
      expect([...clauses].sort()).toEqual(["7.5", "7.5.1", "7.5.2", "7.5.3", "8.7"]);
      const proc = items.filter((i) => i.kind === "process");
      expect(proc.length).toBe(4);
      expect(proc[0]!.question).toContain("QT 05/CX-HT (Đăng ký khai sinh)");
      expect(items.every((i) => i.result === null)).toBe(true);
    });

    it("follows a scope change while planned and keeps the auditors' own questions", () => {
      const audit = plan();
      addChecklistQuestion(officer, audit.id, { question: "Sổ theo dõi hồ sơ có được cập nhật hằng ngày không?" });
      updateAudit(officer, audit.id, {
        startOn: "2026-11-02",
        endOn: "2026-11-03",
        leadAuditorId: actorOf(db, "canbo.tinh").id,
        teamIds: [],
        clauseCodes: ["9.2"],
        processes: "",
      });
      const items = itemsOf(audit.id);
      expect(items.filter((i) => i.kind === "clause").every((i) => i.clauseCode === "9.2")).toBe(true);
      expect(items.filter((i) => i.kind === "process")).toHaveLength(0);
      expect(items.at(-1)!.question).toBe("Sổ theo dõi hồ sơ có được cập nhật hằng ngày không?");
    });
  });

  describe("status steps are guarded", () => {
    it("walks planned → in progress → reported → closed, each step only from its status and by the right person", async () => {
      const audit = plan();
      const lead = officer;
      const member = ctxOf(db, "thuky.laivung", NOW);
      expect(errorOf(() => reportAudit(lead, audit.id, { reportedOn: "2026-11-03", conclusion: "x" }))).toBeInstanceOf(PreconditionFailedError);
      // A sibling commune's officer cannot touch the plan (nor learn it exists).
      expect(
        errorOf(() =>
          updateAudit(ctxOf(db, "thuky.hoalong", NOW), audit.id, {
            startOn: "2026-11-02",
            endOn: "2026-11-03",
            leadAuditorId: actorOf(db, "canbo.tinh").id,
            teamIds: [],
            clauseCodes: ["9.2"],
          }),
        ),
      ).toBeInstanceOf(NotFoundError);

      startAudit(lead, audit.id);
      expect(
        errorOf(() =>
          updateAudit(officer, audit.id, {
            startOn: "2026-11-02",
            endOn: "2026-11-03",
            leadAuditorId: actorOf(db, "canbo.tinh").id,
            teamIds: [],
            clauseCodes: ["9.2"],
          }),
        ).messageKey,
      ).toBe("audits.errors.onlyPlanned");

      const e = errorOf(() => reportAudit(lead, audit.id, { reportedOn: "2026-11-03", conclusion: "Phù hợp." }));
      expect(e).toBeInstanceOf(PreconditionFailedError);
      expect(e.messageKey).toBe("audits.errors.unanswered");

      for (const item of itemsOf(audit.id)) await answerChecklistItem(member, audit.id, { itemId: item.id, result: "conforms" });
      expect(errorOf(() => reportAudit(member, audit.id, { reportedOn: "2026-11-03", conclusion: "Phù hợp." }))).toBeInstanceOf(ForbiddenError);
      expect(errorOf(() => reportAudit(lead, audit.id, { reportedOn: "2026-11-01", conclusion: "Phù hợp." })).fieldErrors).toEqual({
        reportedOn: ["audits.errors.reportBeforeStart"],
      });
      expect(errorOf(() => reportAudit(lead, audit.id, { reportedOn: "2026-12-01", conclusion: "Phù hợp." })).fieldErrors).toEqual({
        reportedOn: ["audits.errors.futureDate"],
      });

      reportAudit(lead, audit.id, { reportedOn: "2026-11-04", conclusion: "HTQLCL phù hợp và được duy trì." });
      expect(() => closeAudit(ctxOf(db, "thuky.hoalong", NOW), audit.id)).toThrow(NotFoundError);
      reopenAudit(lead, audit.id);
      expect(db.select().from(audits).where(eq(audits.id, audit.id)).get()).toMatchObject({ status: "in_progress", reportedOn: null });
      reportAudit(lead, audit.id, { reportedOn: "2026-11-05", conclusion: "HTQLCL phù hợp và được duy trì." });
      // The commune's own secretary may close (accept) the report of her commune's audit.
      closeAudit(ctxOf(db, "thuky.phonghoa", NOW), audit.id);
      expect(errorOf(() => reopenAudit(lead, audit.id)).messageKey).toBe("audits.errors.badStep");
      const row = db.select().from(audits).where(eq(audits.id, audit.id)).get()!;
      expect(row).toMatchObject({ status: "closed", reportedOn: "2026-11-05" });
    });

    it("only the audit team fills in the checklist, and only while the audit is in progress", async () => {
      const audit = plan();
      const item = itemsOf(audit.id)[0]!;
      await expect(answerChecklistItem(officer, audit.id, { itemId: item.id, result: "conforms" })).rejects.toThrow(PreconditionFailedError);
      startAudit(officer, audit.id);
      await expect(answerChecklistItem(ctxOf(db, "thuky.phonghoa", NOW), audit.id, { itemId: item.id, result: "conforms" })).rejects.toThrow(ForbiddenError);
      await expect(answerChecklistItem(ctxOf(db, "thuky.tanduong", NOW), audit.id, { itemId: item.id, result: "conforms" })).rejects.toThrow(NotFoundError);
    });
  });

  describe("findings raised from a checklist item", () => {
    it("keep the link to the item, and their grade must fit the item's result", async () => {
      const audit = plan();
      startAudit(officer, audit.id);
      const item = itemsOf(audit.id).find((i) => i.clauseCode === "8.7")!;
      const raise = (gradeCode: string, ctx = officer) =>
        raiseFinding(ctx, {
          origin: { kind: "audit", auditId: audit.id, checklistItemId: item.id },
          gradeCode,
          clauseCode: "8.7",
          description: "Hồ sơ trễ hạn không có văn bản xin lỗi.",
        });
      expect(errorOf(() => raise("major")).fieldErrors).toEqual({ gradeCode: ["audits.errors.answerFirst"] });
      await answerChecklistItem(officer, audit.id, { itemId: item.id, result: "observation" });
      expect(errorOf(() => raise("major")).fieldErrors).toEqual({ gradeCode: ["audits.errors.gradeForResult"] });
      await answerChecklistItem(officer, audit.id, { itemId: item.id, result: "nonconformity", notes: "2/15 hồ sơ" });
      expect(errorOf(() => raise("major", ctxOf(db, "thuky.phonghoa", NOW)))).toBeInstanceOf(ForbiddenError);

      const f = raise("major");
      expect(f).toMatchObject({ source: "internal_audit", unitId: unitIdByCode(db, "DT-PHONGHOA"), foundOn: "2026-11-25", status: "open" });
      const detail = getFindingDetail(ctxOf(db, "chutich.phonghoa", NOW), f.id);
      expect(detail.audit).toMatchObject({ id: audit.id, itemId: item.id, question: item.question });
      expect(
        getAuditDetail(officer, audit.id)
          .items.find((i) => i.id === item.id)!
          .findings.map((x) => x.id),
      ).toEqual([f.id]);
      // The result can no longer be changed to one the major nonconformity does not fit.
      await expect(answerChecklistItem(officer, audit.id, { itemId: item.id, result: "conforms" })).rejects.toThrow(InvalidInputError);
      // A sibling commune's leader cannot read it.
      expect(() => getFindingDetail(ctxOf(db, "chutich.hoalong", NOW), f.id)).toThrow(NotFoundError);
    });
  });

  describe("one-step planning and copying last year's audit", () => {
    const batch = (ctx: Ctx) =>
      planAuditsForUnits(ctx, {
        startOn: "2027-03-10",
        endOn: "2027-03-11",
        leadAuditorId: actorOf(db, "canbo.tinh").id,
        teamIds: [],
        clauseCodes: ["4", "9.2"],
        unitIds: ["DT-LAIVUNG", "DT-HOALONG", "DT-PHONGHOA", "DT-TANDUONG"].map((c) => unitIdByCode(db, c)),
      });

    it("plans an audit for every commune below in one go, and skips the communes already planned that year", () => {
      const first = batch(officer);
      expect(first.created.map((c) => c.unitName).sort()).toEqual(["Xã Hòa Long", "Xã Lai Vung", "Xã Phong Hòa", "Xã Tân Dương"]);
      expect(itemsOf(first.created[0]!.id).length).toBeGreaterThan(5);
      const again = batch(officer);
      expect(again.created).toEqual([]);
      expect(again.skipped).toHaveLength(4);
    });

    it("a commune's officer has no units below to plan for", () => {
      expect(errorOf(() => batch(ctxOf(db, "thuky.laivung", NOW))).fieldErrors).toEqual({ unitIds: ["audits.errors.unitNotBelow"] });
    });

    it("copies last year's audit with its scope, team and questions, results cleared, once per year", () => {
      const src = listAudits(ctxOf(db, "chutich.laivung", NOW), { year: 2026 })[0]!;
      const copy = copyAudit(officer, src.id, { startOn: "2027-06-14", endOn: "2027-06-15" });
      const before = itemsOf(src.id);
      const after = itemsOf(copy.id);
      expect(after.map((i) => i.question)).toEqual(before.map((i) => i.question));
      expect(after.every((i) => i.result === null && i.notes === null)).toBe(true);
      const d = getAuditDetail(officer, copy.id);
      expect(d.audit).toMatchObject({ status: "planned", copiedFromId: src.id, title: "Đánh giá nội bộ HTQLCL năm 2027 – Xã Lai Vung" });
      expect(d.team.map((m) => m.fullName)).toEqual(["Lý Thị Kim Ngân"]);
      expect(d.processes.map((p) => p.code)).toEqual(["QT 01/CX-HCTP", "QT 05/CX-HT"]);
      expect(errorOf(() => copyAudit(officer, src.id, { startOn: "2027-09-01", endOn: "2027-09-02" })).messageKey).toBe("audits.errors.alreadyCopied");
      expect(errorOf(() => copyAudit(officer, src.id, { startOn: "2026-12-01", endOn: "2026-12-02" })).fieldErrors).toEqual({
        startOn: ["audits.errors.copySameYear"],
      });
      expect(() => copyAudit(ctxOf(db, "thuky.hoalong", NOW), src.id, { startOn: "2027-06-14", endOn: "2027-06-15" })).toThrow(NotFoundError);
    });
  });
});
