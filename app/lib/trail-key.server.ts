import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The audit trail's secret and its outside anchor (issue 15). The key lives outside the database
// (DATA_DIR/keys/trail.key, 32 random bytes, mode 0600, created at first start); the checkpoint log
// (DATA_DIR/checkpoints.log, appended with O_APPEND after every committed write) records the chain's last row and
// head, each line MACed with the key, so that a database rewritten or shortened without the key is named.

export const TRAIL_KEY_BYTES = 32;

export function trailKeyFile(dataDir: string) {
  return path.join(dataDir, "keys", "trail.key");
}
export function checkpointFile(dataDir: string) {
  return path.join(dataDir, "checkpoints.log");
}

/** The key if its file exists (a wrong size is an error, never a silent new key). */
export function readTrailKey(dataDir: string): Buffer | undefined {
  const file = trailKeyFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  const key = fs.readFileSync(file);
  if (key.length !== TRAIL_KEY_BYTES) throw new Error(`trail key ${file} has ${key.length} bytes, expected ${TRAIL_KEY_BYTES}`);
  return key;
}

/** Create a new key (fails if one exists: `wx`). */
export function createTrailKey(dataDir: string): Buffer {
  const file = trailKeyFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(TRAIL_KEY_BYTES);
  fs.writeFileSync(file, key, { flag: "wx", mode: 0o600 });
  return key;
}

export function mac(key: Buffer, text: string): string {
  return createHmac("sha256", key).update(text).digest("hex");
}

export function macEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

type TrailKeyState = { key: Buffer; dataDir: string };
// why globalThis: server.ts and the Remix build load this module in two bundles of one process; both must see one key.
const g = globalThis as unknown as { __isoXaTrailKey?: TrailKeyState; __isoXaTrailPending?: { id: number; hash: string } };

/** Set by the process that opened the data folder (modules/trail/keying.server.ts); unset in unit tests (plain SHA-256). */
export function setTrailKeyState(state: TrailKeyState | undefined) {
  g.__isoXaTrailKey = state;
}
export function trailKeyState(): TrailKeyState | undefined {
  return g.__isoXaTrailKey;
}

export type CheckpointKind = "checkpoint" | "restore" | "rekey";
export type Checkpoint = { kind: CheckpointKind; lastId: number; head: string; at: string; line: number; macOk: boolean };

function checkpointText(kind: CheckpointKind, lastId: number, head: string, at: string) {
  return `${kind} ${lastId} ${head} ${at}`;
}

/** Append one line (O_APPEND: concurrent processes never overwrite each other's lines). */
export function appendCheckpoint(state: TrailKeyState, kind: CheckpointKind, lastId: number, head: string, at: Date) {
  const text = checkpointText(kind, lastId, head, at.toISOString());
  fs.appendFileSync(checkpointFile(state.dataDir), `${text} ${mac(state.key, text)}\n`, { mode: 0o600 });
}

export function readCheckpoints(dataDir: string, key: Buffer): Checkpoint[] {
  const file = checkpointFile(dataDir);
  if (!fs.existsSync(file)) return [];
  const out: Checkpoint[] = [];
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((l, i) => {
      if (!l.trim()) return;
      const [kind, id, head, at, m] = l.split(" ");
      const text = checkpointText(kind as CheckpointKind, Number(id), head ?? "", at ?? "");
      out.push({ kind: kind as CheckpointKind, lastId: Number(id), head: head ?? "", at: at ?? "", line: i + 1, macOk: !!m && macEquals(mac(key, text), m) });
    });
  return out;
}

/**
 * After a key rotation: every line of the checkpoint log carries the new key's MAC (a line the old key does not
 * vouch for is left as it is, still named by a verification). The log is rewritten through a new file and a
 * rename; the previous log is kept beside it. Returns the number of lines re-MACed.
 */
export function remacCheckpoints(dataDir: string, oldKey: Buffer, newKey: Buffer, keepAs: string): number {
  const file = checkpointFile(dataDir);
  if (!fs.existsSync(file)) return 0;
  let n = 0;
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => {
      if (!l.trim()) return l;
      const [kind, id, head, at, m] = l.split(" ");
      const text = checkpointText(kind as CheckpointKind, Number(id), head ?? "", at ?? "");
      if (!m || !macEquals(mac(oldKey, text), m)) return l;
      n++;
      return `${text} ${mac(newKey, text)}`;
    });
  fs.writeFileSync(`${file}.new`, lines.join("\n"), { mode: 0o600 });
  fs.copyFileSync(file, keepAs);
  fs.renameSync(`${file}.new`, file);
  return n;
}

/** recordTrail notes the row it wrote; `write` appends the checkpoint once the transaction has committed. */
export function notePendingCheckpoint(id: number, hash: string) {
  g.__isoXaTrailPending = { id, hash };
}
export function takePendingCheckpoint() {
  const p = g.__isoXaTrailPending;
  g.__isoXaTrailPending = undefined;
  return p;
}
