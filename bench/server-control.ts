// What the load benchmark (run.ts) and the report benchmark (reports.ts) both need: start a server as users start
// it, wait until it answers, sign in, stop it, read its memory, and a percentile.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { DEMO_PASSWORD } from "#db/seed";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A process's resident memory (or its high-water mark) in MB, from /proc; 0 when it is gone. */
export function rssMb(pid: number | "self", field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and its children (a cluster's primary and its workers) in MB. */
export function treeRssMb(pid: number): number {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* gone, or no /proc */
  }
  return rssMb(pid) + children.reduce((sum, c) => sum + treeRssMb(c), 0);
}

/**
 * The node arguments of package.json's start script ("node <V8 flags> build/start/server.js"): the benchmarks start
 * the server exactly as `npm start` does, flags included, and sample that process's memory (not npm's).
 */
export function startArgs(): string[] {
  const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start.trim().split(/\s+/);
  if (start[0] !== "node") throw new Error(`unexpected start script: ${start.join(" ")}`);
  return start.slice(1);
}

/** The environment of a benchmarked server: production, local only, on `dataDir`, scheduler off unless asked. */
export function serverEnv(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SCHEDULER: "off",
    SECURE_COOKIES: "off",
    SEED: "off",
    WEB_CONCURRENCY: "1",
    ...extra,
  };
}

/** Start `node <args>` and wait until its /healthz answers (a large database takes seconds to open). */
export async function startServer(args: string[], port: number, env: NodeJS.ProcessEnv, waitS = 60): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  for (const until = Date.now() + waitS * 1000; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { child, stderr: () => stderr };
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  child.kill("SIGTERM");
  throw new Error(`${args.join(" ")} did not start: ${stderr}`);
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 10_000) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  for (const until = Date.now() + graceMs; Date.now() < until && child.exitCode === null;) await sleep(100);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Sign in through the real form; the session cookie to send with every request. */
export async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}
