import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { trail, unitCertificates } from "#db/schema";
import { readCheckpoints, readTrailKey, setTrailKeyState } from "~/lib/trail-key.server";
import { prepareTrail } from "~/modules/trail/keying.server";
import { verifyTrail } from "~/modules/trail/verify.server";

// The trail's command-line scripts on a real data folder, each in its own process (as an operator runs them).

function script(file: string, dataDir: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", file], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir, ISOXA_NOW: "2026-11-25T03:00:00Z" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A data folder as a server started with SEED=off leaves it: migrated, the trail keyed, no units. */
function keyedEmptyFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trail-scripts-"));
  const db = openDatabase(path.join(dir, "iso-xa.db"), { migrationsDir: path.resolve("db/migrations") });
  prepareTrail(db, dir, new Date("2026-11-24T03:00:00Z"));
  setTrailKeyState(undefined);
  db.$client.close();
  return dir;
}

function verdict(dir: string) {
  const db = openDatabase(path.join(dir, "iso-xa.db"));
  const key = readTrailKey(dir)!;
  try {
    return { v: verifyTrail(db, { key, checkpoints: readCheckpoints(dir, key) }), rows: db.select({ n: count() }).from(trail).get()!.n, db };
  } finally {
    /* closed by the caller through db */
  }
}

describe("trail scripts", () => {
  it("npm run db:seed on a keyed data folder writes keyed trail rows (the chain stays intact) and the demo signing keys", () => {
    const dir = keyedEmptyFolder();
    const r = script("db/seed-cli.ts", dir);
    expect(r.out).toContain("demo data loaded");
    const { v, rows, db } = verdict(dir);
    expect(rows).toBeGreaterThan(10);
    expect(v.problems).toEqual([]);
    const certs = db.select().from(unitCertificates).all();
    expect(certs.length).toBeGreaterThan(0);
    for (const c of certs) expect(fs.existsSync(path.join(dir, "keys", "units", c.keyFile))).toBe(true);
    db.$client.close();
  }, 180_000);

  it("npm run trail:rotate-key rehashes the chain under a new key, keeps the old key beside it, and the trail verifies", () => {
    const dir = keyedEmptyFolder();
    expect(script("db/seed-cli.ts", dir).status).toBe(0);
    const before = readTrailKey(dir)!;
    const r = script("app/modules/trail/rotate-cli.ts", dir);
    expect(r.out).toContain("trail key rotated");
    expect(r.status).toBe(0);
    const after = readTrailKey(dir)!;
    expect(after.equals(before)).toBe(false);
    expect(fs.readdirSync(path.join(dir, "keys")).filter((f) => f.endsWith(".old"))).toHaveLength(1);
    const { v, db } = verdict(dir);
    expect(v.problems).toEqual([]);
    db.$client.close();
  }, 180_000);
});
