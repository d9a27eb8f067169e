// npm run trail:verify — check the audit trail against its key and its outside anchors (README, "Audit trail"):
// the keyed hash chain, the checkpoint log (truncation), every leader's signature and every issued report (their
// rows are in the chain) and the bytes of the report archive and the uploads. Exit 1 naming every problem found.
import { openDatabase } from "#db/client";
import { readConfig } from "~/lib/config.server";
import { readCheckpoints, readTrailKey, trailKeyFile } from "~/lib/trail-key.server";
import { chainIsUnkeyed } from "./keying.server";
import { verifyTrail } from "./verify.server";

const config = readConfig();
const started = performance.now();
const db = openDatabase(config.dbFile, { readonly: true });
const key = readTrailKey(config.dataDir);
if (!key && !chainIsUnkeyed(db)) {
  console.error(`trail NOT VERIFIABLE: the chain is keyed but the key file ${trailKeyFile(config.dataDir)} is missing (restore it from its backup)`);
  process.exit(1);
}
const checkpoints = key ? readCheckpoints(config.dataDir, key) : [];
const verdict = verifyTrail(db, { key, checkpoints, reportsDir: config.reportsDir, uploadsDir: config.uploadsDir });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const what = `${verdict.rows} rows (last ${verdict.lastId}, head ${verdict.head.slice(0, 16)}…), ${key ? "keyed" : "NOT keyed (no key yet: start the app once)"}, ${verdict.checkpoints} checkpoints`;
if (verdict.ok) {
  console.log(`trail intact: ${what}; signatures, issued reports and files match (${seconds} s, ${config.dbFile})`);
} else {
  console.error(`trail BROKEN: ${verdict.problems.length} problem(s) in ${what} (${seconds} s)`);
  for (const p of verdict.problems.slice(0, 50)) console.error(`  - ${p.what} ${p.id ?? ""}: ${p.reason}`);
  if (verdict.problems.length > 50) console.error(`  … and ${verdict.problems.length - 50} more`);
}
db.$client.close();
process.exit(verdict.ok ? 0 : 1);
