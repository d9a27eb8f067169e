import { atTime } from "~/modules/context.server";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { documents, trail } from "#db/schema";
import { getDocumentDetail, documentStatsForUnits, listDocuments } from "~/modules/documents/queries.server";
import { createDocument } from "~/modules/documents/create-document.server";
import { draftRevision } from "~/modules/documents/draft-revision.server";
import { approveRevision, activateRevision, recordRevisionReview, returnRevision, submitRevision } from "~/modules/documents/workflow.server";
import { recordPeriodicReview } from "~/modules/documents/record-review.server";
import { withdrawDocument } from "~/modules/documents/withdraw-document.server";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { createProcedure } from "~/modules/procedures/save-procedure.server";
import { getDocumentInScopeOrThrow } from "~/modules/documents/access.server";
import { clockState } from "~/modules/documents/rules";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "~/modules/context";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

// why: uploads go to a throwaway data folder, not the developer's ./data.
process.env.DATA_DIR = path.resolve("tests/.tmp/docs-int-data");

export const PDF = () =>
  new File([Buffer.from(`%PDF-1.4\n% ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)], "quy-trinh.pdf", { type: "application/pdf" });
const EXE = () =>
  new File([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(400, 1)])], "quy-trinh.pdf", { type: "application/pdf" });

const at = (ctx: Ctx, iso: string): Ctx => atTime(ctx, new Date(iso));

describe("document control", () => {
  let db: ReturnType<typeof testDb>;
  let phongHoa: number;
  let tanDuong: number;
  beforeAll(() => {
    db = testDb({ seeded: true });
    phongHoa = unitIdByCode(db, "DT-PHONGHOA");
    tanDuong = unitIdByCode(db, "DT-TANDUONG");
  });
  afterAll(() => closeTestDb(db));

  const officer = (now = "2026-03-02T03:00:00Z") => at(ctxOf(db, "thuky.phonghoa"), now);
  const leader = (now = "2026-03-02T03:00:00Z") => at(ctxOf(db, "chutich.phonghoa"), now);
  const base = (code: string) => ({
    unitId: phongHoa,
    code,
    title: "Quy trình đăng ký khai sinh",
    kind: "process" as const,
    owner: "Công chức Tư pháp - Hộ tịch",
    reviewCycleMonths: 12,
    clauseCodes: ["8.5", "7.5.3"],
    procedureIds: [] as number[],
    changeSummary: "Ban hành lần đầu",
  });

  async function effectiveDoc(code: string, day = "2026-03-02") {
    const { document, revision } = await createDocument(officer(`${day}T03:00:00Z`), { ...base(code), file: PDF() });
    submitRevision(officer(`${day}T03:00:00Z`), document.id, revision.id);
    approveRevision(leader(`${day}T04:00:00Z`), document.id, revision.id, day);
    return { document, revision };
  }

  it("the demo commune's stored clocks agree with the pure rule, and its counts read as the demo intends", () => {
    for (const d of db.select().from(documents).all()) {
      const open = db.$client
        .prepare(
          "SELECT l.effective_on AS e FROM legal_change_documents x JOIN legal_changes l ON l.id = x.legal_change_id WHERE x.document_id = ? AND x.resolved_on IS NULL",
        )
        .all(d.id) as { e: string }[];
      const c = clockState({ ...d, openLegalChangeDays: open.map((o) => o.e) }, "2026-11-25");
      expect([d.nextReviewOn, d.updateDueOn]).toEqual([c.nextReviewOn, c.updateDueOn]);
    }
    const laiVung = unitIdByCode(db, "DT-LAIVUNG");
    expect(documentStatsForUnits(ctxOf(db, "kiemtra.tinh"), [laiVung], "2026-01-05")[0]).toMatchObject({
      effective: 7,
      overdueUpdate: 1,
      procedures: 12,
      uncoveredProcedures: 5,
      needsRevision: 1,
    });
  });

  it("only a quality officer drafts; a leader or an inspector cannot", async () => {
    await expect(createDocument(leader(), { ...base("QT 90/CX"), file: PDF() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createDocument(ctxOf(db, "kiemtra.tinh"), { ...base("QT 91/CX"), file: PDF() })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an officer cannot file a document under a sibling commune", async () => {
    const err = await createDocument(ctxOf(db, "thuky.hoalong"), { ...base("QT 92/CX"), file: PDF() }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.fieldErrors.unitId).toEqual(["documents.errors.unit"]);
  });

  it("an executable renamed .pdf is refused by its content, with a field error and nothing written", async () => {
    const before = db.select().from(documents).all().length;
    const err = await createDocument(officer(), { ...base("QT 93/CX"), file: EXE() }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.fieldErrors.file).toEqual(["documents.errors.fileType"]);
    expect(db.select().from(documents).all().length).toBe(before);
  });

  it("draft → in review → approved → effective, with who and when; only a leader approves; nobody reviews their own draft", async () => {
    const { document, revision } = await createDocument(officer(), { ...base("QT 02/CX-HCTP"), file: PDF() });
    expect(document.status).toBe("draft");
    expect(() => approveRevision(leader(), document.id, revision.id, "2026-03-02")).toThrow(PreconditionFailedError); // still a draft
    submitRevision(officer(), document.id, revision.id);
    expect(() => recordRevisionReview(officer(), document.id, revision.id, "ok")).toThrow(ForbiddenError);
    expect(() => approveRevision(officer(), document.id, revision.id, "2026-03-02")).toThrow(ForbiddenError);
    expect(() => approveRevision(ctxOf(db, "chutich.hoalong"), document.id, revision.id, "2026-03-02")).toThrow(NotFoundError);
    recordRevisionReview(at(ctxOf(db, "chutich.phonghoa"), "2026-03-02T05:00:00Z"), document.id, revision.id, "Đã xem xét, đồng ý trình");
    const approved = approveRevision(leader("2026-03-03T02:00:00Z"), document.id, revision.id, "2026-03-03");
    expect(approved.status).toBe("effective");
    expect(approved.approvedById).not.toBeNull();
    expect(approved.reviewedById).not.toBeNull();
    expect(approved.draftedById).not.toBeNull();
    const d = getDocumentInScopeOrThrow(leader(), document.id);
    expect(d.status).toBe("effective");
    expect(d.currentRevisionId).toBe(revision.id);
    expect(d.nextReviewOn).toBe("2027-03-03");
    const actions = db
      .select({ a: trail.action })
      .from(trail)
      .where(eq(trail.entityId, String(document.id)))
      .all()
      .map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(["create", "revision.submit", "revision.review", "revision.approve", "revision.take-effect"]));
  });

  it("a province leader (above the commune) may approve; a returned draft goes back to the drafter", async () => {
    const { document, revision } = await createDocument(officer(), { ...base("QT 03/CX-HCTP"), file: PDF() });
    submitRevision(officer(), document.id, revision.id);
    returnRevision(leader(), document.id, revision.id, "Bổ sung bước trả kết quả qua BCCI");
    const back = getDocumentDetail(officer(), document.id).revisions[0]!;
    expect(back.status).toBe("draft");
    expect(back.reviewNote).toContain("BCCI");
    expect(() => approveRevision(leader(), document.id, revision.id, "2026-03-02")).toThrow(PreconditionFailedError);
  });

  it("a new revision supersedes the one in force; the old one stays readable, marked superseded", async () => {
    const { document, revision: r1 } = await effectiveDoc("QT 04/CX-HCTP", "2026-01-10");
    const r2 = await draftRevision(officer(), document.id, { changeSummary: "Cập nhật theo Nghị định mới", file: PDF() });
    expect(r2.number).toBe(2);
    await expect(draftRevision(officer(), document.id, { changeSummary: "Một bản nữa", file: PDF() })).rejects.toBeInstanceOf(PreconditionFailedError);
    submitRevision(officer(), document.id, r2.id);
    // Not before the revision it replaces.
    const early = (() => {
      try {
        approveRevision(leader(), document.id, r2.id, "2025-12-01");
      } catch (e) {
        return e as InvalidInputError;
      }
      return undefined;
    })();
    expect(early?.fieldErrors.effectiveFrom).toEqual(["documents.errors.effectiveBeforeCurrent"]);
    approveRevision(leader(), document.id, r2.id, "2026-03-02");
    const detail = getDocumentDetail(officer(), document.id);
    const byNumber = Object.fromEntries(detail.revisions.map((r) => [r.number, r]));
    expect(byNumber[1]!.status).toBe("superseded");
    expect(byNumber[1]!.supersededById).toBe(r2.id);
    expect(byNumber[2]!.status).toBe("effective");
    expect(detail.doc.currentRevisionId).toBe(r2.id);
    expect(detail.doc.effectiveFrom).toBe("2026-03-02");
    expect(r1.id).not.toBe(r2.id);
  });

  it("an approval dated in the future waits, then is put into effect on its day", async () => {
    const { document, revision } = await createDocument(officer(), { ...base("QT 05/CX-HCTP"), file: PDF() });
    submitRevision(officer(), document.id, revision.id);
    const r = approveRevision(leader(), document.id, revision.id, "2026-04-01");
    expect(r.status).toBe("approved");
    expect(() => activateRevision(officer("2026-03-20T03:00:00Z"), document.id, revision.id)).toThrow(PreconditionFailedError);
    activateRevision(officer("2026-04-01T03:00:00Z"), document.id, revision.id);
    expect(getDocumentInScopeOrThrow(officer(), document.id).status).toBe("effective");
  });

  it("withdrawal makes the document and its revisions obsolete; only a leader withdraws", async () => {
    const { document } = await effectiveDoc("QT 06/CX-HCTP");
    expect(() => withdrawDocument(officer(), document.id, "Không còn áp dụng")).toThrow(ForbiddenError);
    withdrawDocument(leader(), document.id, "TTHC đã bị bãi bỏ");
    const d = getDocumentDetail(officer(), document.id);
    expect(d.doc.status).toBe("obsolete");
    expect(d.revisions.every((r) => r.status === "obsolete")).toBe(true);
    expect(d.clock.overdue).toBe(false);
    await expect(draftRevision(officer(), document.id, { changeSummary: "x", file: PDF() })).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it("periodic review: overdue after the cycle; a 'still valid' review restarts it; 'needs revision' flags it", async () => {
    const { document } = await effectiveDoc("QT 07/CX-HCTP", "2025-07-15");
    expect(getDocumentDetail(officer("2026-07-15T03:00:00Z"), document.id).clock.reviewOverdue).toBe(false); // due day itself
    expect(getDocumentDetail(officer("2026-07-16T03:00:00Z"), document.id).clock.reviewOverdue).toBe(true);
    const overdueList = listDocuments(officer("2026-07-16T03:00:00Z"), { overdue: "review" }).rows.map((r) => r.code);
    expect(overdueList).toContain("QT 07/CX-HCTP");
    expect(() => recordPeriodicReview(officer(), document.id, { reviewedOn: "2026-04-01", outcome: "still_valid" })).toThrow(InvalidInputError); // future
    recordPeriodicReview(officer("2026-07-20T03:00:00Z"), document.id, { reviewedOn: "2026-07-20", outcome: "needs_revision", note: "Biểu mẫu cũ" });
    const after = getDocumentDetail(officer("2026-07-20T03:00:00Z"), document.id);
    expect(after.clock.reviewOverdue).toBe(false);
    expect(after.clock.nextReviewOn).toBe("2027-07-20");
    expect(after.clock.needsRevision).toBe(true);
    expect(listDocuments(officer(), { overdue: "needs_revision" }).rows.map((r) => r.code)).toContain("QT 07/CX-HCTP");
    expect(listDocuments(officer("2026-07-21T03:00:00Z"), { overdue: "review" }).rows.map((r) => r.code)).not.toContain("QT 07/CX-HCTP");
  });

  it("a legal change starts the 3-month update clock, which a newer effective revision stops", async () => {
    const { document } = await effectiveDoc("QT 08/CX-HCTP", "2025-10-01");
    const lc = createLegalChange(officer("2025-11-01T03:00:00Z"), {
      unitId: phongHoa,
      textNumber: "Nghị định 120/2025/NĐ-CP",
      title: "Phân định thẩm quyền chính quyền địa phương 2 cấp",
      effectiveOn: "2025-11-15",
      documentIds: [document.id],
    });
    expect(lc.id).toBeGreaterThan(0);
    expect(getDocumentDetail(officer("2026-02-15T03:00:00Z"), document.id).clock).toMatchObject({ updateDueOn: "2026-02-15", updateOverdue: false });
    expect(getDocumentDetail(officer("2026-02-16T03:00:00Z"), document.id).clock.updateOverdue).toBe(true);
    expect(listDocuments(officer("2026-02-16T03:00:00Z"), { overdue: "update", unitId: phongHoa }).rows.map((r) => r.code)).toEqual(["QT 08/CX-HCTP"]);
    const r2 = await draftRevision(officer("2026-02-20T03:00:00Z"), document.id, { changeSummary: "Cập nhật theo NĐ 120/2025", file: PDF() });
    submitRevision(officer("2026-02-20T03:00:00Z"), document.id, r2.id);
    approveRevision(leader("2026-02-21T03:00:00Z"), document.id, r2.id, "2026-02-21");
    const d = getDocumentDetail(officer("2026-02-21T03:00:00Z"), document.id);
    expect(d.clock.updateDueOn).toBeNull();
    expect(d.legal[0]!.resolvedOn).toBe("2026-02-21");
  });

  it("documentStatsForUnits counts effective, overdue documents and uncovered procedures per unit", async () => {
    const o = at(ctxOf(db, "thuky.tanduong"), "2025-08-10T03:00:00Z");
    const l = at(ctxOf(db, "chutich.tanduong"), "2025-08-10T03:00:00Z");
    const p1 = createProcedure(o, { unitId: tanDuong, code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", onlineLevel: "partial", active: true });
    createProcedure(o, { unitId: tanDuong, code: "1.000894", name: "Đăng ký kết hôn", field: "Hộ tịch", onlineLevel: "partial", active: true });
    createProcedure(o, {
      unitId: tanDuong,
      code: "2.000908",
      name: "Chứng thực bản sao từ bản chính",
      field: "Chứng thực",
      onlineLevel: "none",
      active: false,
    });
    const { document, revision } = await createDocument(o, { ...base("QT 01/TD"), unitId: tanDuong, procedureIds: [p1.id], file: PDF() });
    submitRevision(o, document.id, revision.id);
    // Before approval nothing is covered.
    expect(documentStatsForUnits(o, [tanDuong], "2025-08-10")[0]).toMatchObject({ effective: 0, procedures: 2, uncoveredProcedures: 2 });
    approveRevision(l, document.id, revision.id, "2025-08-10");
    const both = documentStatsForUnits(o, [tanDuong, phongHoa], "2026-01-01");
    expect(both).toHaveLength(2);
    expect(both.find((s) => s.unitId === tanDuong)).toEqual({
      unitId: tanDuong,
      effective: 1,
      overdueReview: 0,
      overdueUpdate: 0,
      overdue: 0,
      needsRevision: 0,
      procedures: 2,
      uncoveredProcedures: 1,
    });
    expect(documentStatsForUnits(o, [tanDuong], "2026-08-11")[0]).toMatchObject({ overdueReview: 1, overdue: 1 });
    // Through a scope: a sibling's leader sees no Tân Dương row.
    const hoaLong = documentStatsForUnits(ctxOf(db, "chutich.hoalong"), "scope", "2026-08-11");
    expect(hoaLong.find((s) => s.unitId === tanDuong)).toBeUndefined();
    const province = documentStatsForUnits(ctxOf(db, "kiemtra.tinh"), "scope", "2026-08-11");
    expect(province.find((s) => s.unitId === tanDuong)).toMatchObject({ effective: 1, uncoveredProcedures: 1 });
  });

  it("a sibling commune's officer neither finds nor opens another commune's document", async () => {
    const { document } = await effectiveDoc("QT 09/CX-HCTP");
    const sibling = ctxOf(db, "thuky.hoalong");
    expect(() => getDocumentDetail(at(sibling, "2026-03-02T03:00:00Z"), document.id)).toThrow(NotFoundError);
    expect(listDocuments(at(sibling, "2026-03-02T03:00:00Z"), { q: "QT 09/CX-HCTP" }).total).toBe(0);
    expect(() => submitRevision(sibling, document.id, 1)).toThrow(NotFoundError);
    // The province inspector reads it.
    expect(getDocumentDetail(at(ctxOf(db, "kiemtra.tinh"), "2026-03-02T03:00:00Z"), document.id).doc.code).toBe("QT 09/CX-HCTP");
  });
});
