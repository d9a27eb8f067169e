import fs from "node:fs";
import path from "node:path";
import type { DB } from "./client";

/**
 * Online backup with SQLite's backup API: consistent while the app keeps writing. Written under a temporary
 * name and renamed, so a crash never leaves a half file that looks like a backup.
 */
export async function backupDatabase(db: DB, backupsDir: string, name: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(backupsDir, { recursive: true });
  const file = path.join(backupsDir, `${name}.db`);
  const tmp = `${file}.partial`;
  fs.rmSync(tmp, { force: true });
  await db.$client.backup(tmp);
  fs.renameSync(tmp, file);
  return { file, bytes: fs.statSync(file).size };
}

/** Keep the newest `keep` backups (by name: names carry the date), delete the rest. */
export function pruneBackups(backupsDir: string, keep: number): string[] {
  if (!fs.existsSync(backupsDir)) return [];
  const files = fs
    .readdirSync(backupsDir)
    .filter((f) => /^iso-xa-.*\.db$/.test(f))
    .sort()
    .reverse();
  const removed = files.slice(keep);
  for (const f of removed) fs.rmSync(path.join(backupsDir, f), { force: true });
  return removed;
}
