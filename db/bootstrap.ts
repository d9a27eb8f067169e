import fs from "node:fs";
import type { Config } from "~/utils/config.server";
import { appliedMigrations, openDatabase, type DB } from "./client";
import { seedDemo } from "./seed";

/**
 * Open (and migrate) the database under the data folder; a fresh data folder also gets the demo data.
 * Used by the server, the standalone scheduler and the scripts.
 */
export async function bootstrapDatabase(config: Config): Promise<DB> {
  for (const dir of [config.dataDir, config.uploadsDir, config.reportsDir, config.backupsDir]) fs.mkdirSync(dir, { recursive: true });
  const fresh = !fs.existsSync(config.dbFile);
  const db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
  if (fresh && config.seedDemo) {
    await seedDemo(db);
    console.log(`[db] new database at ${config.dbFile}, demo data loaded`);
  }
  // why: without statistics (sqlite_stat1) SQLite guesses, and on a large database it guesses badly: e.g. it reads
  // the findings by (source, found_on), 100,000 inspection findings, to count one commune's (254 ms instead of
  // 0.2 ms). 0x10002 analyses, with a bounded sample, the tables never analysed or grown a lot since: seconds once
  // on a national database, about a millisecond after. The nightly housekeeping job keeps the statistics current.
  db.$client.pragma("optimize=0x10002");
  console.log(`[db] ${config.dbFile}: ${appliedMigrations(db)} migrations applied`);
  return db;
}
