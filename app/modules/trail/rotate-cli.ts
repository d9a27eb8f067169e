// npm run trail:rotate-key — replace the trail key (a suspected leak; README, "The key: backup and rotation"). The app
// must be stopped: refused while a server, scheduler or job holds the data folder. The chain is checked under the
// old key and rehashed under a new one (one transaction), a keyed "rekey" line is appended to the checkpoint log,
// the checkpoint log's lines are MACed again under the new key (the old log kept beside it), and the key file is
// replaced; the old key is kept beside it (trail.key.<time>.old) for the backups made under it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { openDatabase } from "#db/client";
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { holdDataFolder, liveHolders } from "~/lib/data-lock.server";
import { checkpointFile, readCheckpoints, readTrailKey, remacCheckpoints, TRAIL_KEY_BYTES, trailKeyFile } from "~/lib/trail-key.server";
import { rotateTrailKey } from "./keying.server";

const config = readConfig();
const busy = liveHolders(config.dataDir);
if (busy.length) {
  console.error(`refused: ${busy.map((h) => `${h.role} (${h.owner})`).join(", ")} holds ${config.dataDir}: stop the app first`);
  process.exit(3);
}
const oldKey = readTrailKey(config.dataDir);
if (!oldKey) {
  console.error(`no key at ${trailKeyFile(config.dataDir)}: nothing to rotate (start the app once to create one)`);
  process.exit(1);
}
const forged = readCheckpoints(config.dataDir, oldKey).filter((c) => !c.macOk);
if (forged.length) {
  console.error(`refused: checkpoint line(s) ${forged.map((c) => c.line).join(", ")} do not carry the key's MAC: run npm run trail:verify first`);
  process.exit(1);
}
const release = holdDataFolder(config.dataDir, "rotate-key", now());
const file = trailKeyFile(config.dataDir);
const newKey = randomBytes(TRAIL_KEY_BYTES);
// The new key is on disk before the database moves to it: a crash in between leaves trail.key.new to put in place.
fs.writeFileSync(`${file}.new`, newKey, { flag: "wx", mode: 0o600 });
const db = openDatabase(config.dbFile);
try {
  const rows = rotateTrailKey(db, config.dataDir, oldKey, newKey, now());
  const stamp = now().toISOString().replace(/[:.]/g, "-");
  // The checkpoint lines written under the old key are vouched for again under the new one (the old log is kept).
  remacCheckpoints(config.dataDir, oldKey, newKey, `${checkpointFile(config.dataDir)}.${stamp}.old`);
  fs.renameSync(file, `${file}.${stamp}.old`);
  fs.renameSync(`${file}.new`, file);
  console.log(`trail key rotated: ${rows} rows rehashed; new key ${file} (back it up now), old key kept as ${file}.${stamp}.old`);
} catch (e) {
  fs.rmSync(`${file}.new`, { force: true });
  console.error(`rotation refused, nothing changed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
  release();
}
