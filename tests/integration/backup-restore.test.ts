import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { restoreDatabase } from "#db/restore";
import { trail, units, users } from "#db/schema";
import { backupDatabase } from "#jobs/handlers/backup";
import { createUnit } from "~/modules/units/save-unit.server";
import { verifyTrail } from "~/modules/trail/verify.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

/** The fixed clock of this file: the name of the kept copy reads it. */
const NOW = new Date("2026-11-25T02:00:00Z");

describe("backup and restore", () => {
  let db: ReturnType<typeof testDb>;
  let dir: string;
  beforeEach(() => {
    db = testDb({ seeded: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-restore-"));
  });
  afterEach(() => {
    closeTestDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a backup taken while the app writes restores into a fresh folder with every record and an intact trail", async () => {
    createUnit(ctxOf(db, "quantri"), {
      code: "DT-X",
      name: "Xã Thử Nghiệm",
      kind: "commune",
      parentId: unitIdByCode(db, "DT"),
      placeName: "Thử",
      predecessorIds: [],
    });
    const counts = (d: typeof db) => ({
      units: d.select({ n: count() }).from(units).get()!.n,
      users: d.select({ n: count() }).from(users).get()!.n,
      trail: d.select({ n: count() }).from(trail).get()!.n,
    });
    const before = counts(db);
    const { file } = await backupDatabase(db, path.join(dir, "backups"), "iso-xa-test");
    const target = path.join(dir, "fresh", "iso-xa.db");
    const r = restoreDatabase(file, target, NOW);
    expect(r.kept).toBeUndefined();
    const restored = Object.assign(openDatabase(target, { migrationsDir: path.resolve("db/migrations") }), { file: target });
    expect(counts(restored)).toEqual(before);
    expect(verifyTrail(restored).ok).toBe(true);
    restored.$client.close();
  });

  it("refuses a file that is not a sound ISO Xã database, and keeps the current one when it restores", async () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "not a database at all");
    expect(() => restoreDatabase(junk, path.join(dir, "x.db"), NOW)).toThrow();
    const { file } = await backupDatabase(db, dir, "iso-xa-b");
    const target = path.join(dir, "live.db");
    fs.copyFileSync(file, target);
    const r = restoreDatabase(file, target, NOW);
    expect(r.kept && fs.existsSync(r.kept)).toBe(true);
  });
});
