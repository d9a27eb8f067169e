import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// why: the route modules read DATA_DIR (archive, uploads) and the app clock on first use; this file's process gets
// its own data folder and the fixed clock the other tests use.
const DATA = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-public-"));
process.env.DATA_DIR = DATA;
process.env.ISOXA_NOW = "2026-11-25T03:00:00Z";

import { DEMO_PASSWORD } from "#db/seed";
import { insertFinding } from "#db/seed-actions";
import { announcementProcedures, conformityAnnouncements, documents, procedures, qualityObjectives, reports, trail, users } from "#db/schema";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { makeCtx } from "~/modules/context.server";
import { createDocument } from "~/modules/documents/create-document.server";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { setFilePublic } from "~/modules/documents/publish-file.server";
import { approveRevision, submitRevision } from "~/modules/documents/workflow.server";
import { createProcedure } from "~/modules/procedures/save-procedure.server";
import { clearPublicCache } from "~/modules/public/cache.server";
import { publicIndex, publicUnitPage } from "~/modules/public/queries.server";
import { announcementDraft, issueAnnouncement, scopeState } from "~/modules/qms-records/announcement.server";
import { listQmsRecords } from "~/modules/qms-records/queries.server";
import { recordManagementReview } from "~/modules/qms-records/record.server";
import { produceQueued } from "~/modules/reports/produce.server";
import { findIssuedByHash } from "~/modules/reports/queries.server";
import { config } from "~/lib/config.server";
import { ForbiddenError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { setDb } from "~/http/db.server";
import { publicCtx } from "~/http/edge.server";
import { isEmbedPath, resetPublicBudgets, takeToken } from "~/http/public.server";
import * as pageRoute from "~/routes/cong-khai.$code._index";
import * as indexRoute from "~/routes/cong-khai._index";
import * as jsonRoute from "~/routes/cong-khai.$code.du-lieu[.json]";
import * as embedRoute from "~/routes/cong-khai.$code.nhung";
import * as pdfRoute from "~/routes/cong-khai.$code.cong-bo.$id";
import * as fileRoute from "~/routes/cong-khai.$code.tai-lieu.$id";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { pdfText } from "../unit/templates-pdftext";

const NOW = new Date("2026-11-25T03:00:00Z");
const LV = "DT-LAIVUNG";
type TDB = ReturnType<typeof testDb>;

/** Strings that exist in Lai Vung's records but must never reach a public page, its JSON or its embed. */
const PRIVATE = [
  "PRIVATE-FINDING-7Q",
  "PRIVATE-EVIDENCE-7Q",
  "PRIVATE-CORRECTION-7Q",
  "PRIVATE-ROOT-7Q",
  "PRIVATE-ACTION-7Q",
  "PRIVATE-USER-7Q",
  "private.user.7q",
  "PRIVATE-DRAFT-7Q",
  "PRIVATE-DRAFTFILE-7Q",
  "PRIVATE-FILE-7Q",
  "PRIVATE-OWNER-7Q",
  "PRIVATE-CHANGE-7Q",
  "PRIVATE-NOTE-7Q",
  "PRIVATE-REVIEW-7Q",
  "PRIVATE-CHAIRED-7Q",
  "PRIVATE-LEGAL-7Q",
  // People of the demo: names and accounts (the PDF is signed by name, the page never names anyone).
  "Nguyễn Hữu Phước",
  "Trần Thị Ngọc Ánh",
  "chutich.laivung",
  "thuky.laivung",
  // Findings and actions of the demo data.
  "Chưa cập nhật 4 quy trình",
  // The demo's documents: the draft in review (QT 04) and every uploaded file's name.
  "QT 04/CX-HCTP",
  "QT-05-CX-HCTP.pdf",
  "QT-02-CX-HCTP-lan-2.pdf",
  "passwordHash",
];

const pdf = (name: string, text: string) =>
  new File([`%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`], `${name}.pdf`, { type: "application/pdf" });

async function call(mod: { loader: (a: never) => unknown }, url: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new Request(`http://public.test${url}`, { headers: { "x-isoxa-client-ip": "198.51.100.7", ...headers } });
  try {
    const r = await mod.loader({ request, params, context: {} } as never);
    if (r instanceof Response) return { status: r.status, headers: r.headers, body: r.status === 304 ? "" : await r.text(), bytes: null as Buffer | null };
    const d = r as { type?: string; data: unknown; init?: { headers?: Record<string, string>; status?: number } };
    return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), body: JSON.stringify(d.data), bytes: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, headers: e.headers, body: await e.text(), bytes: null };
    throw e;
  }
}

describe("public pages of a unit (issue 20)", () => {
  let db: TDB;
  let laiVung: number;
  const deps = () => ({ reportsDir: config().reportsDir, baseUrl: "https://iso.dongthap.gov.vn" });

  beforeAll(async () => {
    db = testDb({ seeded: true });
    setDb(db);
    laiVung = unitIdByCode(db, LV);
    const officer = ctxOf(db, "thuky.laivung", NOW);
    const chair = ctxOf(db, "chutich.laivung", NOW);
    const sys = makeCtx(db, { kind: "system", name: "fixture" }, NOW);
    // Private records of Lai Vung, each carrying a token.
    const f = insertFinding(
      db,
      { unitCode: LV, source: "internal_audit", grade: "minor", description: "PRIVATE-FINDING-7Q", evidence: "PRIVATE-EVIDENCE-7Q", foundOn: "2026-11-01" },
      NOW,
    );
    saveCaRequest(sys, f.id, { correction: "PRIVATE-CORRECTION-7Q", rootCauseMethod: "free_text", rootCause: "PRIVATE-ROOT-7Q" });
    const t = NOW.getTime();
    const privateUser = db
      .insert(users)
      .values({
        username: "private.user.7q",
        fullName: "PRIVATE-USER-7Q",
        unitId: laiVung,
        role: "officer",
        passwordHash: "x",
        passwordChangedAt: t,
        createdAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    addCorrectiveAction(sys, f.id, { description: "PRIVATE-ACTION-7Q", ownerId: privateUser.id, dueOn: "2026-12-31" });
    const proc = createProcedure(officer, {
      unitId: laiVung,
      code: "9.999999",
      name: "Thủ tục thử công khai",
      field: "Thử",
      onlineLevel: "none",
      active: true,
    });
    // A draft that stays a draft, and one that takes effect later (its procedure then enters the scope).
    await createDocument(officer, {
      unitId: laiVung,
      code: "QT 97/DRAFT",
      title: "PRIVATE-DRAFT-7Q",
      kind: "process",
      owner: "Văn phòng",
      reviewCycleMonths: 12,
      clauseCodes: ["8.5"],
      procedureIds: [proc.id],
      changeSummary: "Dự thảo",
      file: pdf("PRIVATE-DRAFTFILE-7Q", "draft"),
    });
    await createDocument(officer, {
      unitId: laiVung,
      code: "QT 98/DRAFT",
      title: "Quy trình thử công khai",
      kind: "process",
      owner: "Văn phòng",
      reviewCycleMonths: 12,
      clauseCodes: ["8.5"],
      procedureIds: [proc.id],
      changeSummary: "Dự thảo",
      file: pdf("later", "later"),
    });
    const { document, revision } = await createDocument(officer, {
      unitId: laiVung,
      code: "QT 99/PRIV",
      title: "Quy trình nội bộ không công khai tệp",
      kind: "process",
      owner: "PRIVATE-OWNER-7Q",
      reviewCycleMonths: 12,
      clauseCodes: ["8.5"],
      procedureIds: [],
      changeSummary: "PRIVATE-CHANGE-7Q",
      file: pdf("PRIVATE-FILE-7Q", "private"),
    });
    submitRevision(officer, document.id, revision.id);
    approveRevision(chair, document.id, revision.id, "2026-11-20");
    db.insert(qualityObjectives)
      .values({
        unitId: laiVung,
        year: 2026,
        title: "Mục tiêu công khai 7Q",
        measure: "manual",
        target: 90,
        manualValue: 95,
        note: "PRIVATE-NOTE-7Q",
        createdAt: t,
        updatedAt: t,
      })
      .run();
    await recordManagementReview(officer, laiVung, {
      heldOn: "2026-11-20",
      chairedBy: "PRIVATE-CHAIRED-7Q",
      inputs: "PRIVATE-REVIEW-7Q",
      decisions: "Không có",
    });
    createLegalChange(officer, { unitId: laiVung, textNumber: "01/2026/TT", title: "PRIVATE-LEGAL-7Q", effectiveOn: "2026-10-01", documentIds: [] });
  });
  afterAll(() => closeTestDb(db));

  const doc = (code: string) =>
    db
      .select()
      .from(documents)
      .where(and(eq(documents.unitId, laiVung), eq(documents.code, code)))
      .get()!;

  it("the draft announcement lists the procedures covered by a process in force, and only the unit's own leader may issue it", async () => {
    const draft = announcementDraft(ctxOf(db, "thuky.laivung", NOW), laiVung);
    // QT 02 (3 procedures), QT 03 (1), QT 05 (3): 7 covered; QT 04 is still in review, the draft QT 98 is a draft.
    expect(draft.covered.map((p) => p.code).sort()).toEqual(["1.000894", "1.001193", "1.004873", "1.004884", "2.000815", "2.000908", "2.001035"]);
    expect(draft.uncovered).toBe(12 - 7 + 1);
    expect(draft.kind).toBe("re_announcement"); // the paper announcement of 15/09/2025 is in force
    expect(draft.nextNumber).toBe("01/TB-UBND");
    expect(draft.can.issue).toBe(false);
    expect(announcementDraft(ctxOf(db, "chutich.laivung", NOW), laiVung).can.issue).toBe(true);

    const before = db.select().from(trail).all().length;
    await expect(issueAnnouncement(ctxOf(db, "thuky.laivung", NOW), laiVung, { password: DEMO_PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueAnnouncement(ctxOf(db, "chutich.hoalong", NOW), laiVung, { password: DEMO_PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
    await expect(issueAnnouncement(ctxOf(db, "chutich.laivung", NOW), laiVung, { password: "wrong" })).rejects.toBeInstanceOf(InvalidInputError);
    expect(db.select().from(conformityAnnouncements).where(eq(conformityAnnouncements.unitId, laiVung)).all()).toHaveLength(1);
    // The wrong password counted an attempt (a user row), nothing else was written.
    expect(db.select().from(trail).all().length).toBe(before);
  });

  it("the chair issues it: number 01/TB-UBND of the year, today's date, the scope copied, its PDF archived, hashed and verifiable", async () => {
    const { announcement, report } = await issueAnnouncement(ctxOf(db, "chutich.laivung", NOW), laiVung, { password: DEMO_PASSWORD });
    expect(announcement).toMatchObject({
      kind: "re_announcement",
      decisionNumber: "01/TB-UBND",
      decidedOn: "2026-11-25",
      issuedYear: 2026,
      issuedSeq: 1,
      postedOn: "2026-11-25",
    });
    expect(db.select().from(announcementProcedures).where(eq(announcementProcedures.announcementId, announcement.id)).all()).toHaveLength(7);
    expect(report).toMatchObject({ kind: "announcement", status: "queued", subjectId: announcement.id, unitId: laiVung });
    const done = await produceQueued(db, report.id, deps(), NOW);
    expect(done?.status, done?.error ?? "").toBe("done");
    const bytes = fs.readFileSync(path.join(config().reportsDir, done!.file!));
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(sha).toBe(done!.sha256);
    expect(findIssuedByHash(db, sha)).toMatchObject({ kind: "announcement", unitCode: LV });
    const text = pdfText(bytes);
    expect(text).toContain("Số: 01/TB-UBND");
    expect(text).toContain("Lai Vung, ngày 25 tháng 11 năm 2026");
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG CÔNG BỐ:");
    expect(text).toContain("đối với 7 thủ tục hành chính");
    expect(text).toContain("Thủ tục đăng ký khai sinh");
    expect(text).toContain("thay thế Công bố số 125/QĐ-UBND ngày 15/09/2025");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH");
    expect(text).toContain("Nguyễn Hữu Phước");
    expect(text).toContain(`Mã xác thực: ${done!.verifyCode}`);
    expect(text).not.toContain("PRIVATE-DRAFT-7Q");

    // A second one the same year takes the next number.
    const again = await issueAnnouncement(ctxOf(db, "phochutich.laivung", NOW), laiVung, { password: DEMO_PASSWORD });
    expect(again.announcement.decisionNumber).toBe("02/TB-UBND");
    const second = await produceQueued(db, again.report.id, deps(), NOW);
    const text2 = pdfText(fs.readFileSync(path.join(config().reportsDir, second!.file!)));
    // The vice-chair signs for the chair; the scope did not change.
    expect(text2).toContain("KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
    expect(text2).toContain("Công bố này thay thế Công bố số 01/TB-UBND ngày 25/11/2026.");
  });

  it("a change of the covered procedures makes a re-announcement due (page, index and QMS page agree)", async () => {
    const ctx = publicCtx(new Request("http://public.test/"));
    expect(scopeState(db, laiVung).due).toBe(false);
    expect(publicUnitPage(ctx, LV).reannouncementDue).toBe(false);
    expect(publicIndex(ctx, "DT").rows.find((r) => r.code === LV)).toMatchObject({
      announced: true,
      lastNumber: "02/TB-UBND",
      issued: true,
      reannouncementDue: false,
    });
    // The draft QT 98 takes effect: it covers a new procedure, so the scope grew.
    const officer = ctxOf(db, "thuky.laivung", NOW);
    const d = doc("QT 98/DRAFT");
    const rev = db.$client.prepare("SELECT id FROM document_revisions WHERE document_id = ? ORDER BY id DESC LIMIT 1").get(d.id) as { id: number };
    submitRevision(officer, d.id, rev.id);
    approveRevision(ctxOf(db, "chutich.laivung", NOW), d.id, rev.id, "2026-11-25");
    expect(scopeState(db, laiVung)).toMatchObject({ due: true, diff: { added: [{ code: "9.999999" }], removed: [] } });
    expect(publicUnitPage(ctx, LV).reannouncementDue).toBe(true);
    expect(publicIndex(ctx, "DT").rows.find((r) => r.code === LV)?.reannouncementDue).toBe(true);
    // The other communes never announced: not announced, nothing due.
    expect(publicIndex(ctx, "DT").rows.find((r) => r.code === "DT-HOALONG")).toMatchObject({ announced: false, reannouncementDue: false });
    // A deactivated procedure leaves the scope too.
    db.update(procedures).set({ active: false }).where(eq(procedures.code, "9.999999")).run();
    expect(scopeState(db, laiVung).due).toBe(false);
    db.update(procedures).set({ active: true }).where(eq(procedures.code, "9.999999")).run();
    // The document title of the draft is public now (it is a process in force), the others stay private.
  });

  it("an officer marks a document's file public (trail row on change only); the public file route serves the revision in force and nothing else", async () => {
    const officer = ctxOf(db, "thuky.laivung", NOW);
    const birth = doc("QT 02/CX-HCTP");
    const n = () => db.select().from(trail).where(eq(trail.action, "publish-file")).all().length;
    expect(setFilePublic(officer, birth.id, true)).toBe(true);
    expect(setFilePublic(officer, birth.id, true)).toBe(false);
    expect(n()).toBe(1);
    expect(() => setFilePublic(ctxOf(db, "chutich.laivung", NOW), birth.id, false)).toThrow(ForbiddenError);
    expect(() => setFilePublic(ctxOf(db, "thuky.hoalong", NOW), birth.id, false)).toThrow(NotFoundError);
    // In review (QT 04) marked public: still not served, it is not in force.
    setFilePublic(officer, doc("QT 04/CX-HCTP").id, true);

    // (The demo's files live in the seeding run's data folder: this one's file was uploaded here.)
    const own = doc("QT 99/PRIV");
    expect((await call(fileRoute as never, `/x`, { code: LV, id: String(own.id) })).status).toBe(404);
    setFilePublic(officer, own.id, true);
    const ok = await call(fileRoute as never, `/cong-khai/${LV}/tai-lieu/${own.id}`, { code: LV, id: String(own.id) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(ok.headers.get("Content-Disposition")).toContain("QT 99-PRIV - l"); // named by code and revision
    expect(ok.headers.get("Content-Disposition")).not.toContain("PRIVATE-FILE-7Q");
    setFilePublic(officer, own.id, false);
    expect((await call(fileRoute as never, `/x`, { code: LV, id: String(own.id) })).status).toBe(404);
    for (const [code, id] of [
      [LV, doc("QT 05/CX-HCTP").id], // in force, not public
      [LV, doc("QT 04/CX-HCTP").id], // public, not in force
      ["DT-HOALONG", birth.id], // another unit's address
    ] as const) {
      const r = await call(fileRoute as never, `/cong-khai/${code}/tai-lieu/${id}`, { code, id: String(id) });
      expect(r.status, `${code} ${id}`).toBe(404);
    }
  });

  it("page, JSON and embed show the announcement, its verification, processes, procedures and figures, and nothing private", async () => {
    clearPublicCache();
    const page = await call(pageRoute as never, `/cong-khai/${LV}`, { code: LV });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("public, max-age=300");
    const data = JSON.parse(page.body).page as ReturnType<typeof publicUnitPage>;
    expect(data.announcement).toMatchObject({ kind: "re_announcement", number: "02/TB-UBND", decidedOn: "2026-11-25", issued: true });
    expect(data.announcement?.pdf?.path).toMatch(new RegExp(`^/cong-khai/${LV}/cong-bo/\\d+$`));
    expect(data.announcement?.pdf?.verifyPath).toBe(`/reports/verify/${data.announcement?.pdf?.verifyCode}`);
    expect(data.earlier.map((e) => e.number)).toEqual(["01/TB-UBND", "125/QĐ-UBND"]);
    expect(data.processes.map((p) => p.code)).toEqual(["QT 01/CX", "QT 02/CX-HCTP", "QT 03/CX-HCTP", "QT 05/CX-HCTP", "QT 98/DRAFT", "QT 99/PRIV"]);
    expect(data.processes.filter((p) => p.file).map((p) => p.code)).toEqual(["QT 02/CX-HCTP"]);
    expect(data.policy).toMatchObject({ code: "CSCL", file: null });
    expect(data.objectives.rows.find((o) => o.title === "Mục tiêu công khai 7Q")).toMatchObject({ value: 95, met: true });
    expect(data.figures.months.length).toBeGreaterThan(0);
    expect(data.lineage.formedFrom.length).toBeGreaterThan(0);

    const json = await call(jsonRoute as never, `/cong-khai/${LV}/du-lieu.json`, { code: LV });
    expect(json.status).toBe(200);
    expect(json.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(json.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const etag = json.headers.get("ETag")!;
    expect(etag).toMatch(/^W\/"/);
    const j = JSON.parse(json.body);
    expect(j.schema).toBe("isoxa.public-unit/1");
    expect(j.announcement.pdf.url).toBe(`http://public.test${data.announcement!.pdf!.path}`);
    expect(j.processes.map((p: { code: string }) => p.code)).toEqual(data.processes.map((p) => p.code));
    expect(j.processes.find((p: { code: string }) => p.code === "QT 02/CX-HCTP").fileUrl).toMatch(/\/tai-lieu\/\d+$/);
    // Unchanged: 304 with the same validator, no body.
    const again = await call(jsonRoute as never, `/cong-khai/${LV}/du-lieu.json`, { code: LV }, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    // A change anywhere (a trail row) gives a new version.
    setFilePublic(ctxOf(db, "thuky.laivung", NOW), doc("QT 03/CX-HCTP").id, true);
    const changed = await call(jsonRoute as never, `/cong-khai/${LV}/du-lieu.json`, { code: LV }, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);

    const embed = await call(embedRoute as never, `/cong-khai/${LV}/nhung`, { code: LV });
    expect(embed.status).toBe(200);
    expect(embed.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(embed.headers.get("ETag")).toMatch(/^W\/"/);
    expect(embed.body).toContain("Số 02/TB-UBND ngày 25/11/2026");
    expect(embed.body).not.toContain("<script");
    expect(isEmbedPath(`/cong-khai/${LV}/nhung`)).toBe(true);
    expect(isEmbedPath(`/cong-khai/${LV}`)).toBe(false);
    const embedEn = await call(embedRoute as never, `/cong-khai/${LV}/nhung?lang=en`, { code: LV });
    expect(embedEn.body).toContain('<html lang="en">');

    const index = await call(indexRoute as never, `/cong-khai?tinh=DT`, {});
    expect(index.status).toBe(200);

    const signedIn = await call(pageRoute as never, `/cong-khai/${LV}`, { code: LV }, { Cookie: "isoxa_session=abc" });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");

    for (const [what, body] of [
      ["page", page.body],
      ["json", changed.body],
      ["embed", embed.body],
      ["embed en", embedEn.body],
      ["index", index.body],
    ] as const)
      for (const token of PRIVATE) expect(body.includes(token), `${what} shows ${token}`).toBe(false);
  });

  it("the announcement PDF is public under its unit's address only, byte for byte the archived file", async () => {
    const r = db
      .select()
      .from(reports)
      .where(and(eq(reports.kind, "announcement"), eq(reports.unitId, laiVung), eq(reports.status, "done")))
      .all()[0]!;
    const ok = await call(pdfRoute as never, `/cong-khai/${LV}/cong-bo/${r.id}`, { code: LV, id: String(r.id) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("X-Report-SHA256")).toBe(r.sha256);
    expect(ok.headers.get("ETag")).toBe(`"${r.sha256}"`);
    expect((await call(pdfRoute as never, `/x`, { code: "DT-HOALONG", id: String(r.id) })).status).toBe(404);
    // Another kind of report (a unit's compliance report) is not public, whatever its id.
    const other = db
      .insert(reports)
      .values({
        kind: "unit",
        unitId: laiVung,
        periodKey: "2026-10",
        status: "done",
        trigger: "manual",
        verifyCode: "ZZZZZ-ZZZZZ",
        file: r.file,
        sha256: r.sha256,
        size: 1,
        createdAt: 0,
      })
      .returning()
      .get();
    expect((await call(pdfRoute as never, `/x`, { code: LV, id: String(other.id) })).status).toBe(404);
  });

  it("unknown or malformed codes are 'not found'; the public ctx reads nothing through a signed-in reader", async () => {
    for (const code of ["NOPE", "../etc", "DT-LAIVUNG'--", "x".repeat(60)]) expect((await call(pageRoute as never, `/x`, { code })).status, code).toBe(404);
    expect((await call(indexRoute as never, `/cong-khai?tinh=NOPE`, {})).status).toBe(404);
    expect(() => listQmsRecords(publicCtx(new Request("http://public.test/")), laiVung)).toThrow(NotFoundError);
  });

  it("each address has a budget: past it, 429 with Retry-After; other addresses are not affected", async () => {
    resetPublicBudgets();
    const perMin = config().publicRatePerMin;
    expect(perMin).toBe(120);
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i <= perMin && !refused; i++) {
      const r = await call(jsonRoute as never, `/cong-khai/${LV}/du-lieu.json`, { code: LV }, { "x-isoxa-client-ip": "203.0.113.9" });
      if (r.status === 429) refused = r;
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await call(jsonRoute as never, `/cong-khai/${LV}/du-lieu.json`, { code: LV }, { "x-isoxa-client-ip": "203.0.113.10" })).status).toBe(200);
    // The bucket refills with time: one token per 60/perMin seconds.
    expect(takeToken("192.0.2.1", 0, 2)).toBe(0);
    expect(takeToken("192.0.2.1", 0, 2)).toBe(0);
    expect(takeToken("192.0.2.1", 0, 2)).toBe(30);
    expect(takeToken("192.0.2.1", 30_000, 2)).toBe(0);
    expect(takeToken("192.0.2.2", 0, 0)).toBe(0); // 0 = no limit
  });
});
