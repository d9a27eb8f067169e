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

/**
 * The uploaded files and the report archive, mirrored into DATA_DIR/backups/files and backups/reports (issue 15).
 * Both are write-once (uploads are named by their SHA-256, a report file is never replaced), so the mirror only
 * copies what it lacks and one mirror serves every database backup; a file flipped in the data folder after it
 * was mirrored keeps its good copy here. Returns the number of files copied.
 */
export function backupFiles(from: { uploadsDir: string; reportsDir: string }, backupsDir: string): { uploads: number; reports: number } {
  const copied = { uploads: 0, reports: 0 };
  for (const [kind, src] of [
    ["uploads", from.uploadsDir],
    ["reports", from.reportsDir],
  ] as const) {
    const dest = path.join(backupsDir, kind === "uploads" ? "files" : "reports");
    for (const rel of walk(src)) {
      if (rel.endsWith(".partial")) continue;
      const to = path.join(dest, rel);
      if (fs.existsSync(to)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(src, rel), `${to}.partial`);
      fs.renameSync(`${to}.partial`, to);
      copied[kind]++;
    }
  }
  return copied;
}

/** Every file under `dir`, as paths relative to it. */
export function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(abs, base));
    else if (e.isFile()) out.push(path.relative(base, abs));
  }
  return out;
}
