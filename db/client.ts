import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Pragmas every connection needs: WAL for readers beside the writer, FKs (off by default in SQLite), a busy timeout. */
export function configure(sqlite: Database.Database) {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export function openDatabase(file: string, opts: { migrationsDir?: string; readonly?: boolean } = {}): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = configure(new Database(file, { readonly: opts.readonly ?? false }));
  const db = drizzle(sqlite, { schema, casing: "snake_case" }) as DB;
  if (opts.migrationsDir) migrate(db, { migrationsFolder: opts.migrationsDir });
  // Table statistics for the query planner (SQLite's advice for long-lived connections): without them it picks a
  // source-wide index over a per-unit one and the compliance facts scan a whole country's findings. Bounded work
  // (analysis_limit), so it stays cheap on a large file; the nightly housekeeping runs it again.
  if (!opts.readonly) optimize(sqlite, true);
  return db;
}

/** `PRAGMA optimize` with a sampling limit; `all` looks at every table (on open), not only those queried since. */
export function optimize(sqlite: Database.Database, all = false) {
  sqlite.pragma("analysis_limit = 1000");
  sqlite.pragma(all ? "optimize = 0x10002" : "optimize");
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A raw statement prepared once per connection and reused: preparing costs about as much as running a small indexed
 * query, and the queries every request runs (scope, the person's unit, the trail's last row) are the same text.
 */
export function prepared(db: Pick<DB, "$client">, text: string): Database.Statement {
  let mine = statements.get(db.$client);
  if (!mine) statements.set(db.$client, (mine = new Map()));
  let stmt = mine.get(text);
  if (!stmt) mine.set(text, (stmt = db.$client.prepare(text)));
  return stmt;
}

/** How many migrations the database has applied (for /healthz and the scripts). */
export function appliedMigrations(db: DB): number {
  const row = db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() as { n: number };
  if (!row.n) return 0;
  return (db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
}

export { schema };
