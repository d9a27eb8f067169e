import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/**
 * Replace the database file with a backup, after checking the backup is a sound ISO Xã database. The current
 * file (if any) is kept beside it as `iso-xa.db.before-restore-<time>`. Run it with the app stopped.
 */
export function restoreDatabase(backupFile: string, dbFile: string, now: Date): { kept?: string; migrations: number } {
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

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

export type FilesRestored = { restored: string[]; missing: string[] };

/**
 * After a restore (issue 15): every upload and every issued report the restored database records is put back from
 * the backup mirror (backups/files, backups/reports) when it is missing or its bytes no longer match its SHA-256.
 * A file found nowhere with the right bytes is listed in `missing`.
 */
export function restoreFiles(dbFile: string, dirs: { uploadsDir: string; reportsDir: string; backupsDir: string }): FilesRestored {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const out: FilesRestored = { restored: [], missing: [] };
  try {
    const wanted: { rel: string; sha256: string; dir: string; mirror: string }[] = [];
    for (const f of db.prepare("SELECT DISTINCT sha256 FROM files").all() as { sha256: string }[]) {
      const rel = path.join(f.sha256.slice(0, 2), f.sha256);
      wanted.push({ rel, sha256: f.sha256, dir: dirs.uploadsDir, mirror: path.join(dirs.backupsDir, "files") });
    }
    for (const r of db.prepare("SELECT file, sha256 FROM reports WHERE status = 'done' AND file IS NOT NULL AND sha256 IS NOT NULL").all() as {
      file: string;
      sha256: string;
    }[]) {
      if (path.isAbsolute(r.file) || r.file.split(/[\\/]/).includes("..")) continue;
      wanted.push({ rel: r.file, sha256: r.sha256, dir: dirs.reportsDir, mirror: path.join(dirs.backupsDir, "reports") });
    }
    for (const w of wanted) {
      const target = path.join(w.dir, w.rel);
      if (fs.existsSync(target) && sha(target) === w.sha256) continue;
      const copy = path.join(w.mirror, w.rel);
      if (!fs.existsSync(copy) || sha(copy) !== w.sha256) {
        out.missing.push(target);
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) fs.renameSync(target, `${target}.damaged-${sha(target).slice(0, 12)}`);
      fs.copyFileSync(copy, `${target}.restoring`);
      fs.renameSync(`${target}.restoring`, target);
      out.restored.push(target);
    }
    return out;
  } finally {
    db.close();
  }
}

/** The chain's last row and head in a database file (for the checkpoint log's "restore" line). */
export function trailHeadOf(dbFile: string): { lastId: number; head: string } | undefined {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const r = db.prepare("SELECT id, hash FROM trail ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string } | undefined;
    return r ? { lastId: r.id, head: r.hash } : undefined;
  } finally {
    db.close();
  }
}
