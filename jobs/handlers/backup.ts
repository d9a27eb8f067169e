import { backupDatabase, pruneBackups } from "#db/backup";
import type { JobContext } from "../types";

/** The nightly backup: one online copy named by its day, then only the newest `BACKUP_KEEP` are kept. */
export async function nightlyBackup(ctx: Pick<JobContext, "db" | "config" | "log">, periodKey: string) {
  const result = await backupDatabase(ctx.db, ctx.config.backupsDir, `iso-xa-${periodKey}`);
  const removed = pruneBackups(ctx.config.backupsDir, ctx.config.backupKeep);
  ctx.log(`backup ${result.file} (${result.bytes} bytes), removed ${removed.length}`);
  return { file: result.file.slice(ctx.config.dataDir.length + 1), bytes: result.bytes, removed };
}

// The storage operation itself lives in db/backup.ts (npm run backup calls it too); re-exported for callers
// that still import it from here.
export { backupDatabase } from "#db/backup";
