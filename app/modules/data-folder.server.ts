import { bootstrapDatabase, type DataFolder } from "#db/bootstrap";
import type { DB } from "#db/client";
import { holdDataFolder } from "~/lib/data-lock.server";
import { prepareTrail } from "./trail/keying.server";

/**
 * How every writing process opens the data folder (issue 15): take its lock (so `npm run restore` refuses while
 * we run), open and migrate the database (seeding a fresh one), then load the trail key, creating it and keying
 * the chain on first start.
 */
export async function openDataFolder(config: DataFolder, now: () => Date, role: string): Promise<DB> {
  holdDataFolder(config.dataDir, role, now());
  const db = await bootstrapDatabase(config, now);
  const t = prepareTrail(db, config.dataDir, now());
  if (t.keyedRows !== undefined) console.log(`[trail] new key ${config.dataDir}/keys/trail.key (back it up apart from the data); ${t.keyedRows} rows keyed`);
  return db;
}
