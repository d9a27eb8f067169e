import os from "node:os";

// Who holds a claim (a report being produced, the data folder): "host:pid". On this host a pid that no longer
// exists (a crash, kill -9) frees the claim at once; elsewhere only the caller's own time limit does.

export function processOwner(pid = process.pid): string {
  return `${os.hostname()}:${pid}`;
}

/** Whether `pid` is a live process on this host (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** True when `owner` names a process of this host that is gone (never for another host, nor for ourselves). */
export function ownerGone(owner: string | null | undefined): boolean {
  if (!owner) return false;
  const i = owner.lastIndexOf(":");
  const host = owner.slice(0, i);
  const pid = Number(owner.slice(i + 1));
  if (host !== os.hostname() || pid === process.pid) return false;
  return !pidAlive(pid);
}
