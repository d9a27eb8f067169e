// npm run backup — an online, consistent copy of the database into DATA_DIR/backups (safe while the app runs).
import { backupDatabase } from "#jobs/handlers/backup";
import { readConfig } from "~/utils/config.server";
import { vnDay } from "~/utils/time";
import { openDatabase } from "./client";

const config = readConfig();
const db = openDatabase(config.dbFile);
const stamp = `${vnDay(new Date())}-${new Date().toISOString().slice(11, 19).replace(/:/g, "")}`;
const { file, bytes } = await backupDatabase(db, config.backupsDir, `iso-xa-manual-${stamp}`);
db.$client.close();
console.log(`backup written: ${file} (${bytes} bytes)`);

