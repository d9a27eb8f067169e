import { openDatabase, type DB } from "#db/client";
import { config } from "~/lib/config.server";

// why globalThis: the Vite dev server reloads modules and the production server loads this file in its own
// bundle beside server.ts; both must share one connection (and one migration run).
const g = globalThis as unknown as { __isoXaDb?: DB };

export function getDb(): DB {
  if (!g.__isoXaDb) {
    const c = config();
    g.__isoXaDb = openDatabase(c.dbFile, { migrationsDir: c.migrationsDir });
  }
  return g.__isoXaDb;
}

export function setDb(db: DB) {
  g.__isoXaDb = db;
}
