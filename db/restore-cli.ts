// npm run restore -- <backup file> — refused while a server or scheduler holds the data folder (issue 15). The
// current database is kept beside the restored one; uploads and archived reports the restored database records
// are put back from the backup mirror (backups/files, backups/reports) when missing or damaged.
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { DataFolderBusyError, takeForRestore } from "~/lib/data-lock.server";
import { appendCheckpoint, readTrailKey } from "~/lib/trail-key.server";
import { restoreDatabase, restoreFiles, trailHeadOf } from "./restore";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run restore -- <backup file>");
  process.exit(2);
}
const config = readConfig();
try {
  const release = takeForRestore(config.dataDir, now());
  try {
    const r = restoreDatabase(file, config.dbFile, now());
    console.log(`restored ${file} → ${config.dbFile} (${r.migrations} migrations)${r.kept ? `; previous database kept as ${r.kept}` : ""}`);
    const f = restoreFiles(config.dbFile, config);
    console.log(`files: ${f.restored.length} put back from the backup mirror${f.missing.length ? `; ${f.missing.length} MISSING:` : ""}`);
    for (const m of f.missing) console.error(`  missing: ${m}`);
    // The chain legitimately goes back in time: say so in the checkpoint log (a keyed line nobody else can write).
    const key = readTrailKey(config.dataDir);
    const head = trailHeadOf(config.dbFile);
    if (key && head) appendCheckpoint({ key, dataDir: config.dataDir }, "restore", head.lastId, head.head, now());
    console.log("start the app: pending migrations (if the backup is older than the code) are applied at start.");
    if (f.missing.length) process.exitCode = 1;
  } finally {
    release();
  }
} catch (e) {
  console.error(`restore refused: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof DataFolderBusyError ? 3 : 1);
}
