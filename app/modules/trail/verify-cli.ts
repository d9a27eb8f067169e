// npm run trail:verify — walk the trail's hash chain; exit 1 and name the first broken link if any row was altered or removed.
import { openDatabase } from "#db/client";
import { readConfig } from "~/lib/config.server";
import { verifyTrail } from "./verify.server";

const config = readConfig();
const db = openDatabase(config.dbFile, { readonly: true });
const verdict = verifyTrail(db);
if (verdict.ok) {
  console.log(`trail intact: ${verdict.rows} rows verified (${config.dbFile})`);
} else {
  console.error(`trail BROKEN at row id ${verdict.brokenAtId} after ${verdict.rows} good rows: ${verdict.reason}`);
}
db.$client.close();
process.exit(verdict.ok ? 0 : 1);
