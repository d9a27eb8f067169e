// npm run backup — an online, consistent copy of the database into DATA_DIR/backups (safe while the app runs).
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { vnDay } from "~/lib/time";
import { backupDatabase, backupFiles } from "./backup";
import { openDatabase } from "./client";

const config = readConfig();
const db = openDatabase(config.dbFile);
const at = now();
const stamp = `${vnDay(at)}-${at.toISOString().slice(11, 19).replace(/:/g, "")}`;
const { file, bytes } = await backupDatabase(db, config.backupsDir, `iso-xa-manual-${stamp}`);
db.$client.close();
const copied = backupFiles(config, config.backupsDir);
console.log(`backup written: ${file} (${bytes} bytes); files mirrored: ${copied.uploads} uploads, ${copied.reports} reports (${config.backupsDir})`);
console.log(`the trail key ${config.dataDir}/keys/trail.key is NOT in the backup: keep its own copy apart (README, "Audit trail").`);
