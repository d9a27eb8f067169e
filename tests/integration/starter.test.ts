import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray } from "drizzle-orm";
import { documentClauses, documentProcedures, documentRevisions, documents, files, trail, users } from "#db/schema";
import { createSession } from "~/modules/auth/sessions.server";
import { gatherFacts } from "~/modules/compliance/facts.server";
import { evaluate } from "~/modules/compliance/rules";
import { coverageSummary } from "~/modules/procedures/queries.server";
import { acceptStartingSystem } from "~/modules/starter/accept.server";
import { startingProposals } from "~/modules/starter/proposals.server";
import { mergeProposals, type Proposal } from "~/modules/starter/rules";
import type { StartInput } from "~/modules/starter/schema";
import { translate } from "~/i18n/index";
import { DomainError } from "~/lib/errors";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import * as startRoute from "~/routes/documents.start";
import * as revFile from "~/routes/documents.$id.revisions.$revId.file";
import { closeTestDb, ctxOf, TEST_NOW, testDb, unitIdByCode } from "../support/db";
import { unzipAll } from "../support/archives";

// why: the templates are stored under DATA_DIR; keep this file's apart.
process.env.DATA_DIR = path.resolve("tests/.tmp/starter-data");

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
type Reply = { data: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; init: { status: number } };

const asInput = (unitId: number, list: Proposal[], over: (i: number) => Partial<StartInput["items"][number]> = () => ({})): StartInput => ({
  unitId,
  items: list.map((p, i) => ({
    accept: "on" as const,
    system: p.system,
    procedureIds: p.procedures.map((x) => x.id),
    code: p.code,
    title: p.title,
    ...over(i),
  })),
});

/** The form as the page sends it (items[i].…), for the route's action. */
function formOf(input: { unitId: number; items: Record<string, unknown>[] }): URLSearchParams {
  const f = new URLSearchParams({ unitId: String(input.unitId) });
  input.items.forEach((it, i) => {
    for (const [k, v] of Object.entries(it)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) f.append(`items[${i}].${k}`, String(one));
    }
  });
  return f;
}

describe("a starting system: proposals accepted as drafts with their Word templates", () => {
  let db: ReturnType<typeof testDb>;
  let hoaLong: number;
  let laiVung: number;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
    db = testDb({ seeded: true });
    setDb(db);
    hoaLong = unitIdByCode(db, "DT-HOALONG");
    laiVung = unitIdByCode(db, "DT-LAIVUNG");
    for (const u of ["thuky.hoalong", "chutich.hoalong"]) {
      const id = db.select({ id: users.id }).from(users).where(eq(users.username, u)).get()!.id;
      cookies[u] = (await (commitSessionToken(createSession(db, id, TEST_NOW, 14)) as unknown as Promise<string>)).split(";")[0]!;
    }
  });
  afterAll(() => closeTestDb(db));
  const officer = () => ctxOf(db, "thuky.hoalong");
  const counts = () => ({
    documents: db.select({ n: count() }).from(documents).get()!.n,
    revisions: db.select({ n: count() }).from(documentRevisions).get()!.n,
    links: db.select({ n: count() }).from(documentProcedures).get()!.n,
    files: db.select({ n: count() }).from(files).get()!.n,
    trail: db.select({ n: count() }).from(trail).get()!.n,
  });
  async function call(fn: Fn, user: string, url: string, params: Record<string, string> = {}, init: RequestInit = {}) {
    const request = new Request(`http://localhost${url}`, { ...init, headers: { ...(init.headers ?? {}), Cookie: cookies[user]! } });
    try {
      return await fn({ request, params, context: {} });
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  }
  const post = (form: URLSearchParams) =>
    call(
      startRoute.action as Fn,
      "thuky.hoalong",
      "/documents/start",
      {},
      {
        method: "POST",
        body: form,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
    ) as Promise<Reply>;

  it("the page of another commune is not found; the officer's own lists its proposals", async () => {
    expect(((await call(startRoute.loader as Fn, "thuky.hoalong", `/documents/start?unit=${laiVung}`)) as Response).status).toBe(404);
    expect(((await call(startRoute.loader as Fn, "chutich.hoalong", `/documents/start?unit=${hoaLong}`)) as Response).status).toBe(403);
    const page = (await call(startRoute.loader as Fn, "thuky.hoalong", `/documents/start?unit=${hoaLong}`)) as ReturnType<typeof startingProposals>;
    expect(page.unit.id).toBe(hoaLong);
    expect(page.proposals.length).toBeGreaterThan(0);
  });

  it("bad input comes back beside its field, in Vietnamese, the input kept, and nothing is created", async () => {
    const { proposals } = startingProposals(officer(), hoaLong);
    const taken = db.select({ code: documents.code }).from(documents).where(eq(documents.unitId, hoaLong)).get()!.code;
    const before = counts();
    const items = asInput(hoaLong, proposals.slice(0, 3), (i) =>
      i === 0 ? { code: taken } : i === 1 ? { title: "" } : i === 2 ? { code: "QT <1>" } : {},
    ).items;
    const reply = await post(formOf({ unitId: hoaLong, items }));
    expect(reply.init.status).toBe(400);
    expect(reply.data.error?.["items[1].title"]).toEqual(["errors.required"]);
    expect(reply.data.error?.["items[2].code"]).toEqual(["documents.errors.code"]);
    expect(JSON.stringify(reply.data.initialValue)).toContain("QT <1>");
    // With the shapes right, the taken code is refused beside its own field.
    const again = await post(formOf({ unitId: hoaLong, items: asInput(hoaLong, proposals.slice(0, 2), (i) => (i === 0 ? { code: taken } : {})).items }));
    expect(again.init.status).toBe(400);
    expect(again.data.error?.["items[0].code"]).toEqual(["documents.errors.codeTaken"]);
    expect(translate("vi", "documents.errors.codeTaken")).toBe("Đơn vị đã có tài liệu với mã hiệu này.");
    expect(JSON.stringify(again.data.initialValue)).toContain(taken);
    // Nothing accepted: a message for the whole form.
    const none = await post(formOf({ unitId: hoaLong, items: asInput(hoaLong, proposals.slice(0, 1), () => ({ accept: undefined })).items }));
    expect(none.init.status).toBe(400);
    expect(none.data.error?.[""]).toEqual(["starter.errors.none"]);
    expect(translate("vi", "starter.errors.none")).toContain("Chưa chấp nhận đề xuất nào");
    // Another commune's unit: refused beside the unit, nothing written for it.
    const sibling = await post(formOf({ unitId: laiVung, items: asInput(laiVung, proposals.slice(0, 1)).items }));
    expect(sibling.init.status).toBe(400);
    expect(sibling.data.error?.unitId).toEqual(["documents.errors.unit"]);
    // Two accepted proposals claiming the same procedure.
    const field = proposals.find((p) => p.procedures.length)!;
    const twice = await acceptStartingSystem(officer(), asInput(hoaLong, [field, { ...field, code: "QT KT-2" }])).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(DomainError);
    expect((twice as DomainError).fieldErrors["items[1].procedureIds"]).toEqual(["starter.errors.procedureTwice"]);
    expect(counts()).toEqual(before);
  });

  it("all or nothing: a document refused by the database in the middle leaves no draft, file row or trail row behind", async () => {
    const { proposals } = startingProposals(officer(), hoaLong);
    const last = proposals[proposals.length - 1]!;
    const before = counts();
    // A real refusal inside the transaction (not a mock): SQLite aborts the insert of the last document.
    db.$client.exec(`CREATE TRIGGER starter_refuse BEFORE INSERT ON documents WHEN NEW.code = '${last.code}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    try {
      await expect(acceptStartingSystem(officer(), asInput(hoaLong, proposals))).rejects.toThrow(/refused/);
    } finally {
      db.$client.exec("DROP TRIGGER starter_refuse");
    }
    expect(counts()).toEqual(before);
  });

  it("accepting creates every draft with its clauses, procedures and template, and the trail, in one go; the gap closes as drafting", async () => {
    const start = startingProposals(officer(), hoaLong);
    const fields = start.proposals.filter((p) => !p.system);
    expect(fields.length).toBeGreaterThan(0);
    const proposals =
      fields.length > 1
        ? mergeProposals(
            start.proposals,
            fields.slice(0, 2).map((p) => p.key),
          )
        : start.proposals;
    const listed = proposals.flatMap((p) => p.procedures.map((x) => x.id));
    const coverageBefore = coverageSummary(officer(), hoaLong);
    const factsBefore = gatherFacts(officer(), [hoaLong], "2026-11-25").get(hoaLong)!;
    const before = counts();
    const r = await acceptStartingSystem(officer(), asInput(hoaLong, proposals));
    expect(r.created).toBe(proposals.length);
    const after = counts();
    expect(after.documents - before.documents).toBe(proposals.length);
    expect(after.revisions - before.revisions).toBe(proposals.length);
    expect(after.links - before.links).toBe(listed.length);
    // One trail row per document and one for the whole, written after the rows they describe.
    expect(after.trail - before.trail).toBe(proposals.length + 1);
    const rows = db
      .select()
      .from(trail)
      .orderBy(trail.id)
      .all()
      .slice(-(proposals.length + 1));
    expect(rows.map((t) => t.entity)).toEqual([...proposals.map(() => "document"), "starting_system"]);
    const created = db
      .select()
      .from(documents)
      .where(
        and(
          eq(documents.unitId, hoaLong),
          inArray(
            documents.code,
            proposals.map((p) => p.code),
          ),
        ),
      )
      .all();
    expect(created).toHaveLength(proposals.length);
    for (const d of created) {
      const p = proposals.find((x) => x.code === d.code)!;
      expect(d).toMatchObject({ status: "draft", title: p.title, kind: p.kind });
      const clauses = db
        .select()
        .from(documentClauses)
        .where(eq(documentClauses.documentId, d.id))
        .all()
        .map((c) => c.clauseCode);
      expect(clauses.sort()).toEqual([...p.clauseCodes].sort());
      const procs = db
        .select()
        .from(documentProcedures)
        .where(eq(documentProcedures.documentId, d.id))
        .all()
        .map((x) => x.procedureId);
      expect(procs.sort()).toEqual(p.procedures.map((x) => x.id).sort());
      const rev = db.select().from(documentRevisions).where(eq(documentRevisions.documentId, d.id)).get()!;
      expect(rev).toMatchObject({ number: 1, status: "draft" });
      const f = db.select().from(files).where(eq(files.id, rev.fileId)).get()!;
      expect(f).toMatchObject({ ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", unitId: hoaLong });
    }
    // Nothing left to propose for those procedures; the system processes are kept now.
    expect(startingProposals(officer(), hoaLong).proposals).toEqual([]);
    // The gap closes as "being drafted", never as covered in force.
    const coverage = coverageSummary(officer(), hoaLong);
    expect(coverage.uncovered).toBe(coverageBefore.uncovered);
    expect(coverage.drafting).toBe(coverageBefore.drafting + listed.length);
    const facts = gatherFacts(officer(), [hoaLong], "2026-11-25").get(hoaLong)!;
    expect(facts.procedures).toMatchObject({ total: factsBefore.procedures!.total, uncovered: factsBefore.procedures!.uncovered });
    expect(facts.procedures!.drafting).toBe(listed.length);
    const ob = evaluate(facts, "2026-11-25").find((o) => o.key === "coverage")!;
    expect(ob.state).toBe("missing");
    expect(ob.detail.key).toBe("compliance.coverage.stateDrafting");
    expect(facts.documents!.effective).toBe(factsBefore.documents!.effective);
  });

  it("the draft's Word template downloads from its revision: Decree-30 header, title, code and the sections of a process", async () => {
    const doc = db
      .select()
      .from(documents)
      .where(and(eq(documents.unitId, hoaLong), eq(documents.status, "draft"), eq(documents.kind, "process")))
      .all()
      .find((d) => db.select().from(documentProcedures).where(eq(documentProcedures.documentId, d.id)).get())!;
    const rev = db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc.id)).get()!;
    const res = (await call(revFile.loader as Fn, "thuky.hoalong", `/documents/${doc.id}/revisions/${rev.id}/file`, {
      id: String(doc.id),
      revId: String(rev.id),
    })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("Content-Disposition")).toContain(".docx");
    const entries = await unzipAll(Buffer.from(await res.arrayBuffer()));
    const xml = entries.get("word/document.xml")!.toString("utf8");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    expect(text).toContain(doc.title.toLocaleUpperCase("vi-VN"));
    expect(text).toContain(`Mã hiệu: ${doc.code}`);
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("XÃ HÒA LONG");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    for (const h of ["1. Mục đích", "2. Phạm vi", "3. Tài liệu viện dẫn", "4. Định nghĩa/viết tắt", "5. Nội dung quy trình", "6. Biểu mẫu", "7. Hồ sơ cần lưu"])
      expect(text).toContain(h);
    // The steps table of each procedure, prefilled from the catalogue.
    for (const h of ["Bước", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả", "Bước 1"]) expect(text).toContain(h);
    const proc = db
      .select()
      .from(documentProcedures)
      .where(eq(documentProcedures.documentId, doc.id))
      .all()
      .map((x) => x.procedureId);
    const { procedures } = await import("#db/schema");
    for (const p of db.select().from(procedures).where(inArray(procedures.id, proc)).all()) {
      expect(text).toContain(`Mã thủ tục: ${p.code}`);
      expect(text).toContain(p.name);
      if (p.processingTime) expect(text).toContain(`Thời hạn giải quyết: ${p.processingTime}`);
    }
    // Times New Roman 14 pt, A4 with Decree-30 margins (left 30 mm, right 15 mm, top and bottom 20 mm).
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });
});
