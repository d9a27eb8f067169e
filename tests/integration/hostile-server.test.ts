import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { catalogueXlsx, rawRequest, startDevServer, underWatch, type RawResponse } from "../support/hostile";

/*
 * Issue 16, replayed against the real HTTP server (what only it can show: body limits while streaming, 413, TRACE,
 * Origin, Cache-Control, the event loop staying free while a zip bomb is read). The server runs as `tsx server.ts
 * --dev` on a free port with its own data folder and demo data, so this needs no build. Every attack must answer
 * 4xx within 10 s, /healthz must keep answering within 2 s meanwhile, memory must come back, and nothing may be
 * written. The bounds are generous: this runs on a shared 2-core machine beside the other test files.
 */

const ANSWER_MS = 10_000;
const HEALTH_MS = 2_000;
const UPLOAD_MAX_MB = 2;

let base: string;
let pid: number;
let stop: () => Promise<void>;
let log: () => string;
let db: Database.Database;
let dataDir: string;
let officer: string;
let leader: string;
let unitId: number;
const measured: string[] = [];

const q = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
/** Rows of every table an attack could write to: none may change. */
function counts() {
  const n = (t: string) => q<{ n: number }>(`SELECT count(*) AS n FROM ${t}`).n;
  return {
    trail: n("trail"),
    files: n("files"),
    fileTables: n("file_tables"),
    procedures: n("procedures"),
    documents: n("documents"),
    findings: n("findings"),
    serviceFigures: n("service_figures"),
    sessions: n("sessions"),
    caSignatures: n("ca_signatures"),
  };
}
function blobs(): number {
  const dir = path.join(dataDir, "files");
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).length;
}

async function signIn(username: string, from = "127.0.0.1"): Promise<string> {
  const r = await rawRequest(base, {
    method: "POST",
    path: "/login",
    localAddress: from,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }).toString(),
  });
  const cookie = (r.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  if (r.status !== 302 || !cookie) throw new Error(`sign-in ${username}: ${r.status} ${r.body.slice(0, 200)}`);
  return cookie;
}

async function multipart(fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer; type?: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const r = new Response(fd);
  return { body: Buffer.from(await r.arrayBuffer()), type: r.headers.get("content-type")! };
}

function post(
  p: string,
  cookie: string,
  body: { body: Buffer | string | (() => AsyncIterable<Buffer>); type?: string },
  extra: Record<string, string> = {},
  from?: string,
) {
  const headers: Record<string, string> = { ...extra };
  if (cookie) headers.Cookie = cookie;
  if (body.type) headers["Content-Type"] = body.type;
  return rawRequest(base, { method: "POST", path: p, headers, body: body.body, localAddress: from, timeoutMs: 60_000 });
}

/** One attack under watch: a 4xx within 10 s, /healthz answering within 2 s meanwhile, memory back, nothing written. */
async function attack(name: string, fn: () => Promise<RawResponse>, opts: { status?: number | number[]; memoryMb?: number } = {}) {
  const before = counts();
  const blobsBefore = blobs();
  const w = await underWatch(base, pid, fn);
  measured.push(
    `| ${name} | ${w.result.status} | ${(w.ms / 1000).toFixed(2)} s | ${(w.worstHealthMs / 1000).toFixed(2)} s | ${w.rssBefore} → ${w.rssPeak} → ${w.rssAfter} MB |`,
  );
  expect(w.result.status, `${name}: ${w.result.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(w.result.status).toBeLessThan(500);
  if (opts.status !== undefined) expect([opts.status].flat()).toContain(w.result.status);
  expect(w.ms, `${name}: answered after ${w.ms} ms`).toBeLessThan(ANSWER_MS);
  expect(w.healthFailures, `${name}: /healthz failed meanwhile`).toBe(0);
  expect(w.worstHealthMs, `${name}: /healthz took ${w.worstHealthMs} ms meanwhile`).toBeLessThan(HEALTH_MS);
  expect(w.rssAfter, `${name}: memory ${w.rssBefore} → ${w.rssAfter} MB`).toBeLessThan(w.rssBefore + (opts.memoryMb ?? 100));
  expect(counts()).toEqual(before);
  expect(blobs()).toBe(blobsBefore);
  return w.result;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-hostile-"));
  const server = await startDevServer({ DATA_DIR: dataDir, UPLOAD_MAX_MB: String(UPLOAD_MAX_MB) });
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
  db = new Database(path.join(dataDir, "iso-xa.db"), { readonly: true });
  unitId = q<{ id: number }>("SELECT id FROM units WHERE code = 'DT-LAIVUNG'").id;
  officer = await signIn("thuky.laivung");
  leader = await signIn("chutich.laivung");
  // Warm the pages the attacks use (the dev server compiles a route on its first request).
  for (const p of ["/procedures/import", "/figures/import", "/findings/new", "/documents/new", "/"])
    await rawRequest(base, { path: p, headers: { Cookie: officer } });
}, 240_000);

afterAll(async () => {
  console.log(`[hostile-server] measured (answer, time, worst /healthz, server RSS before → peak → after):\n${measured.join("\n")}`);
  db?.close();
  await stop?.();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a spreadsheet cannot freeze or exhaust the server", () => {
  it("a zip bomb (64 KB unpacking to 64 MB of blanks) sent to the catalogue import preview", async () => {
    const bomb = catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = await attack("catalogue import: zip bomb, 64 MB of blanks", async () =>
      post("/procedures/import", officer, await multipart({ intent: "preview", unitId: String(unitId) }, { field: "file", name: "bomb.xlsx", bytes: bomb })),
    );
    expect(r.status).toBe(400);
    expect(r.body).toContain("imports.errors.tooBig");
  }, 60_000);

  it("an archive whose directory lies about the sheet's size", async () => {
    const lying = catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024, declaredSheetSize: 2000 });
    const r = await attack("catalogue import: declared 2 KB, inflates to 64 MB", async () =>
      post("/procedures/import", officer, await multipart({ intent: "preview", unitId: String(unitId) }, { field: "file", name: "lying.xlsx", bytes: lying })),
    );
    expect(r.body).toContain("imports.errors.tooBig");
  }, 60_000);

  it("a sheet of 25,000 rows (past the catalogue's 3,000)", async () => {
    const rows = catalogueXlsx({ rows: 25_000 });
    const r = await attack("catalogue import: 25,000 rows", async () =>
      post("/procedures/import", officer, await multipart({ intent: "preview", unitId: String(unitId) }, { field: "file", name: "rows.xlsx", bytes: rows })),
    );
    expect(r.body).toContain("procedures.errors.importTooMany");
  }, 60_000);

  it("the figures import refuses a bomb at upload, and keeps the rows of a good file so that viewing never reads it again", async () => {
    const bomb = catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024 });
    const r = await attack("figures upload: zip bomb", async () =>
      post("/figures/import", officer, await multipart({ intent: "upload" }, { field: "file", name: "bomb.xlsx", bytes: bomb })),
    );
    expect(r.body).toContain("imports.errors.tooBig");

    const good = Buffer.from("Mã đơn vị,Tháng,Tiếp nhận,Trước hạn,Đúng hạn,Quá hạn,Trực tuyến,BCCI\nDT-LAIVUNG,10/2026,120,20,90,10,60,15\n", "utf8");
    const up = await post(
      "/figures/import",
      officer,
      await multipart({ intent: "upload" }, { field: "file", name: "so-lieu.csv", bytes: good, type: "text/csv" }),
    );
    expect(up.status).toBe(302);
    const fileId = Number(/file=(\d+)/.exec(String(up.headers.location))?.[1]);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM file_tables WHERE file_id = ?", fileId).n).toBe(1);
    // Replaying the preview reads the kept rows: three views at once answer quickly and write nothing.
    const before = counts();
    const views = await underWatch(base, pid, () =>
      Promise.all([1, 2, 3].map(() => rawRequest(base, { path: `/figures/import?file=${fileId}`, headers: { Cookie: officer } }))),
    );
    measured.push(
      `| figures preview ×3 (stored rows) | ${views.result.map((v) => v.status).join(",")} | ${(views.ms / 1000).toFixed(2)} s | ${(views.worstHealthMs / 1000).toFixed(2)} s | |`,
    );
    for (const v of views.result) {
      expect(v.status).toBe(200);
      expect(v.body).toContain("so-lieu.csv");
    }
    expect(views.ms).toBeLessThan(ANSWER_MS);
    expect(counts()).toEqual(before);
  }, 90_000);
});

describe("request bodies are limited while they stream", () => {
  const big = (mb: number, prefix: string) =>
    async function* () {
      yield Buffer.from(prefix);
      const chunk = Buffer.alloc(1024 * 1024, "x");
      for (let i = 0; i < mb; i++) yield chunk;
    };

  it("a 60 MB urlencoded field to the sign-in form (declared length): 413 at once", async () => {
    const r = await attack(
      "60 MB urlencoded to /login, signed out",
      () =>
        post("/login", "", {
          body: Buffer.concat([Buffer.from("username=a&password="), Buffer.alloc(60 * 1024 * 1024, "x")]),
          type: "application/x-www-form-urlencoded",
        }),
      { status: 413 },
    );
    expect(r.body).toContain("quá lớn");
  }, 60_000);

  it("a 60 MB urlencoded field to a signed-in form, streamed without a length: 413 once 1 MB has passed", async () => {
    const r = await attack(
      "60 MB urlencoded (chunked) to /findings/new",
      () => post("/findings/new", officer, { body: big(60, "description="), type: "application/x-www-form-urlencoded" }),
      {
        status: 413,
      },
    );
    expect(r.body).toContain("quá lớn");
  }, 60_000);

  it("a multipart body past twice the upload limit: 413", async () => {
    const boundary = "----hostile";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n`;
    await attack(
      `multipart of ${3 * UPLOAD_MAX_MB + 2} MB (upload limit ${UPLOAD_MAX_MB} MB), chunked`,
      () => post("/procedures/import", officer, { body: big(3 * UPLOAD_MAX_MB + 2, head), type: `multipart/form-data; boundary=${boundary}` }),
      { status: 413 },
    );
  }, 60_000);

  it("a file over the upload limit (within twice it): the form comes back with the error beside the file and the rest kept", async () => {
    const before = counts();
    const body = await multipart(
      {
        unitId: String(unitId),
        code: "QT-LON-01",
        title: "Quy trình có tệp quá lớn",
        kind: "process",
        owner: "Văn phòng",
        reviewCycleMonths: "12",
        changeSummary: "Ban hành lần đầu",
      },
      {
        field: "file",
        name: "lon.pdf",
        bytes: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc((UPLOAD_MAX_MB + 1) * 1024 * 1024)]),
        type: "application/pdf",
      },
    );
    const r = await post("/documents/new", officer, body);
    expect(r.status).toBe(400);
    expect(r.body).toContain("Quy trình có tệp quá lớn"); // the other fields are kept
    expect(r.body).toContain("QT-LON-01");
    expect(r.body).toMatch(/Tệp quá lớn|files\.errors\.tooLarge/);
    expect(counts()).toEqual(before);
  }, 60_000);
});

describe("throttling holds under concurrency", () => {
  const wrong = (username: string) => ({
    body: new URLSearchParams({ username, password: "sai-mat-khau", redirectTo: "/" }).toString(),
    type: "application/x-www-form-urlencoded",
  });

  it("40 wrong passwords at once for one account from 40 addresses: 5 are checked, the account is locked", async () => {
    const t = performance.now();
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => post("/login", "", wrong("thuky.hoalong"), {}, `127.0.0.${i + 2}`)));
    const u = q<{ failed_logins: number; locked_until: number | null }>("SELECT failed_logins, locked_until FROM users WHERE username = 'thuky.hoalong'");
    measured.push(
      `| 40 wrong passwords, one account, 40 addresses | ${summary(rs)} | ${((performance.now() - t) / 1000).toFixed(2)} s | failed_logins ${u.failed_logins}, locked ${!!u.locked_until} | |`,
    );
    expect(u.failed_logins).toBe(5);
    expect(u.locked_until).not.toBeNull();
    expect(rs.filter((r) => r.status === 401).length).toBeLessThanOrEqual(4); // the 5th check answers "locked"
    expect(rs.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(36);
    expect(rs.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  }, 120_000);

  it("40 wrong passwords at once from one address: at most 30 are checked", async () => {
    const t = performance.now();
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => post("/login", "", wrong(`khong.co.${i}`), {}, "127.0.0.200")));
    measured.push(`| 40 wrong passwords from one address | ${summary(rs)} | ${((performance.now() - t) / 1000).toFixed(2)} s | | |`);
    expect(rs.filter((r) => r.status === 401).length).toBeLessThanOrEqual(30);
    expect(rs.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it("20 wrong signing passwords at once: 5 are checked, the account is locked, nothing is signed", async () => {
    const ca = q<{ id: number }>(
      "SELECT ca.id FROM corrective_actions ca JOIN units u ON u.id = ca.unit_id WHERE ca.status = 'proposed' AND u.code = 'DT-LAIVUNG' ORDER BY ca.id LIMIT 1",
    );
    const signatures = q<{ n: number }>("SELECT count(*) AS n FROM ca_signatures").n;
    const t = performance.now();
    const rs = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/corrective-actions/${ca.id}/acknowledge`, leader, { body: "password=sai-mat-khau&capacity=own", type: "application/x-www-form-urlencoded" }),
      ),
    );
    const u = q<{ failed_logins: number; locked_until: number | null }>("SELECT failed_logins, locked_until FROM users WHERE username = 'chutich.laivung'");
    measured.push(
      `| 20 wrong signing passwords at once | ${summary(rs)} | ${((performance.now() - t) / 1000).toFixed(2)} s | failed_logins ${u.failed_logins}, locked ${!!u.locked_until} | |`,
    );
    expect(u.failed_logins).toBe(5);
    expect(u.locked_until).not.toBeNull();
    expect(rs.every((r) => r.status === 400)).toBe(true);
    expect(rs.filter((r) => r.body.includes("auth.errors.locked")).length).toBeGreaterThanOrEqual(15);
    expect(q<{ n: number }>("SELECT count(*) AS n FROM ca_signatures").n).toBe(signatures);
  }, 120_000);
});

describe("redirects, names, malformed requests, origins, caching", () => {
  it("sign-in never redirects off the app, and a newline in redirectTo is not a 500", async () => {
    for (const [i, redirectTo] of [
      "/\t/evil.example",
      "/\\evil.example",
      "/%2F%2Fevil.example",
      "/a\nb",
      "//evil.example",
      "https://evil.example/",
    ].entries()) {
      const r = await post(
        "/login",
        "",
        {
          body: new URLSearchParams({ username: "thuky.phonghoa", password: DEMO_PASSWORD, redirectTo }).toString(),
          type: "application/x-www-form-urlencoded",
        },
        {},
        `127.0.1.${i + 1}`,
      );
      expect(r.status, JSON.stringify(redirectTo)).toBe(302);
      expect(r.headers.location, JSON.stringify(redirectTo)).toBe("/");
    }
    measured.push(`| redirectTo "/\\t/evil.example", "/\\\\evil", "/%2F%2Fevil", "/a\\nb" | 302 location "/" | | | |`);
  }, 60_000);

  it("files named with ; = quotes emoji and a right-to-left override upload, keep their name (Cf stripped) and download with RFC 6266 names", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const names: [string, string][] = [
      ["Kế hoạch; lần 2.pdf", "Kế hoạch; lần 2.pdf"],
      ["x=y.pdf", "x=y.pdf"],
      ["hoadon\u202Efdp.exe.pdf", "hoadonfdp.exe.pdf"],
      ["Báo cáo 🎉 " + "ư".repeat(110) + ".pdf", "Báo cáo 🎉 " + "ư".repeat(110) + ".pdf"],
    ];
    for (const [i, [name, stored]] of names.entries()) {
      const body = await multipart(
        {
          unitId: String(unitId),
          code: `QT-TEN-${i}`,
          title: i === 0 ? '=HYPERLINK("http://evil.example","bấm")' : `Quy trình tên tệp ${i}`,
          kind: "process",
          owner: "Văn phòng",
          reviewCycleMonths: "12",
          changeSummary: "Ban hành lần đầu",
        },
        { field: "file", name, bytes: pdf, type: "application/pdf" },
      );
      const r = await post("/documents/new", officer, body);
      expect(r.status, `${name}: ${r.body.slice(0, 400)}`).toBe(302);
      const f = q<{ id: number; original_name: string }>("SELECT id, original_name FROM files ORDER BY id DESC LIMIT 1");
      expect(f.original_name).toBe(stored);
      const d = await rawRequest(base, { path: `/files/${f.id}`, headers: { Cookie: officer } });
      expect(d.status).toBe(200);
      const cd = String(d.headers["content-disposition"]);
      expect(cd).toMatch(/^(inline|attachment); filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]!)).toBe(stored);
      expect(cd).not.toContain("\u202E");
    }
    measured.push(`| uploads named "Kế hoạch; lần 2.pdf", "x=y.pdf", RLO, 255 bytes with emoji | 302, names kept (RLO stripped), RFC 6266 download | | | |`);
  }, 120_000);

  it("export cells that start with = are neutralised with a leading '", async () => {
    const r = await fetch(`${base}/documents/export`, { headers: { Cookie: officer } });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const cells: ExcelJS.CellValue[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(c.value)));
    expect(cells).toContain('\'=HYPERLINK("http://evil.example","bấm")');
    expect(cells.some((v) => v !== null && typeof v === "object" && "formula" in v)).toBe(false);
  }, 60_000);

  it("malformed requests get a 4xx, never a 5xx, and write nothing", async () => {
    const before = counts();
    const cases: [string, () => Promise<RawResponse>, number][] = [
      ["application/json to /findings/new", () => post("/findings/new", officer, { body: '{"description":"x"}', type: "application/json" }), 415],
      ["text/plain to /findings/new", () => post("/findings/new", officer, { body: "description=x", type: "text/plain" }), 415],
      ["multipart without boundary to /findings/new", () => post("/findings/new", officer, { body: "--x\r\n", type: "multipart/form-data" }), 400],
      ["multipart without boundary to /documents/new", () => post("/documents/new", officer, { body: "--x\r\n", type: "multipart/form-data" }), 400],
      [
        "multipart with a broken body to /documents/new",
        () => post("/documents/new", officer, { body: "--x\r\ngarbage", type: "multipart/form-data; boundary=x" }),
        400,
      ],
      ["no content type, with a body, to /login", () => rawRequest(base, { method: "POST", path: "/login", body: "username=a&password=b" }), 415],
      ["Origin: garbage", () => post("/findings/new", officer, { body: "a=b", type: "application/x-www-form-urlencoded" }, { Origin: "garbage" }), 403],
      ["Origin: null", () => post("/findings/new", officer, { body: "a=b", type: "application/x-www-form-urlencoded" }, { Origin: "null" }), 403],
      ["TRACE /", () => rawRequest(base, { method: "TRACE", path: "/" }), 405],
      ["PROPFIND /", () => rawRequest(base, { method: "PROPFIND", path: "/", headers: { Cookie: officer } }), 405],
      ["OPTIONS /login", () => rawRequest(base, { method: "OPTIONS", path: "/login" }), 405],
      ["a newline in redirectTo", () => rawRequest(base, { path: "/login?redirectTo=%2F%0Aevil.example" }), 400],
      ["a NUL and CRLF in a query", () => rawRequest(base, { path: "/documents?q=%00%0D%0A", headers: { Cookie: officer } }), 400],
      ["a control character in the path", () => rawRequest(base, { path: "/documents%0A" }), 400],
      ["a broken percent-encoding in the path", () => rawRequest(base, { path: "/documents/%E0%A4%A" }), 400],
    ];
    for (const [name, fn, status] of cases) {
      const r = await fn();
      measured.push(`| ${name} | ${r.status} | | | |`);
      expect(r.status, `${name}: ${r.body.slice(0, 300)}`).toBe(status);
      expect(r.body).not.toMatch(/\n\s+at .+\.(ts|js|tsx):\d+/);
    }
    const sessions = counts().sessions;
    const nl = await post("/login", "", {
      body: new URLSearchParams({ username: "thuky.tanduong", password: DEMO_PASSWORD, redirectTo: "/a\r\nSet-Cookie: x=1" }).toString(),
      type: "application/x-www-form-urlencoded",
    });
    expect(nl.status).toBe(302);
    expect(nl.headers.location).toBe("/");
    expect(nl.headers["set-cookie"]?.some((c) => c.startsWith("x="))).toBe(false);
    expect({ ...counts(), sessions }).toEqual({ ...before, sessions });
  }, 60_000);

  it("the origin is compared with its scheme: https://<this host> is refused by a plain-http server", async () => {
    const host = new URL(base).host;
    const refused = await post("/logout", officer, { body: "", type: "application/x-www-form-urlencoded" }, { Origin: `https://${host}` });
    expect(refused.status).toBe(403);
    const other = await post("/logout", officer, { body: "", type: "application/x-www-form-urlencoded" }, { Origin: `http://evil.example` });
    expect(other.status).toBe(403);
    const own = await post("/lang", officer, { body: "lang=vi&redirectTo=%2F", type: "application/x-www-form-urlencoded" }, { Origin: base });
    expect(own.status).toBe(302);
    measured.push(`| Origin https://${host} on plain http | ${refused.status} | | | |`);
  }, 30_000);

  it("every signed-in page is Cache-Control: no-store; a download keeps its own", async () => {
    for (const p of ["/", "/documents", "/figures/import", "/procedures/import"]) {
      const r = await rawRequest(base, { path: p, headers: { Cookie: officer } });
      expect(r.status, p).toBe(200);
      expect(r.headers["cache-control"], p).toBe("no-store");
    }
    const signIn = await post("/login", "", {
      body: new URLSearchParams({ username: "canbo.huyen", password: DEMO_PASSWORD, redirectTo: "/" }).toString(),
      type: "application/x-www-form-urlencoded",
    });
    expect(signIn.headers["cache-control"]).toBe("no-store");
    measured.push(`| GET / signed in | Cache-Control: no-store | | | |`);
  }, 60_000);

  it("the server logged no unexpected error", () => {
    expect(log()).not.toMatch(/\[tabular\] unexpected|ERR_HTTP_HEADERS_SENT|Unhandled/);
  });
});

function summary(rs: RawResponse[]): string {
  const by: Record<number, number> = {};
  for (const r of rs) by[r.status] = (by[r.status] ?? 0) + 1;
  return Object.entries(by)
    .map(([s, n]) => `${n}×${s}`)
    .join(", ");
}
