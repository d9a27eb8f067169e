import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { complianceGrid } from "~/modules/compliance/queries.server";
import type { Ctx, UserActor } from "~/modules/context";
import { dashboardData } from "~/modules/dashboard/queries.server";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { NotFoundError } from "~/lib/errors";
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { createSession } from "~/modules/auth/sessions.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import * as complianceList from "~/routes/compliance._index";
import * as complianceExport from "~/routes/compliance.export";
import { closeTestDb, ctxOf, TEST_NOW, testDb, unitIdByCode } from "../support/db";

// Issue 19 item 2 (decision 0018): the ministry (Bộ KH&CN) is the root above the provinces; its inspector reads every
// province; a province's people still read only their own province.
describe("the national view", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));

  const codes = (username: string) => listUnitsInScope(ctxOf(db, username)).map((u) => u.code);

  it("the ministry's inspector reads every province and every unit below them", () => {
    const c = codes("kiemtra.bo");
    expect(c).toEqual(expect.arrayContaining(["BKHCN", "DT", "VL", "DT-LAIVUNG", "DT-LV-TD", "VL-LONGHO"]));
    expect(c.length).toBe(listUnitsInScope(ctxOf(db, "quantri")).length + (codes("thuky.longho").length + 2));
  });

  it("a province's inspector and administrator still read only their province: never the ministry, never a sibling province", () => {
    for (const user of ["kiemtra.tinh", "quantri", "canbo.tinh"]) {
      const c = codes(user);
      expect(c).toContain("DT-LAIVUNG");
      expect(c).not.toContain("BKHCN");
      expect(c).not.toContain("VL");
      expect(c).not.toContain("VL-LONGHO");
    }
    expect(codes("thuky.longho")).toEqual(["VL-LONGHO"]);
  });

  it("the ministry's grid is grouped by province, and a province opens its own units; a province's grid has no such table", () => {
    const ministry = ctxOf(db, "kiemtra.bo");
    const grid = complianceGrid(ministry, {});
    expect(grid.areas.map((a) => a.name).sort()).toEqual(["Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp"].sort());
    const vl = unitIdByCode(db, "VL");
    const vlGrid = complianceGrid(ministry, { area: vl });
    expect(vlGrid.area).toEqual({ id: vl, name: "Tỉnh Vĩnh Long" });
    expect(vlGrid.rows.map((r) => r.code).sort()).toEqual(["VL", "VL-LONGHO"]);
    expect(grid.areas.find((a) => a.id === vl)?.units).toBe(2);

    const province = ctxOf(db, "kiemtra.tinh");
    expect(complianceGrid(province, {}).areas).toEqual([]);
    expect(complianceGrid(province, {}).rows.map((r) => r.code)).not.toContain("VL-LONGHO");
    // Another province (or the ministry) as the area: not found, as any unit out of scope.
    expect(() => complianceGrid(province, { area: vl })).toThrow(NotFoundError);
    expect(() => complianceGrid(province, { area: unitIdByCode(db, "BKHCN") })).toThrow(NotFoundError);
  });

  it("the ministry's home page counts every province's units; a province's counts only its own", () => {
    const nation = dashboardData(ctxOf(db, "kiemtra.bo") as Ctx & { readonly actor: UserActor }, "vi");
    const dt = dashboardData(ctxOf(db, "kiemtra.tinh") as Ctx & { readonly actor: UserActor }, "vi");
    expect(nation.compliance.units).toBeGreaterThan(dt.compliance.units);
    expect(nation.compliance.units).toBe(complianceGrid(ctxOf(db, "kiemtra.bo"), {}).total);
  });
});

describe("the grid's pages and export, as the routes answer them", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
  });
  afterAll(() => closeTestDb(db));

  type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  async function get(username: string, loader: Loader, url: string) {
    const user = db.select().from(users).where(eq(users.username, username)).get()!;
    const cookie = (await commitSessionToken(createSession(db, user.id, TEST_NOW, 1))).split(";")[0]!;
    try {
      return (await loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params: {}, context: {} })) as unknown;
    } catch (e) {
      return e;
    }
  }
  const status = (r: unknown) => (r instanceof Response ? r.status : 200);

  it("a province's inspector never reaches another province through the area (404), nor sees it in the grid", async () => {
    const vl = unitIdByCode(db, "VL");
    expect(status(await get("kiemtra.tinh", complianceList.loader as Loader, `/compliance?area=${vl}`))).toBe(404);
    expect(status(await get("kiemtra.tinh", complianceExport.loader as Loader, `/compliance/export?area=${vl}`))).toBe(404);
    expect(status(await get("thuky.laivung", complianceList.loader as Loader, `/compliance?area=${unitIdByCode(db, "DT")}`))).toBe(404);
    const own = (await get("kiemtra.tinh", complianceList.loader as Loader, "/compliance")) as { rows: { name: string }[]; areas: unknown[] };
    expect(JSON.stringify(own)).not.toContain("Vĩnh Long");
    expect(JSON.stringify(own)).not.toContain("Long Hồ");
    expect(own.areas).toEqual([]);
    const nation = (await get("kiemtra.bo", complianceList.loader as Loader, `/compliance?area=${vl}`)) as { rows: { name: string }[]; area: unknown };
    expect(nation.rows.map((r) => r.name).sort()).toEqual(["Tỉnh Vĩnh Long", "Xã Long Hồ"]);
    expect(nation.area).toEqual({ id: vl, name: "Tỉnh Vĩnh Long" });
  });
});

describe("migration 0022 puts an existing installation's provinces under the ministry", () => {
  it("rewrites every path and depth under the new root, and the provinces' parent", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-0022-"));
    const file = path.join(dir, "old.db");
    try {
      // A database at 0019 with a province and a commune, as an installation from before issue 19.
      const migrations = path.join(dir, "migrations");
      fs.mkdirSync(path.join(migrations, "meta"), { recursive: true });
      // Every migration applied before 0022 (drizzle applies by "when": a later one applied first would skip 0022).
      const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: { tag: string; when: number }[] };
      const at = journal.entries.find((e) => e.tag === "0022_nation_unit")!.when;
      const before = journal.entries.filter((e) => e.when < at);
      for (const e of before) fs.copyFileSync(`db/migrations/${e.tag}.sql`, path.join(migrations, `${e.tag}.sql`));
      fs.writeFileSync(path.join(migrations, "meta/_journal.json"), JSON.stringify({ ...journal, entries: before }));
      openDatabase(file, { migrationsDir: migrations }).$client.close();
      const raw = new Database(file);
      raw
        .prepare("INSERT INTO units (id, code, name, kind, parent_id, path, depth, place_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,0,0)")
        .run(1, "P", "Tỉnh P", "province", null, "/1/", 0, "P");
      raw
        .prepare("INSERT INTO units (id, code, name, kind, parent_id, path, depth, place_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,0,0)")
        .run(2, "C", "Xã C", "commune", 1, "/1/2/", 1, "C");
      raw.close();
      openDatabase(file, { migrationsDir: path.resolve("db/migrations") }).$client.close();
      const after = new Database(file, { readonly: true });
      const rows = after.prepare("SELECT code, kind, parent_id AS parentId, path, depth FROM units ORDER BY id").all();
      after.close();
      expect(rows).toEqual([
        { code: "P", kind: "province", parentId: 3, path: "/3/1/", depth: 0 },
        { code: "C", kind: "commune", parentId: 1, path: "/3/1/2/", depth: 1 },
        { code: "BKHCN", kind: "ministry", parentId: null, path: "/3/", depth: -1 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
