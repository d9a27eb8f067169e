import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Replace the database file with a backup, after checking the backup is a sound ISO Xã database. The current
 * file (if any) is kept beside it as `iso-xa.db.before-restore-<time>`. Run it with the app stopped.
 */
export function restoreDatabase(backupFile: string, dbFile: string, now = new Date()): { kept?: string; migrations: number } {
  if (!fs.existsSync(backupFile)) throw new Error(`no such file: ${backupFile}`);
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = (check.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
    if (ok !== "ok") throw new Error(`backup fails integrity_check: ${ok}`);
    const fk = check.prepare("PRAGMA foreign_key_check").all();
    if (fk.length) throw new Error(`backup fails foreign_key_check (${fk.length} rows)`);
    const hasMigrations = check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = '__drizzle_migrations'").get() as { n: number };
    if (!hasMigrations.n) throw new Error("not an ISO Xã database (no migrations table)");
    const migrations = (check.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
    check.close();
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    let kept: string | undefined;
    if (fs.existsSync(dbFile)) {
      // Fold the WAL into the main file first, so the kept copy is complete on its own.
      const cur = new Database(dbFile);
      cur.pragma("wal_checkpoint(TRUNCATE)");
      cur.close();
      kept = `${dbFile}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dbFile, kept);
    }
    for (const s of ["-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
    const tmp = `${dbFile}.restoring`;
    fs.copyFileSync(backupFile, tmp);
    fs.renameSync(tmp, dbFile);
    return { kept, migrations };
  } finally {
    if (check.open) check.close();
  }
}
