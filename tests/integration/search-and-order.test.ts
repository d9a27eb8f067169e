import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, type SQL } from "drizzle-orm";
import { correctiveActions, documents, findings, procedures, units, users } from "#db/schema";
import { textMatches } from "~/modules/search/match.server";
import { EVERYWHERE, inScope } from "~/modules/units/scope.server";
import { compareVi } from "~/lib/locale";
import { auditorCandidates } from "~/modules/audits/access.server";
import { auditsPage, plannableUnits } from "~/modules/audits/queries.server";
import { qmsCycleList } from "~/modules/qms-records/queries.server";
import { evidenceHref } from "~/modules/compliance/evidence";
import { complianceGrid } from "~/modules/compliance/queries.server";
import { listCorrectiveActions, unitsWithActions } from "~/modules/corrective-actions/queries.server";
import { listDocuments, parseDocumentFilter, writableUnits } from "~/modules/documents/queries.server";
import { findingFilterOptions, listFindings, parseFindingFilter } from "~/modules/findings/queries.server";
import { listFigures } from "~/modules/figures/queries.server";
import { listInspections } from "~/modules/inspections/queries.server";
import { objectivesWithAttainment } from "~/modules/objectives/queries.server";
import { listUsersInScope } from "~/modules/people/queries.server";
import { listProcedures, parseProcedureFilter } from "~/modules/procedures/queries.server";
import { searchRecords } from "~/modules/search/queries.server";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { createSession } from "~/modules/auth/sessions.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import * as objectivesPage from "~/routes/objectives._index";
import * as searchPage from "~/routes/search";
import { closeTestDb, ctxOf, TEST_NOW, testDb, unitIdByCode } from "../support/db";

// why: the routes read the connection through getDb(); point it at this file's copy of the demo database.
process.env.DATA_DIR = path.resolve("tests/.tmp/search-order-data");

let db: ReturnType<typeof testDb>;
beforeAll(() => {
  db = testDb({ seeded: true });
  setDb(db);
});
afterAll(() => closeTestDb(db));

async function load(mod: { loader: unknown }, username: string, url: string) {
  const id = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
  const cookie = (await commitSessionToken(createSession(db, id, TEST_NOW, 1))).split(";")[0]!;
  const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
  return (await (mod.loader as (a: object) => Promise<unknown>)({ request, params: {}, context: {} })) as Record<string, never>;
}

describe("search ignores accents and case, on every list and across records", () => {
  const docs = (username: string, q: string) => listDocuments(ctxOf(db, username), parseDocumentFilter(new URLSearchParams({ q }))).total;

  it("documents: 'tu phap' finds what 'Tư pháp' finds", () => {
    const accented = docs("canbo.tinh", "Tư pháp");
    expect(accented).toBeGreaterThan(0);
    for (const q of ["tu phap", "TU PHAP", "tư Pháp", "phap tu"]) expect(docs("canbo.tinh", q), q).toBe(accented);
    expect(docs("canbo.tinh", "%")).toBe(0);
  });

  it("đ folds to d, in the records and in what is typed", () => {
    const ctx = ctxOf(db, "canbo.tinh");
    const doc = listDocuments(ctx, {}).rows[0]!;
    db.update(documents).set({ title: "Quy trình Đăng ký đất đai" }).where(eq(documents.id, doc.id)).run();
    const found = (q: string) => listDocuments(ctx, parseDocumentFilter(new URLSearchParams({ q }))).rows.map((r) => r.id);
    for (const q of ["dang ky dat dai", "Đăng ký đất", "ĐĂNG KÝ", "dat"]) expect(found(q), q).toContain(doc.id);
    // The index follows the record: the old words are gone once it is renamed.
    db.update(documents).set({ title: "Sổ tay chất lượng" }).where(eq(documents.id, doc.id)).run();
    expect(found("dang ky dat dai")).not.toContain(doc.id);
    expect(found("so tay chat luong")).toContain(doc.id);
  });

  it("procedures, findings, corrective actions, units and accounts", () => {
    const ctx = ctxOf(db, "canbo.tinh");
    const procs = (q: string) => listProcedures(ctx, parseProcedureFilter(new URLSearchParams({ q, inactive: "1" }))).total;
    expect(procs("tu phap")).toBeGreaterThan(0);
    expect(procs("tu phap")).toBe(procs("TƯ PHÁP"));

    const finding = listFindings(ctx, {}).rows[0]!;
    const word = finding.description.split(/\s+/).find((w) => w.normalize("NFD").length > w.length)!;
    const plain = word.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    expect(listFindings(ctx, parseFindingFilter(new URLSearchParams({ q: plain }))).rows.map((r) => r.id)).toContain(finding.id);

    const action = listCorrectiveActions(ctx, { status: "all" }).rows[0]!;
    const actionWords = action.description.split(/\s+/).slice(0, 2).join(" ");
    const foldedAction = actionWords.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d");
    expect(listCorrectiveActions(ctx, { status: "all", q: foldedAction }).rows.map((r) => r.id)).toContain(action.id);

    expect(listUnitsInScope(ctx, { q: "dong thap" }).map((u) => u.code)).toContain("DT");
    expect(complianceGrid(ctx, { q: "hoa long" }).rows.map((r) => r.name)).toContain("Xã Hòa Long");
    const quantri = ctxOf(db, "quantri");
    const someone = db.select().from(users).where(eq(users.username, "chutich.laivung")).get()!;
    const family = someone.fullName.split(" ")[0]!.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d");
    expect(listUsersInScope(quantri, { q: family }).rows.map((u) => u.username)).toContain("chutich.laivung");
  });

  it("within a scope, the index's own unit words give what the scope condition gives", () => {
    const tables = { documents, procedures, findings, corrective_actions: correctiveActions } as const;
    const words = ["tu phap", "Quy trình", "QT 02", "ho so", "đăng ký", "chưa", "khac phuc", "1.00", "x", "%"];
    let compared = 0;
    for (const username of ["thuky.laivung", "kiemtra.tinh", "canbo.huyen", "thuky.longho"]) {
      const ctx = ctxOf(db, username);
      const everywhere = { db, scope: EVERYWHERE };
      for (const [index, table] of Object.entries(tables) as [keyof typeof tables, (typeof tables)[keyof typeof tables]][]) {
        for (const q of words) {
          const ids = (where: SQL | undefined) =>
            db
              .select({ id: table.id })
              .from(table)
              .where(where)
              .all()
              .map((r) => r.id)
              .sort((a, b) => a - b);
          const viaUnits = ids(textMatches(ctx, index, table.id, q));
          expect(viaUnits, `${username} ${index} "${q}"`).toEqual(ids(and(inScope(table.unitId, ctx.scope), textMatches(everywhere, index, table.id, q))));
          compared += viaUnits.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("/search groups documents, procedures, findings and actions, scoped like the lists", async () => {
    const mine = await load(searchPage, "thuky.laivung", "/search?q=tu%20phap");
    const results = mine.results as unknown as ReturnType<typeof searchRecords>;
    expect(results.documents.rows.length + results.procedures.rows.length).toBeGreaterThan(0);
    // A sibling commune's officer finds none of Lai Vung's records.
    const sibling = searchRecords(ctxOf(db, "thuky.hoalong"), "tu phap");
    const laiVung = db.select().from(units).where(eq(units.code, "DT-LAIVUNG")).get()!;
    for (const kind of ["documents", "procedures", "findings", "actions"] as const)
      for (const r of sibling[kind].rows) expect((r as { unitName: string }).unitName, kind).not.toBe(laiVung.name);
    // The province's inspector reads every commune's.
    expect(searchRecords(ctxOf(db, "kiemtra.tinh"), "tu phap").documents.count).toBeGreaterThanOrEqual(results.documents.count);
    expect((await load(searchPage, "thuky.laivung", "/search")).results).toBeNull();
  });
});

describe("units in tree order, siblings by name in Vietnamese order", () => {
  /** Each unit right after its parent's subtree began, and siblings by name. */
  function expectTreeOrder(list: { id: number; name: string; path?: string }[]) {
    const byId = new Map(
      db
        .select()
        .from(units)
        .all()
        .map((u) => [u.id, u]),
    );
    const rows = list.map((u) => byId.get(u.id)!);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (b.path.startsWith(a.path)) continue; // a child right after its parent
      // Otherwise the first differing ancestors are siblings, and they come by name.
      const x = a.path.split("/").filter(Boolean);
      const y = b.path.split("/").filter(Boolean);
      let k = 0;
      while (x[k] === y[k]) k++;
      const [na, nb] = [byId.get(Number(x[k]))!.name, byId.get(Number(y[k]))!.name];
      expect(compareVi(na, nb), `${a.name} before ${b.name}`).toBeLessThanOrEqual(0);
    }
  }

  it("the unit tree and every unit select", () => {
    const admin = ctxOf(db, "quantri");
    const tree = listUnitsInScope(admin);
    expect(tree.length).toBeGreaterThan(15);
    expectTreeOrder(tree);
    // The district's communes: "Thị trấn Lai Vung", then the communes from "Xã Định Hòa" on, whatever their ids.
    const district = tree.filter((u) => u.parentId === unitIdByCode(db, "DT-LV")).map((u) => u.name);
    expect(district).toEqual([...district].sort(compareVi));
    expect(district[0]).toBe("Thị trấn Lai Vung");

    const officer = ctxOf(db, "canbo.tinh");
    expectTreeOrder(writableUnits(officer));
    expectTreeOrder(findingFilterOptions(officer).units);
    expectTreeOrder(unitsWithActions(officer));
    expectTreeOrder(qmsCycleList(officer, "2026-11-25"));
    expectTreeOrder(plannableUnits(officer));
    // Auditors by unit in tree order, then by name.
    const auditors = auditorCandidates(officer);
    const unitsOfAuditors = [...new Map(auditors.map((a) => [a.unitId, { id: a.unitId, name: a.unitName }])).values()];
    expectTreeOrder(unitsOfAuditors);
  });
});

describe("lists sort by their columns and come in pages", () => {
  it("documents by code, both ways; an unknown column is the list's own order", () => {
    const ctx = ctxOf(db, "canbo.tinh");
    const codes = (q: Record<string, string>) => listDocuments(ctx, parseDocumentFilter(new URLSearchParams(q)), 500).rows.map((r) => r.code);
    const asc = codes({ sort: "code", dir: "asc" });
    expect(asc.length).toBeGreaterThan(3);
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(codes({ sort: "code", dir: "desc" })).toEqual([...asc].reverse());
    expect(codes({ sort: "id; DROP TABLE documents" })).toEqual(codes({}));
  });

  it("findings by due date, audits, inspections, accounts and figures in pages", () => {
    const ctx = ctxOf(db, "canbo.tinh");
    const due = listFindings(ctx, parseFindingFilter(new URLSearchParams({ sort: "due", dir: "desc" }))).rows.map((r) => r.actionDueOn ?? "");
    expect(due).toEqual([...due].sort().reverse());

    const audits = auditsPage(ctx, { sort: "title" }, 1, 2);
    expect(audits.rows.length).toBeLessThanOrEqual(2);
    expect(audits.pages).toBe(Math.max(1, Math.ceil(audits.total / 2)));
    if (audits.pages > 1) expect(auditsPage(ctx, { sort: "title" }, 2, 2).rows[0]!.id).not.toBe(audits.rows[0]!.id);

    const inspections = listInspections(ctx, { sort: "unit" }, 1);
    expect(inspections.rows.length).toBeLessThanOrEqual(1);
    expect(inspections.pages).toBe(Math.max(1, inspections.total));

    const accounts = listUsersInScope(ctxOf(db, "quantri"), { page: 2, sort: "username" }, 5);
    expect(accounts.total).toBeGreaterThan(5);
    expect(accounts.page).toBe(2);
    expect(accounts.rows.length).toBe(5);

    const all = listFigures(ctx, { from: "2000-01", to: "2100-12" });
    const page = listFigures(ctx, { from: "2000-01", to: "2100-12", page: 2 }, 3);
    expect(page.count).toBe(all.rows.length);
    // The totals cover the whole range, not the page.
    expect(page.total.received).toBe(all.total.received);
  });
});

describe("objectives by unit, and the compliance evidence links", () => {
  it("an inspector filters the objectives to one commune and to those without data", async () => {
    const hoaLong = unitIdByCode(db, "DT-HOALONG");
    const data = await load(objectivesPage, "kiemtra.tinh", `/objectives?year=2026&unit=${hoaLong}`);
    const rows = data.objectives as unknown as { unitId: number; met: boolean | null }[];
    const all = objectivesWithAttainment(ctxOf(db, "kiemtra.tinh"), 2026);
    expect(new Set(all.map((o) => o.unitId)).size).toBeGreaterThan(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((o) => o.unitId === hoaLong)).toBe(true);
    expect((data.unitOptions as unknown as { id: number }[]).map((u) => u.id)).toContain(hoaLong);
    const noData = (await load(objectivesPage, "kiemtra.tinh", `/objectives?year=2026&unit=${hoaLong}&state=noData`)).objectives as unknown as {
      met: boolean | null;
    }[];
    expect(noData.every((o) => o.met === null)).toBe(true);
  });

  it("the evidence of a failing obligation links to the unit's failing items", () => {
    expect(evidenceHref("objectivesMeasured", 7, 2026, "warning")).toBe("/objectives?year=2026&unit=7&state=noData");
    expect(evidenceHref("objectivesMeasured", 7, 2026, "ok")).toBe("/objectives?year=2026&unit=7");
    expect(evidenceHref("coverage", 7, 2026, "missing")).toBe("/procedures?unit=7&coverage=uncovered");
    expect(evidenceHref("coverage", 7, 2026, "ok")).toBe("/procedures?unit=7");
  });
});
