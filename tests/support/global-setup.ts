import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/client";
import { seedDemo } from "#db/seed";

export const TMP = path.resolve("tests/.tmp");
export const BASE_DB = path.join(TMP, "base.db");
export const SEEDED_DB = path.join(TMP, "seeded.db");
/** The demo units' signing keys made with the seeded database (a test copies them into its data folder's keys/units). */
export const SEEDED_KEYS = path.join(TMP, "seeded-keys");

/**
 * Migrate one base database (and one with the demo data) per run; every test file copies one of them
 * (copying a file is far cheaper than migrating and hashing passwords again).
 */
export default async function setup() {
  fs.mkdirSync(TMP, { recursive: true });
  for (const f of [BASE_DB, SEEDED_DB]) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(f + suffix, { force: true });
  const base = openDatabase(BASE_DB, { migrationsDir: path.resolve("db/migrations") });
  base.$client.pragma("wal_checkpoint(TRUNCATE)");
  base.$client.close();
  fs.copyFileSync(BASE_DB, SEEDED_DB);
  const seeded = openDatabase(SEEDED_DB);
  fs.rmSync(SEEDED_KEYS, { recursive: true, force: true });
  await seedDemo(seeded, new Date("2026-01-05T02:00:00Z"), { keysDir: SEEDED_KEYS });
  seeded.$client.pragma("wal_checkpoint(TRUNCATE)");
  seeded.$client.close();
}
