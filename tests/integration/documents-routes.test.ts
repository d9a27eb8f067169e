import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { documents, documentRevisions, legalChanges, procedures, users } from "#db/schema";
import { createSession } from "~/modules/auth/sessions.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import * as docPage from "~/routes/documents.$id._index";
import * as docEdit from "~/routes/documents.$id.edit";
import * as docReview from "~/routes/documents.$id.review";
import * as docWithdraw from "~/routes/documents.$id.withdraw";
import * as revNew from "~/routes/documents.$id.revisions.new";
import * as revPage from "~/routes/documents.$id.revisions.$revId._index";
import * as revFile from "~/routes/documents.$id.revisions.$revId.file";
import * as legalPage from "~/routes/documents.legal.$id._index";
import * as legalEdit from "~/routes/documents.legal.$id.edit";
import * as procPage from "~/routes/procedures.$id";
import * as docList from "~/routes/documents._index";
import * as procList from "~/routes/procedures._index";
import * as docNew from "~/routes/documents.new";
import { closeTestDb, TEST_NOW, testDb, unitIdByCode } from "../support/db";

// why: the routes read the connection through getDb(); point it at this file's copy of the demo database.
process.env.DATA_DIR = path.resolve("tests/.tmp/docs-routes-data");

type Args = { request: Request; params: Record<string, string>; context: object };
type Fn = (args: Args) => unknown;

describe("document routes answer a sibling commune with 404, never the record", () => {
  let db: ReturnType<typeof testDb>;
  const cookies: Record<string, string> = {};
  let ids: { doc: number; rev: number; legal: number; proc: number };
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
    for (const u of ["thuky.hoalong", "chutich.hoalong", "thuky.laivung", "chutich.laivung", "kiemtra.tinh"]) {
      const id = db.select({ id: users.id }).from(users).where(eq(users.username, u)).get()!.id;
      cookies[u] = commitSessionToken(createSession(db, id, TEST_NOW, 14)) as unknown as string;
    }
    const laiVung = unitIdByCode(db, "DT-LAIVUNG");
    const doc = db
      .select()
      .from(documents)
      .where(and(eq(documents.unitId, laiVung), eq(documents.code, "QT 02/CX-HCTP")))
      .get()!;
    const rev = db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc.id)).get()!;
    ids = {
      doc: doc.id,
      rev: rev.id,
      legal: db.select().from(legalChanges).where(eq(legalChanges.unitId, laiVung)).get()!.id,
      proc: db.select().from(procedures).where(eq(procedures.unitId, laiVung)).get()!.id,
    };
  });
  afterAll(() => closeTestDb(db));

  async function call(fn: Fn, user: string, url: string, params: Record<string, string>, init: RequestInit = {}) {
    const cookie = (await cookies[user]!).split(";")[0]!;
    const request = new Request(`http://localhost${url}`, { ...init, headers: { ...(init.headers ?? {}), Cookie: cookie } });
    try {
      return await fn({ request, params, context: {} });
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  }
  const status = (r: unknown) => (r instanceof Response ? r.status : 200);

  it("every page of a Lai Vung document, revision, legal change and procedure is 404 for Hòa Long, readable for Lai Vung", async () => {
    const d = String(ids.doc);
    const pages: [Fn, string, Record<string, string>][] = [
      [docPage.loader as Fn, `/documents/${d}`, { id: d }],
      [revPage.loader as Fn, `/documents/${d}/revisions/${ids.rev}`, { id: d, revId: String(ids.rev) }],
      [revFile.loader as Fn, `/documents/${d}/revisions/${ids.rev}/file`, { id: d, revId: String(ids.rev) }],
      [legalPage.loader as Fn, `/documents/legal/${ids.legal}`, { id: String(ids.legal) }],
      [procPage.loader as Fn, `/procedures/${ids.proc}`, { id: String(ids.proc) }],
    ];
    for (const [fn, url, params] of pages) {
      expect(status(await call(fn, "thuky.hoalong", url, params)), url).toBe(404);
      expect(status(await call(fn, "chutich.hoalong", url, params)), url).toBe(404);
    }
    // The download answers "not found" for the record itself, not merely for a missing blob.
    const file = (await call(revFile.loader as Fn, "thuky.hoalong", `/documents/${d}/revisions/${ids.rev}/file`, {
      id: d,
      revId: String(ids.rev),
    })) as Response;
    expect(await file.text()).toBe("errors.notFound");
    const writerPages: [Fn, string, Record<string, string>, string][] = [
      [docEdit.loader as Fn, `/documents/${d}/edit`, { id: d }, "thuky.hoalong"],
      [revNew.loader as Fn, `/documents/${d}/revisions/new`, { id: d }, "thuky.hoalong"],
      [docReview.loader as Fn, `/documents/${d}/review`, { id: d }, "thuky.hoalong"],
      [docWithdraw.loader as Fn, `/documents/${d}/withdraw`, { id: d }, "chutich.hoalong"],
      [legalEdit.loader as Fn, `/documents/legal/${ids.legal}/edit`, { id: String(ids.legal) }, "thuky.hoalong"],
    ];
    for (const [fn, url, params, user] of writerPages) expect(status(await call(fn, user, url, params)), url).toBe(404);
    // The same pages are readable in scope: by the commune itself and by the province inspector.
    expect(status(await call(docPage.loader as Fn, "thuky.laivung", `/documents/${d}`, { id: d }))).toBe(200);
    expect(status(await call(docPage.loader as Fn, "kiemtra.tinh", `/documents/${d}`, { id: d }))).toBe(200);
  });

  it("a sibling leader's approval is 404; the register and the catalogue of a sibling list nothing of Lai Vung", async () => {
    const body = new URLSearchParams({ intent: "approve", effectiveFrom: "01/01/2026" });
    const r = await call(
      revPage.action as Fn,
      "chutich.hoalong",
      `/documents/${ids.doc}/revisions/${ids.rev}`,
      { id: String(ids.doc), revId: String(ids.rev) },
      {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
    );
    expect(status(r)).toBe(404);
    const list = (await call(docList.loader as Fn, "thuky.hoalong", "/documents?q=QT%2002%2FCX-HCTP", {})) as { rows: { unitName: string }[] };
    expect(list.rows.every((row) => row.unitName !== "Xã Lai Vung")).toBe(true);
    const cat = (await call(procList.loader as Fn, "thuky.hoalong", `/procedures?unit=${unitIdByCode(db, "DT-LAIVUNG")}`, {})) as { total: number };
    expect(cat.total).toBe(0);
  });

  it("a leader cannot open the drafting form (403); an inspector cannot either", async () => {
    expect(status(await call(docNew.loader as Fn, "chutich.laivung", "/documents/new", {}))).toBe(403);
    expect(status(await call(docNew.loader as Fn, "kiemtra.tinh", "/documents/new", {}))).toBe(403);
  });
});
