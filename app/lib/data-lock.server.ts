import fs from "node:fs";
import path from "node:path";
import { now } from "./clock.server";
import { ownerGone, processOwner } from "./process-owner.server";

// Who holds the data folder (issue 15). Every process that opens it for writing (web server, scheduler, job and
// report commands) leaves DATA_DIR/locks/<host>-<pid>.lock while it runs; `npm run restore` refuses while any of
// them is alive, and takes locks/restore.lock so that nothing starts while it swaps the files. A process that died
// (kill -9) leaves its file behind: its pid is gone, so the file counts for nothing and is cleaned up.

export type Holder = { owner: string; role: string; since: string; file: string };

function locksDir(dataDir: string) {
  return path.join(dataDir, "locks");
}

function read(file: string): Holder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(file, "utf8")) as Omit<Holder, "file">;
    return { ...h, file };
  } catch {
    return undefined;
  }
}

/** The live holders of the data folder (stale files of dead processes are removed on the way). */
export function liveHolders(dataDir: string, opts: { includeRestore?: boolean } = {}): Holder[] {
  const dir = locksDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: Holder[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith(".lock") || (name === "restore.lock" && !opts.includeRestore)) continue;
    const file = path.join(dir, name);
    const h = read(file);
    if (!h || h.owner === processOwner()) continue;
    if (ownerGone(h.owner)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    out.push(h);
  }
  return out;
}

export class DataFolderBusyError extends Error {}

/** Mark the data folder as held by this process until it exits; refused while a restore runs. */
export function holdDataFolder(dataDir: string, role: string, at: Date = now()): () => void {
  const dir = locksDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const restoring = liveHolders(dataDir, { includeRestore: true }).find((h) => h.role === "restore");
  if (restoring) throw new DataFolderBusyError(`a restore is running on ${dataDir} (${restoring.owner} since ${restoring.since}): start again once it is done`);
  const file = path.join(dir, `${processOwner().replace(/[^A-Za-z0-9.-]/g, "_")}.lock`);
  fs.writeFileSync(file, JSON.stringify({ owner: processOwner(), role, since: at.toISOString() }));
  const release = () => fs.rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}

/**
 * Take the data folder for a restore: refused, naming them, while any server or scheduler process holds it.
 * Returns the release function.
 */
export function takeForRestore(dataDir: string, at: Date = now()): () => void {
  const holders = liveHolders(dataDir, { includeRestore: true });
  if (holders.length)
    throw new DataFolderBusyError(
      `the data folder ${dataDir} is in use by ${holders.map((h) => `${h.role} (${h.owner}, since ${h.since})`).join(", ")}: stop ${holders.length > 1 ? "them" : "it"} first, then run the restore again`,
    );
  const dir = locksDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "restore.lock");
  fs.rmSync(file, { force: true }); // a dead restore's file (a live one was refused above)
  fs.writeFileSync(file, JSON.stringify({ owner: processOwner(), role: "restore", since: at.toISOString() }), { flag: "wx" });
  // A server that started between the check and the file: it would have seen no restore yet. Check again.
  const late = liveHolders(dataDir);
  if (late.length) {
    fs.rmSync(file, { force: true });
    throw new DataFolderBusyError(`the data folder ${dataDir} was just taken by ${late.map((h) => `${h.role} (${h.owner})`).join(", ")}: stop it first`);
  }
  const release = () => fs.rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}
