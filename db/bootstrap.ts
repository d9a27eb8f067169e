import fs from "node:fs";
import path from "node:path";
import { appliedMigrations, openDatabase, type DB } from "./client";
import { seedDemo } from "./seed";

/** What opening the data folder needs from the configuration (app/lib/config.server.ts's `Config` has it all). */
export type DataFolder = {
  dataDir: string;
  uploadsDir: string;
  reportsDir: string;
  backupsDir: string;
  dbFile: string;
  migrationsDir: string;
  seedDemo: boolean;
};

/**
 * Open (and migrate) the database under the data folder; a fresh data folder also gets the demo data, dated by
 * the app's clock `now`. Used by the server, the standalone scheduler and the scripts.
 */
export async function bootstrapDatabase(config: DataFolder, now: () => Date): Promise<DB> {
  for (const dir of [config.dataDir, config.uploadsDir, config.reportsDir, config.backupsDir]) fs.mkdirSync(dir, { recursive: true });
  const fresh = !fs.existsSync(config.dbFile);
  const db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
  if (fresh && config.seedDemo) {
    // The demo units' signing keys go where the producer reads them (unitKeysDir: DATA_DIR/keys/units).
    await seedDemo(db, now(), { keysDir: path.join(config.dataDir, "keys", "units") });
    console.log(`[db] new database at ${config.dbFile}, demo data loaded`);
  }
  console.log(`[db] ${config.dbFile}: ${appliedMigrations(db)} migrations applied`);
  return db;
}
