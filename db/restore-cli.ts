// npm run restore -- <backup file> — stop the app first; the current database is kept beside the restored one.
import { readConfig } from "~/lib/config.server";
import { restoreDatabase } from "./restore";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run restore -- <backup file>");
  process.exit(2);
}
const config = readConfig();
try {
  const r = restoreDatabase(file, config.dbFile);
  console.log(`restored ${file} → ${config.dbFile} (${r.migrations} migrations)${r.kept ? `; previous database kept as ${r.kept}` : ""}`);
  console.log("start the app: pending migrations (if the backup is older than the code) are applied at start.");
} catch (e) {
  console.error(`restore refused: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
