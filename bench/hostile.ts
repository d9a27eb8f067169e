// Every row of issue 16's table, measured against the production build as `npm start` runs it (answer, time, the
// worst /healthz latency meanwhile, the server's RSS before → peak → 3 s after):
//
//   npm run build && npx tsx bench/hostile.ts after [port]
//   ATTACK_ROOT=/path/to/another/checkout npx tsx bench/hostile.ts before [port]   (an older build, for comparison)
//
// It starts the server on a fresh data folder with the demo data, prints a Markdown table and writes it to
// tests/.tmp/hostile-<label>.md. The assertions live in tests/integration/hostile-*.test.ts; this only measures.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { catalogueXlsx, rawRequest } from "../tests/support/hostile";

const label = process.argv[2] ?? "run";
const PORT = Number(process.argv[3] ?? 3411);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-attack-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rss = (pid: number) => {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024);
  } catch {
    return 0;
  }
};
const out: string[] = [];
const log = (s: string) => {
  console.log(s);
  out.push(s);
};

const root = process.env.ATTACK_ROOT ?? process.cwd();
const child = spawn(process.execPath, ["--heap-growing-percent=20", "--max-semi-space-size=8", "build/start/server.js"], {
  cwd: root,
  env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(PORT), HOST: "127.0.0.1", SCHEDULER: "off", SECURE_COOKIES: "off" },
  stdio: ["ignore", "ignore", "pipe"],
});
let stderr = "";
child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-3000)));
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${BASE}/healthz`)).ok) break;
  } catch {
    /* not yet */
  }
  if (i > 600) throw new Error("no start " + stderr);
  await sleep(200);
}
const pid = child.pid!;
const db = new Database(path.join(dataDir, "iso-xa.db"), { readonly: true });
const q = <T>(sql: string, ...a: unknown[]) => db.prepare(sql).get(...a) as T;

async function signIn(username: string, from = "127.0.0.1") {
  const r = await rawRequest(BASE, {
    method: "POST",
    path: "/login",
    localAddress: from,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password: "IsoXa@2026", redirectTo: "/" }).toString(),
  });
  const c = (r.headers["set-cookie"] ?? []).map((x) => x.split(";")[0]).join("; ");
  if (r.status !== 302 || !c) throw new Error(`sign-in ${username}: ${r.status}`);
  return c;
}

/** Run `fn` while /healthz is polled and the server's memory sampled. */
async function watch(name: string, fn: () => Promise<string>) {
  let stop = false;
  let worstHealth = 0;
  let peak = rss(pid);
  const before = peak;
  const poll = (async () => {
    while (!stop) {
      const t = performance.now();
      try {
        await rawRequest(BASE, { path: "/healthz", timeoutMs: 120_000 });
      } catch {
        /* counted by time */
      }
      worstHealth = Math.max(worstHealth, performance.now() - t);
      peak = Math.max(peak, rss(pid));
      await sleep(100);
    }
  })();
  const t0 = performance.now();
  let result: string;
  try {
    result = await fn();
  } catch (e) {
    result = `error ${(e as Error).message}`;
  }
  const ms = performance.now() - t0;
  stop = true;
  await poll;
  await sleep(3000);
  const after = rss(pid);
  log(
    `| ${name} | ${result} | ${(ms / 1000).toFixed(1)} s | healthz worst ${(worstHealth / 1000).toFixed(2)} s | RSS ${before} → peak ${peak} → ${after} MB (3 s later) |`,
  );
}

const officer = await signIn("thuky.laivung");
const leader = await signIn("chutich.laivung");
const unitId = q<{ id: number }>("SELECT id FROM units WHERE code = 'DT-LAIVUNG'").id;

function multipart(fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer; type?: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const r = new Response(fd);
  return r.arrayBuffer().then((b) => ({ body: Buffer.from(b), type: r.headers.get("content-type")! }));
}

async function post(p: string, cookie: string, body: { body: Buffer | string; type: string }, extra: Record<string, string> = {}, from?: string) {
  return rawRequest(BASE, { method: "POST", path: p, headers: { Cookie: cookie, "Content-Type": body.type, ...extra }, body: body.body, localAddress: from });
}

log(`## ${label} (${new Date().toISOString()})`);
log(`| row | answer | time | /healthz | memory |`);
log(`|---|---|---|---|---|`);

// 1. Zip bombs.
const pad = catalogueXlsx({ rows: 3, padding: 300_000_000 });
const rows = catalogueXlsx({ rows: 250_000 });
const lying = catalogueXlsx({ rows: 3, padding: 300_000_000, declaredSheetSize: 1000 });
for (const [name, bytes] of [
  [`procedures import, ${Math.round(pad.length / 1024)} KB → 300 MB of blanks`, pad],
  [`procedures import, ${(rows.length / 1e6).toFixed(1)} MB → 250,000 rows`, rows],
  [`procedures import, lying sizes (${Math.round(lying.length / 1024)} KB)`, lying],
] as const) {
  await watch(name, async () => {
    const r = await post(
      "/procedures/import",
      officer,
      await multipart({ intent: "preview", unitId: String(unitId) }, { field: "file", name: "bomb.xlsx", bytes }),
    );
    return String(r.status);
  });
}
let figuresFile = 0;
await watch("figures upload of the 300 MB bomb", async () => {
  const r = await post("/figures/import", officer, await multipart({ intent: "upload" }, { field: "file", name: "bomb.xlsx", bytes: pad }));
  figuresFile = Number(/file=(\d+)/.exec(String(r.headers.location ?? ""))?.[1] ?? 0);
  return `${r.status} ${r.headers.location ?? ""}`;
});
if (figuresFile) {
  await watch("GET /figures/import?file=ID ×3 (replay)", async () => {
    const rs = await Promise.all([1, 2, 3].map(() => rawRequest(BASE, { path: `/figures/import?file=${figuresFile}`, headers: { Cookie: officer } })));
    return rs.map((r) => r.status).join(",");
  });
}

{
  const good = Buffer.from("Mã đơn vị,Tháng,Tiếp nhận,Trước hạn,Đúng hạn,Quá hạn,Trực tuyến,BCCI\nDT-LAIVUNG,10/2026,120,20,90,10,60,15\n");
  const up = await post("/figures/import", officer, await multipart({ intent: "upload" }, { field: "file", name: "good.csv", bytes: good, type: "text/csv" }));
  const id = Number(/file=(\d+)/.exec(String(up.headers.location ?? ""))?.[1] ?? 0);
  if (id)
    await watch("GET /figures/import?file=<good file> ×3", async () => {
      const rs = await Promise.all([1, 2, 3].map(() => rawRequest(BASE, { path: `/figures/import?file=${id}`, headers: { Cookie: officer } })));
      return rs.map((r) => r.status).join(",");
    });
}

// 2. Huge urlencoded bodies.
const big = "username=a&password=" + "x".repeat(60 * 1024 * 1024);
await watch("60 MB urlencoded to /login (signed out)", async () =>
  String((await post("/login", "", { body: big, type: "application/x-www-form-urlencoded" })).status),
);
await watch("60 MB urlencoded to /findings/new", async () =>
  String((await post("/findings/new", officer, { body: "description=" + "x".repeat(60 * 1024 * 1024), type: "application/x-www-form-urlencoded" })).status),
);

await watch("50 MB multipart to /documents/new", async () => {
  const body = await multipart({ title: "x" }, { field: "file", name: "big.pdf", bytes: Buffer.alloc(50 * 1024 * 1024) });
  return String((await post("/documents/new", officer, body)).status);
});

// 3. Concurrent guesses.
{
  const t = performance.now();
  const rs = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      post("/login", "", { body: "username=thuky.hoalong&password=wrong&redirectTo=%2F", type: "application/x-www-form-urlencoded" }, {}, `127.0.0.${i + 2}`),
    ),
  );
  const u = q<{ failed_logins: number; locked_until: number | null }>("SELECT failed_logins, locked_until FROM users WHERE username='thuky.hoalong'");
  const by = rs.reduce<Record<number, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
  log(
    `| 40 concurrent wrong passwords, one account, 40 addresses | ${JSON.stringify(by)} | ${((performance.now() - t) / 1000).toFixed(1)} s | failed_logins ${u.failed_logins}, locked ${u.locked_until ? "yes" : "no"} | |`,
  );
}
{
  const t = performance.now();
  const rs = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      post("/login", "", { body: `username=nobody${i}&password=wrong&redirectTo=%2F`, type: "application/x-www-form-urlencoded" }, {}, "127.0.0.200"),
    ),
  );
  const by = rs.reduce<Record<number, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
  log(`| 40 concurrent wrong passwords from one address | ${JSON.stringify(by)} | ${((performance.now() - t) / 1000).toFixed(1)} s | (429 = throttled) | |`);
}
{
  const ca = q<{ id: number } | undefined>(
    "SELECT ca.id FROM corrective_actions ca JOIN units u ON u.id = ca.unit_id WHERE ca.status = 'proposed' AND u.code = 'DT-LAIVUNG' LIMIT 1",
  );
  if (ca) {
    const t = performance.now();
    const rs = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/corrective-actions/${ca.id}/acknowledge`, leader, { body: "password=wrong&capacity=own", type: "application/x-www-form-urlencoded" }),
      ),
    );
    const u = q<{ failed_logins: number; locked_until: number | null }>("SELECT failed_logins, locked_until FROM users WHERE username='chutich.laivung'");
    const by = rs.reduce<Record<number, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
    log(
      `| 20 concurrent wrong signing passwords (CA ${ca.id}) | ${JSON.stringify(by)} | ${((performance.now() - t) / 1000).toFixed(1)} s | failed_logins ${u.failed_logins}, locked ${u.locked_until ? "yes" : "no"} | |`,
    );
  } else log("| signing | no proposed CA found | | | |");
}

// 4. Redirect.
for (const redirectTo of ["/\t/evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/a\nb"]) {
  const sessions = q<{ n: number }>("SELECT count(*) n FROM sessions").n;
  const r = await post(
    "/login",
    "",
    { body: new URLSearchParams({ username: "thuky.phonghoa", password: "IsoXa@2026", redirectTo }).toString(), type: "application/x-www-form-urlencoded" },
    {},
    "127.0.0.99",
  );
  const after = q<{ n: number }>("SELECT count(*) n FROM sessions").n;
  log(`| redirectTo ${JSON.stringify(redirectTo)} | ${r.status} location ${JSON.stringify(r.headers.location ?? null)} | | sessions +${after - sessions} | |`);
}

// 5. File names.
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
for (const name of ["Kế hoạch; lần 2.pdf", "x=y.pdf", 'a"b.pdf', "hoadon\u202Efdp.exe", "🎉".repeat(60) + ".pdf"]) {
  const code = `QT-${Math.random().toString(36).slice(2, 8)}`;
  const body = await multipart(
    { unitId: String(unitId), code, title: "Quy trình thử", kind: "process", owner: "Văn phòng", reviewCycleMonths: "12", changeSummary: "Ban hành lần đầu" },
    { field: "file", name, bytes: pdf, type: "application/pdf" },
  );
  const r = await post("/documents/new", officer, body);
  const stored = q<{ original_name: string } | undefined>("SELECT original_name FROM files ORDER BY id DESC LIMIT 1");
  log(
    `| upload named ${JSON.stringify(name)} | ${r.status}${r.status === 400 ? (r.body.includes("errors.required") ? " (fields 'required')" : "") : ""} | | last stored name ${JSON.stringify(stored?.original_name)} | |`,
  );
}
{
  const body = await multipart(
    { unitId: String(unitId), code: "QT-BIG", title: "Quy trình lớn", kind: "process", owner: "Văn phòng", reviewCycleMonths: "12", changeSummary: "Ban hành" },
    { field: "file", name: "big.pdf", bytes: Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]), type: "application/pdf" },
  );
  const r = await post("/documents/new", officer, body);
  log(
    `| oversize upload (21 MB) with other fields | ${r.status} | | title kept: ${r.body.includes("Quy trình lớn")}, tooLarge shown: ${r.body.includes("quá lớn")} | |`,
  );
}

// 6. Malformed requests.
{
  const cases: [string, () => Promise<{ status: number }>][] = [
    ["application/json to /findings/new", () => post("/findings/new", officer, { body: "{}", type: "application/json" })],
    ["text/plain to /findings/new", () => post("/findings/new", officer, { body: "a=b", type: "text/plain" })],
    ["multipart without boundary to /documents/new", () => post("/documents/new", officer, { body: "--x\r\n", type: "multipart/form-data" })],
    ["multipart without boundary to /findings/new", () => post("/findings/new", officer, { body: "--x\r\n", type: "multipart/form-data" })],
    ["no content type to /login", () => rawRequest(BASE, { method: "POST", path: "/login", body: "username=a" })],
    ["Origin: garbage", () => post("/findings/new", officer, { body: "a=b", type: "application/x-www-form-urlencoded" }, { Origin: "garbage" })],
    [
      `Origin: https://127.0.0.1:${PORT} (plain http)`,
      () => post("/logout", officer, { body: "", type: "application/x-www-form-urlencoded" }, { Origin: `https://127.0.0.1:${PORT}` }),
    ],
    ["TRACE /", () => rawRequest(BASE, { method: "TRACE", path: "/" })],
    ["PROPFIND /", () => rawRequest(BASE, { method: "PROPFIND", path: "/", headers: { Cookie: officer } })],
    ["GET /login?redirectTo=%0A", () => rawRequest(BASE, { path: "/login?redirectTo=%2F%0Aevil" })],
    ["GET /documents?q=%00%0D%0A", () => rawRequest(BASE, { path: "/documents?q=%00%0D%0A", headers: { Cookie: officer } })],
  ];
  for (const [name, fn] of cases) {
    try {
      const r = (await fn()) as { status: number; headers?: Record<string, unknown> };
      log(`| ${name} | ${r.status}${r.headers?.location ? ` → ${String(r.headers.location)}` : ""} | | | |`);
    } catch (e) {
      log(`| ${name} | ${(e as Error).message} | | | |`);
    }
  }
}

// 7. Exports and caching.
{
  const w = new Database(path.join(dataDir, "iso-xa.db"));
  w.prepare('UPDATE documents SET title = \'=HYPERLINK("http://evil.example","x")\' WHERE id = (SELECT min(id) FROM documents)').run();
  w.close();
  const r = await fetch(`${BASE}/documents/export`, { headers: { Cookie: officer }, redirect: "manual" });
  log(`| export | ${r.status} ${r.headers.get("content-type")} ${r.headers.get("location") ?? ""} | | | |`);
  const wb = new ExcelJS.Workbook();
  if (r.ok) await wb.xlsx.load(await r.arrayBuffer());
  else wb.addWorksheet("x");
  let found = "not in export";
  wb.worksheets[0]!.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value;
      if (typeof v === "string" && v.includes("HYPERLINK")) found = JSON.stringify(v);
      else if (v && typeof v === "object" && "formula" in v) found = `formula ${JSON.stringify(v)}`;
    }),
  );
  log(`| export cell from a title starting with = | ${r.status} ${found} | | | |`);
  for (const p of ["/", "/documents", "/figures/import"]) {
    const g = await rawRequest(BASE, { path: p, headers: { Cookie: officer } });
    log(`| GET ${p} signed in | ${g.status} Cache-Control: ${JSON.stringify(g.headers["cache-control"] ?? null)} | | | |`);
  }
}

child.kill("SIGTERM");
fs.mkdirSync("tests/.tmp", { recursive: true });
fs.writeFileSync(`tests/.tmp/hostile-${label}.md`, out.join("\n") + "\n");
await sleep(500);
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
