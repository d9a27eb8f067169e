import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, rssMb, startDevServer } from "../support/hostile";

/*
 * The area ZIP streams: the real server (started as `tsx server.ts --dev` on a free port) answers an archive of 100
 * issued reports of 2 MB each (200 MB, incompressible, stored) while its resident memory is sampled every 50 ms.
 * Were the archive built in memory, the server would grow by at least its 200 MB.
 */
const REPORTS = 100;
const EACH = 2 * 1024 * 1024;

let dataDir: string;
let base: string;
let pid: number;
let stop: () => Promise<void>;
let log: () => string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-area-zip-"));
  const server = await startDevServer({ DATA_DIR: dataDir });
  base = server.base;
  pid = server.child.pid!;
  log = server.log;
  stop = async () => {
    if (server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  };
  // A month of a province's issued reports, written as the report archive holds them (rows + files).
  const db = new Database(path.join(dataDir, "iso-xa.db"));
  db.pragma("busy_timeout = 10000");
  // The province's units (since decision 0018 the province is no longer the root: its path is found by its code).
  const unitIds = (db.prepare("SELECT id FROM units WHERE path GLOB (SELECT path FROM units WHERE code = 'DT') || '*'").all() as { id: number }[]).map(
    (u) => u.id,
  );
  const insert = db.prepare(
    `INSERT INTO reports (kind, unit_id, period_key, status, trigger, verify_code, sha256, size, pages, file, attempts, created_at, finished_at)
     VALUES ('unit', ?, '2026-10', 'done', 'manual', ?, ?, ?, 1, ?, 1, ?, ?)`,
  );
  const t = Date.parse("2026-11-01T01:00:00Z");
  for (let i = 0; i < REPORTS; i++) {
    const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(EACH)]);
    const rel = `2026/stream-${i}.pdf`;
    fs.mkdirSync(path.join(dataDir, "reports", "2026"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "reports", rel), bytes);
    const sha = crypto.createHash("sha256").update(bytes).digest("hex");
    insert.run(unitIds[i % unitIds.length], `STRM${String(i).padStart(6, "0")}`, sha, bytes.length, rel, t, t);
  }
  db.close();
}, 240_000);

afterAll(async () => {
  await stop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the area ZIP streams", () => {
  it(`${REPORTS} reports of 2 MB: the server's memory grows by far less than the archive`, async () => {
    const login = await rawRequest(base, {
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "kiemtra.tinh", password: "IsoXa@2026", redirectTo: "/" }).toString(),
    });
    const cookie = (login.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    expect(login.status, log()).toBe(302);
    const db = new Database(path.join(dataDir, "iso-xa.db"), { readonly: true });
    const province = (db.prepare("SELECT id FROM units WHERE code = 'DT'").get() as { id: number }).id;
    db.close();
    const url = `/reports/archive?unit=${province}&period=2026-10`;
    // Warm the route (the dev server compiles it on first use) with a period that has no reports.
    await rawRequest(base, { path: `/reports/archive?unit=${province}&period=2019`, headers: { Cookie: cookie }, timeoutMs: 60_000 });
    global.gc?.();
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
    const { status, bytes, type, tail } = await new Promise<{ status: number; bytes: number; type: string; tail: Buffer }>((resolve, reject) => {
      http
        .get(base + url, { headers: { Cookie: cookie } }, (res) => {
          let n = 0;
          let last = Buffer.alloc(0);
          res.on("data", (c: Buffer) => {
            n += c.length;
            last = Buffer.concat([last, c]).subarray(-64);
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes: n, type: String(res.headers["content-type"]), tail: last }));
          res.on("error", reject);
        })
        .on("error", reject);
    });
    clearInterval(sampler);
    const growth = peak - before;
    console.log(`[area zip] ${REPORTS} reports, ${(bytes / 1048576).toFixed(0)} MB sent; server RSS ${before} → peak ${peak} MB (growth ${growth} MB)`);
    expect(status).toBe(200);
    expect(type).toBe("application/zip");
    expect(bytes).toBeGreaterThan(REPORTS * EACH);
    // The end of central directory record: the archive was finished, with every entry.
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(eocd).toBeGreaterThanOrEqual(0);
    expect(tail.readUInt16LE(eocd + 10)).toBe(REPORTS);
    expect(growth).toBeLessThan(50);
  }, 180_000);
});
