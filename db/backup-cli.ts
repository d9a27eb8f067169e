// npm run backup — an online, consistent copy of the database into DATA_DIR/backups (safe while the app runs).
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { vnDay } from "~/lib/time";
import { backupDatabase } from "./backup";
import { openDatabase } from "./client";

const config = readConfig();
const db = openDatabase(config.dbFile);
const at = now();
const stamp = `${vnDay(at)}-${at.toISOString().slice(11, 19).replace(/:/g, "")}`;
const { file, bytes } = await backupDatabase(db, config.backupsDir, `iso-xa-manual-${stamp}`);
db.$client.close();
console.log(`backup written: ${file} (${bytes} bytes)`);
