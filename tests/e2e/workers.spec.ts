// Issue 19 item 4: WEB_CONCURRENCY=2 starts two web workers that share the port and the database, with the scheduler
// in exactly one process; the data folder is held by all of them (a restore is refused), and the public pages'
// per-address budget is one budget whichever worker answers. Its own server (the compiled build, as `npm start`
// runs it) on a free port and a fresh data folder, beside the journeys' server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

const DATA_DIR = path.resolve("tests/.tmp/e2e-workers");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** One request on a connection of its own (cluster hands out connections, not requests). */
async function get(base: string, p: string) {
  const r = await fetch(base + p, { headers: { Connection: "close", "x-isoxa-public-wait": "0" } });
  return { status: r.status, body: r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text() };
}

test("WEB_CONCURRENCY=2: two workers answer, one scheduler runs, the lock refuses a restore, one public budget", async () => {
  test.setTimeout(120_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/).slice(1);
  let out = "";
  const child: ChildProcess = spawn(process.execPath, start, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      WEB_CONCURRENCY: "2",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR,
      SECURE_COOKIES: "off",
      ISOXA_NOW: "2026-11-25T02:00:00Z",
      PUBLIC_RATE_PER_MIN: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  try {
    await expect
      .poll(
        async () => {
          try {
            return (await get(base, "/healthz")).status;
          } catch {
            return 0;
          }
        },
        { timeout: 90_000, intervals: [500] },
      )
      .toBe(200);

    // Both workers serve requests.
    const seen = new Set<number>();
    for (let i = 0; i < 20 && seen.size < 2; i++) seen.add(((await get(base, "/healthz")).body as { worker: number }).worker);
    expect([...seen].sort()).toEqual([1, 2]);

    // Exactly one scheduler: started once (by the primary), never by a worker.
    await expect.poll(() => out.match(/\[scheduler\] \d+ jobs:/g)?.length ?? 0, { timeout: 30_000 }).toBe(1);
    expect(out).toContain("[web] 2 web workers");

    // The primary and both workers hold the data folder: a restore is refused (exit 3) and names them.
    const holders = fs.readdirSync(path.join(DATA_DIR, "locks")).map((f) => JSON.parse(fs.readFileSync(path.join(DATA_DIR, "locks", f), "utf8")).role);
    expect(holders.sort()).toEqual(["server", "server worker", "server worker"]);
    const backup = path.join(DATA_DIR, "iso-xa.db");
    const restore = spawnSync(process.execPath, ["bin/isoxa.mjs", "restore", backup], { env: { ...process.env, DATA_DIR }, encoding: "utf8" });
    expect(restore.status).toBe(3);
    expect(restore.stderr).toContain("server worker");

    // The public budget (1 a minute here, a burst of 1) is one for the address, not one per worker (per-worker
    // buckets would let two through); a client cannot set the answer itself.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(base, "/cong-khai")).status);
    expect(statuses).toEqual([200, 429, 429, 429, 429, 429]);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  }
  // The primary stopped its workers: nobody holds the data folder any more.
  expect(out).toContain("SIGTERM: shutting down 2 workers");
});
