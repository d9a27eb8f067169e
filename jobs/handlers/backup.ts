import { backupDatabase, backupFiles, pruneBackups } from "#db/backup";
import { desc } from "drizzle-orm";
import { trail } from "#db/schema";
import { appendCheckpoint, trailKeyState } from "~/lib/trail-key.server";
import type { JobContext } from "../types";

/** The nightly backup: one online copy named by its day, then only the newest `BACKUP_KEEP` are kept. */
export async function nightlyBackup(ctx: Pick<JobContext, "db" | "config" | "log" | "now">, periodKey: string) {
  const result = await backupDatabase(ctx.db, ctx.config.backupsDir, `iso-xa-${periodKey}`);
  const copied = backupFiles(ctx.config, ctx.config.backupsDir);
  // The nightly outside anchor of the trail (issue 15), also written after every committed write.
  const key = trailKeyState();
  const head = ctx.db.select({ id: trail.id, hash: trail.hash }).from(trail).orderBy(desc(trail.id)).limit(1).get();
  if (key && head) appendCheckpoint(key, "checkpoint", head.id, head.hash, ctx.now);
  const removed = pruneBackups(ctx.config.backupsDir, ctx.config.backupKeep);
  ctx.log(`backup ${result.file} (${result.bytes} bytes), files mirrored ${copied.uploads + copied.reports}, removed ${removed.length}`);
  return { file: result.file.slice(ctx.config.dataDir.length + 1), bytes: result.bytes, copied, removed };
}

// The storage operation itself lives in db/backup.ts (npm run backup calls it too); re-exported for callers
// that still import it from here.
export { backupDatabase } from "#db/backup";
