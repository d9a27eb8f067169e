// npm run bench        → quick data set (generated if missing), all pages, both references
// npm run bench:full   → province-sized then national data set, with the growth ratio
// Options: --scales quick,province,national  --duration <s per page>  --connections 50  --regen  --no-build
//          --ports <first of 3 ports, default 3911> (BENCH_REPORTS_PORT: the report benchmark's server, default 3951)
//
// Measures the production server (the real build, started as `npm start` starts it, SCHEDULER=off) with autocannon and,
// in the same run, two references: a trivial page of the same app (the framework's floor) and a bare
// node:http + better-sqlite3 server answering the same queries (bench/bare-server.ts, the data's floor).
// Writes bench/results.json and bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { benchDataDir, generate, SCALES, type Scale } from "./generate";
import { benchReports, type ReportBench } from "./reports";
import { percentile, rssMb, serverEnv, treeRssMb, signIn, sleep, startArgs, startServer, stopServer } from "./server-control";

const { values } = parseArgs({
  options: {
    scales: { type: "string", default: "quick" },
    duration: { type: "string" },
    connections: { type: "string", default: "50" },
    regen: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    tag: { type: "string" },
    /** First of the three ports the run listens on (the app, the bare server, the minimal Remix app). */
    ports: { type: "string", default: "3911" },
  },
});
const scales = values.scales.split(",").map((s) => s.trim()) as Scale[];
for (const s of scales) if (!(s in SCALES)) throw new Error(`unknown scale ${s}`);
const full = scales.includes("national");
/** --tag x writes bench/results.x.json and bench/RESULTS.x.md (a side run that must not replace the main figures). */
const suffix = values.tag ? `.${values.tag}` : "";
const duration = Number(values.duration ?? (full ? 10 : 5));
const connections = Number(values.connections);
const USER = "kiemtra.tinh"; // the first province's inspector: a province-wide scope
const NATIONAL_USER = "kiemtra.bo"; // the ministry's inspector: every province (decision 0018)
const APP_PORT = Number(values.ports);
/**
 * A data set whose measuring starts with a 1-minute load average above this ran beside other work: its throughput
 * says more about the neighbours than about the app, so it is marked `comparable: false` and no growth ratio is taken
 * from it. Ratios measured within it (floor_ratio, bare_ratio, workers_ratio…) still compare like with like.
 */
const BUSY_LOAD = 1.5;
const BARE_PORT = APP_PORT + 1;
const REMIX_MIN_PORT = APP_PORT + 2;

type Figure = { path: string; rps: number; p50_ms: number; p95_ms: number; p99_ms: number; requests: number; non2xx: number; errors: number };
type PageFigure = Figure & { floor_ratio: number; bare_ratio: number | null; bare: Figure | null; growth_ratio?: number | null };
type ScaleResult = {
  scale: Scale;
  /** os.loadavg() (1, 5, 15 min) when this data set's measuring started and when it ended (issue 19 item 7). */
  load_avg_start: number[];
  load_avg_end: number[];
  /** false when the machine was busy (1-minute load average above BUSY_LOAD) as this data set started. */
  comparable: boolean;
  data: { file: string; size_mb: number; generated_s: number | null; counts: Record<string, number> };
  report_generation_s: number | null;
  pages: Record<string, PageFigure>;
  floor: Figure;
  /** A minimal Remix 2 app (bench/remix-min: one route reading one row, Express adapter), same run (issue 19 item 3). */
  remix_min: Figure;
  /** Our floor's rps ÷ the minimal Remix app's: what the app's shell costs above the framework's own. */
  shell_ratio: number;
  healthz: Figure;
  bare_healthz: Figure;
  rss_mb: number;
  rss_idle_mb: number;
  /** The same server with WEB_CONCURRENCY=2 against the one-process figures above (issue 19 item 4). */
  workers: WorkersFigure;
  /** The ministry's inspector (NATIONAL_USER, every province) on their dashboard and compliance grid (issue 19 item 2). */
  national_view: NationalView | null;
  reports: ReportBench;
};
type NationalView = {
  user: string;
  units: number;
  /** Per page: at 1 connection (p50 target < 300 ms) and at the run's connections (floor_ratio target ≥ 0.5). */
  pages: Record<string, { one: Figure; many: Figure; floor_ratio: number }>;
};
type WorkersFigure = {
  concurrency: number;
  floor: Figure;
  commune: Figure;
  /** rps with 2 workers ÷ rps with 1, for the floor page and the commune page. */
  workers_ratio: number;
  commune_workers_ratio: number;
  /** Resident memory of the primary and its workers together, peak under load. */
  rss_mb: number;
};

const log = (s: string) => console.log(`[bench] ${s}`);

/** One autocannon run; latencies collected per response so that p95 is exact (autocannon reports p90/p97.5). */
async function load(url: string, cookie: string | undefined, seconds: number, conns = connections): Promise<Figure> {
  const headers: Record<string, string> = { "accept-encoding": "gzip" };
  if (cookie) headers.cookie = cookie;
  // Warm-up (JIT, SQLite page cache), not counted.
  await autocannon({ url, connections: Math.min(conns, 10), duration: 1, headers });
  await drain(new URL(url).origin);
  const times: number[] = [];
  const inst = autocannon({ url, connections: conns, duration: seconds, headers, timeout: 30 });
  inst.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const res = await inst;
  await drain(new URL(url).origin);
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    path: new URL(url).pathname,
    rps: round(times.length / res.duration),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    requests: times.length,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
  };
}

/**
 * autocannon stops at the deadline but the server still works through the requests it had already read (loaders are
 * synchronous): wait until /healthz answers promptly again, so that one page's backlog is not charged to the next.
 */
async function drain(origin: string) {
  for (let i = 0; i < 600; i++) {
    const t = performance.now();
    try {
      await fetch(`${origin}/healthz`);
    } catch {
      /* busy or closing */
    }
    if (performance.now() - t < 50) return;
    await sleep(200);
  }
}

/**
 * The report command, timed end to end on the first commune's unit report (its draft: a unit, area or yearly report is
 * issued in the app by the unit's head, decision 0017, so the command renders it and archives nothing); and an
 * archived PDF for the download page: the record document of the first commune's first internal audit, made by the
 * same command once (kept while its file is on disk).
 */
const PDF_PERIOD = "2026-09";
function ensureReport(dataDir: string): { id: number; seconds: number } {
  const file = path.join(dataDir, "iso-xa.db");
  const cli = (args: string[]) => {
    const out = spawnSync(process.execPath, ["bin/isoxa.mjs", "report", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, SEED: "off" },
      encoding: "utf8",
    });
    if (out.status !== 0) throw new Error(`npm run report -- ${args.join(" ")} failed: ${out.stderr}`);
  };
  const t = performance.now();
  cli(["--unit", "DT-LAIVUNG", "--kind", "unit", "--period", PDF_PERIOD, "--out", path.join(dataDir, "bench-report.pdf")]);
  const seconds = (performance.now() - t) / 1000;
  const read = <T>(q: string): T | undefined => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(q).get() as T | undefined;
    } finally {
      db.close();
    }
  };
  const audit = read<{ id: number }>("SELECT a.id FROM audits a JOIN units u ON u.id = a.unit_id WHERE u.code = 'DT-LAIVUNG' ORDER BY a.id LIMIT 1");
  if (!audit) throw new Error("the first commune has no audit to make a record document of");
  const find = () => {
    const r = read<{ id: number; file: string }>(
      `SELECT id, file FROM reports WHERE kind = 'audit' AND subject_id = ${audit.id} AND status = 'done' ORDER BY id DESC LIMIT 1`,
    );
    return r && fs.existsSync(path.join(dataDir, "reports", r.file)) ? r : undefined;
  };
  if (!find()) cli(["--kind", "audit", "--subject", String(audit.id), "--out", path.join(dataDir, "bench-audit.pdf")]);
  const made = find();
  if (!made) throw new Error("the audit's record document left no report row with its file");
  return { id: made.id, seconds };
}

/**
 * Before a data set, wait (at most 3 minutes) for the 1-minute load average to fall to BUSY_LOAD: the set before it
 * leaves the machine busy for a while after it ends, and without the wait the second set of every run was marked not
 * comparable by the bench's own load. Work by others that lasts is still reported as busy.
 */
async function waitForQuiet(scale: Scale) {
  const until = performance.now() + 180_000;
  if (loadAvg()[0]! > BUSY_LOAD) log(`${scale}: load average ${loadAvg()[0]} above ${BUSY_LOAD}: waiting for it to settle (at most 3 min)`);
  while (loadAvg()[0]! > BUSY_LOAD && performance.now() < until) await sleep(5000);
}

async function benchScale(scale: Scale): Promise<ScaleResult> {
  await waitForQuiet(scale);
  const loadStart = loadAvg();
  const comparable = loadStart[0]! <= BUSY_LOAD;
  log(`${scale}: load average ${loadStart.join(" / ")} at the start${comparable ? "" : ` (above ${BUSY_LOAD}: this data set is marked not comparable)`}`);
  const dataDir = benchDataDir(scale);
  const dbFile = path.join(dataDir, "iso-xa.db");
  let generated: Awaited<ReturnType<typeof generate>> | undefined;
  if (values.regen || !fs.existsSync(dbFile)) {
    log(`${scale}: generating data`);
    generated = await generate(scale, { log });
    log(`${scale}: generated in ${generated.seconds.toFixed(1)} s`);
  }
  const counts: Record<string, number> = {};
  {
    const db = new Database(dbFile, { readonly: true });
    for (const t of [
      "units",
      "users",
      "findings",
      "corrective_actions",
      "documents",
      "document_revisions",
      "audits",
      "audit_checklist_items",
      "service_figures",
      "trail",
    ]) {
      counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    db.close();
  }
  const report = ensureReport(dataDir);
  const communeId = (() => {
    const db = new Database(dbFile, { readonly: true });
    const r = db.prepare("SELECT id FROM units WHERE code = 'DT-LAIVUNG'").get() as { id: number };
    db.close();
    return r.id;
  })();
  const pages: Record<string, string> = {
    dashboard: "/",
    commune: `/compliance/${communeId}`,
    corrective_actions: "/corrective-actions",
    reports: "/reports",
    pdf: `/reports/${report.id}/pdf`,
  };
  // The public pages (issue 20): anonymous, as a citizen or another site reads them; no bare reference. The rate
  // limit per address is off (every request comes from here): the pages are measured, not the limit.
  const publicPages: Record<string, string> = {
    public_page: "/cong-khai/DT-LAIVUNG",
    public_json: "/cong-khai/DT-LAIVUNG/du-lieu.json",
    public_index: "/cong-khai?tinh=P01",
  };

  // The app, then the bare server: never both under load at once.
  // The app exactly as `npm start` runs it (compiled, its V8 flags); the bare reference server from TypeScript.
  const { child: app } = await startServer(startArgs(), APP_PORT, serverEnv(dataDir, APP_PORT, { PUBLIC_RATE_PER_MIN: "0" }));
  const appBase = `http://127.0.0.1:${APP_PORT}`;
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(app.pid!))), 200);
  const appFig: Record<string, Figure> = {};
  let floor: Figure, healthz: Figure, rssIdle: number;
  let nationalView: NationalView | null = null;
  try {
    const cookie = await signIn(appBase, USER);
    rssIdle = rssMb(app.pid!);
    floor = await load(`${appBase}/reports/verify`, cookie, duration);
    log(`${scale}: floor /reports/verify ${floor.rps} rps, p95 ${floor.p95_ms} ms`);
    healthz = await load(`${appBase}/healthz`, undefined, duration);
    for (const [name, p] of Object.entries(pages)) {
      appFig[name] = await load(appBase + p, cookie, duration);
      log(`${scale}: ${name} ${p} ${appFig[name]!.rps} rps, p95 ${appFig[name]!.p95_ms} ms${appFig[name]!.non2xx ? `, ${appFig[name]!.non2xx} non-2xx!` : ""}`);
    }
    for (const [name, p] of Object.entries(publicPages)) {
      appFig[name] = await load(appBase + p, undefined, duration);
      log(
        `${scale}: ${name} ${p} (anonymous) ${appFig[name]!.rps} rps, p95 ${appFig[name]!.p95_ms} ms${appFig[name]!.non2xx ? `, ${appFig[name]!.non2xx} non-2xx!` : ""}`,
      );
    }
    // The national view: the ministry's inspector, if the data set has one (generated since issue 19).
    const hasNational = (() => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return !!db.prepare("SELECT 1 FROM users WHERE username = ?").get(NATIONAL_USER);
      } finally {
        db.close();
      }
    })();
    if (hasNational) {
      const nationalCookie = await signIn(appBase, NATIONAL_USER);
      const nv: NationalView["pages"] = {};
      for (const [name, p] of Object.entries({ dashboard: "/", compliance: "/compliance" })) {
        const one = await load(appBase + p, nationalCookie, duration, 1);
        const many = await load(appBase + p, nationalCookie, duration);
        nv[name] = { one, many, floor_ratio: Math.round((many.rps / floor.rps) * 1000) / 1000 };
        log(
          `${scale}: national view ${name} ${p}: 1 connection p50 ${one.p50_ms} ms; ${connections} connections ${many.rps} rps (${nv[name]!.floor_ratio} of the floor)`,
        );
      }
      nationalView = { user: NATIONAL_USER, units: counts.units!, pages: nv };
    }
  } finally {
    clearInterval(sampler);
    await stopServer(app, 5000);
  }

  // The same server with two web workers (node:cluster), the same pages, right after: 1 against 2 in one run.
  const WORKERS = 2;
  const { child: app2 } = await startServer(
    startArgs(),
    APP_PORT,
    serverEnv(dataDir, APP_PORT, { PUBLIC_RATE_PER_MIN: "0", WEB_CONCURRENCY: String(WORKERS) }),
  );
  let rss2 = 0;
  const sampler2 = setInterval(() => (rss2 = Math.max(rss2, treeRssMb(app2.pid!))), 200);
  let floor2: Figure, commune2: Figure;
  try {
    const cookie = await signIn(appBase, USER);
    floor2 = await load(`${appBase}/reports/verify`, cookie, duration);
    commune2 = await load(appBase + pages.commune, cookie, duration);
    log(`${scale}: ${WORKERS} workers: floor ${floor2.rps} rps (1 worker: ${floor.rps}), commune ${commune2.rps} rps (1 worker: ${appFig.commune!.rps})`);
  } finally {
    clearInterval(sampler2);
    await stopServer(app2, 10_000);
  }

  // The framework's own floor: a minimal Remix 2 app on the same data, with the same node flags.
  const { child: remixMin } = await startServer(
    [...startArgs().slice(0, -1), "bench/remix-min/server.mjs"],
    REMIX_MIN_PORT,
    serverEnv(dataDir, REMIX_MIN_PORT),
  );
  let remixFloor: Figure;
  try {
    remixFloor = await load(`http://127.0.0.1:${REMIX_MIN_PORT}/`, undefined, duration);
    log(`${scale}: minimal Remix app ${remixFloor.rps} rps, p95 ${remixFloor.p95_ms} ms (our floor ${floor.rps} rps)`);
  } finally {
    await stopServer(remixMin, 5000);
  }

  const { child: bare } = await startServer(["--import", "tsx", "bench/bare-server.ts"], BARE_PORT, serverEnv(dataDir, BARE_PORT, { BARE_USER: USER }));
  const bareBase = `http://127.0.0.1:${BARE_PORT}`;
  const bareFig: Record<string, Figure> = {};
  let bareHealthz: Figure;
  try {
    bareHealthz = await load(`${bareBase}/healthz`, undefined, duration);
    for (const [name, p] of Object.entries(pages)) {
      bareFig[name] = await load(bareBase + p, undefined, duration);
      log(`${scale}: bare ${name} ${bareFig[name]!.rps} rps, p95 ${bareFig[name]!.p95_ms} ms`);
    }
  } finally {
    await stopServer(bare, 5000);
  }

  // The report benchmark: its own server with the scheduler on, never beside the pages' load.
  const reports = await benchReports(scale, { log, duration });

  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);
  const out: Record<string, PageFigure> = {};
  for (const name of [...Object.keys(pages), ...Object.keys(publicPages)]) {
    const a = appFig[name]!;
    const b = bareFig[name] ?? null;
    out[name] = { ...a, floor_ratio: ratio(a.rps, floor.rps), bare_ratio: b ? ratio(a.rps, b.rps) : null, bare: b };
  }
  const loadEnd = loadAvg();
  log(`${scale}: load average ${loadEnd.join(" / ")} at the end`);
  return {
    scale,
    load_avg_start: loadStart,
    load_avg_end: loadEnd,
    comparable,
    data: {
      file: path.relative(process.cwd(), dbFile),
      size_mb: Math.round(fs.statSync(dbFile).size / 1048576),
      generated_s: generated ? Math.round(generated.seconds * 10) / 10 : null,
      counts,
    },
    report_generation_s: Math.round(report.seconds * 10) / 10,
    pages: out,
    floor,
    remix_min: remixFloor,
    shell_ratio: ratio(floor.rps, remixFloor.rps),
    healthz,
    bare_healthz: bareHealthz,
    rss_mb: rss,
    rss_idle_mb: rssIdle,
    workers: {
      concurrency: WORKERS,
      floor: floor2,
      commune: commune2,
      workers_ratio: ratio(floor2.rps, floor.rps),
      commune_workers_ratio: ratio(commune2.rps, appFig.commune!.rps),
      rss_mb: rss2,
    },
    national_view: nationalView,
    reports,
  };
}

// ---------------------------------------------------------------------------------------------------------------
const sqliteVersion = (() => {
  const db = new Database(":memory:");
  const v = (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  db.close();
  return v;
})();
const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memory_gb: Math.round(os.totalmem() / 1073741824),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  sqlite: sqliteVersion,
};
const loadAvg = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
const started = performance.now();
if (!values["no-build"]) {
  log("building (npm run build)");
  const b = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (b.status !== 0) throw new Error("build failed");
}
if (!values["no-build"] || !fs.existsSync("bench/remix-min/build/server/index.js")) {
  log("building the minimal Remix app (bench/remix-min)");
  const b = spawnSync("npx", ["remix", "vite:build", "--config", "bench/remix-min/vite.config.ts"], { stdio: ["ignore", "ignore", "inherit"] });
  if (b.status !== 0) throw new Error("minimal Remix app build failed");
}
const results: ScaleResult[] = [];
for (const s of scales) {
  results.push(await benchScale(s));
  writeOut(results); // after each data set, so that an interrupted full run keeps what it measured
}
console.log(fs.readFileSync(path.resolve(`bench/RESULTS${suffix}.md`), "utf8"));
log(`done in ${Math.round((performance.now() - started) / 1000)} s`);

function writeOut(results: ScaleResult[]) {
  const main = results[results.length - 1]!;
  const province = results.find((r) => r.scale === "province");
  const national = results.find((r) => r.scale === "national");
  // Growth is a comparison of throughput-bound figures across two data sets: only between two quiet runs.
  if (province && national && province.comparable && national.comparable) {
    for (const [name, p] of Object.entries(national.pages)) {
      const before = province.pages[name];
      p.growth_ratio = before && before.p95_ms > 0 && p.requests > 0 ? Math.round((p.p95_ms / before.p95_ms) * 100) / 100 : null;
    }
  }
  const json = {
    date: new Date().toISOString(),
    machine: { ...machine, load_avg_at_end: loadAvg() },
    busy_load_threshold: BUSY_LOAD,
    comparable: results.every((r) => r.comparable),
    connections,
    duration_s: duration,
    user: USER,
    scale: main.scale,
    // The figures the issue names, for the largest data set of this run.
    pages: Object.fromEntries(
      Object.entries(main.pages).map(([k, p]) => [
        k,
        {
          path: p.path,
          rps: p.rps,
          p50_ms: p.p50_ms,
          p95_ms: p.p95_ms,
          p99_ms: p.p99_ms,
          floor_ratio: p.floor_ratio,
          bare_ratio: p.bare_ratio,
          growth_ratio: p.growth_ratio ?? null,
        },
      ]),
    ),
    rss_mb: main.rss_mb,
    shell_ratio: main.shell_ratio,
    workers_ratio: main.workers.workers_ratio,
    national_view: main.national_view,
    report_ratio: main.reports.report_ratio,
    all_reports_s: main.reports.all_reports_s,
    p95_during_reports_ratio: main.reports.p95_during_reports_ratio,
    scales: results,
    total_s: Math.round((performance.now() - started) / 1000),
  };
  fs.writeFileSync(path.resolve(`bench/results${suffix}.json`), JSON.stringify(json, null, 2) + "\n");
  fs.writeFileSync(path.resolve(`bench/RESULTS${suffix}.md`), markdown(json.date, results));
}

function markdown(date: string, rs: ScaleResult[]): string {
  const ok = (b: boolean) => (b ? "✅" : "❌");
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(
    `Generated by \`bench/run.ts\` on ${date}. ${connections} connections, ${duration} s per page (after a 1 s warm-up), signed in as \`${USER}\` (the first province's inspector); the \`public_*\` pages anonymously, as anyone reads them (no bare reference).`,
    "",
  );
  lines.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, ${machine.os}, Node ${machine.node}, SQLite ${machine.sqlite}; load average at the end ${loadAvg().join(" / ")}.`,
    "",
  );
  lines.push(
    "The load generator runs on the same machine as the server (it takes part of the 2 cores): absolute figures are pessimistic, the ratios are the point.",
    "",
  );
  lines.push(
    `Honest runs (issue 19): the load average is recorded before and after each data set; a data set that starts with a 1-minute load average above ${BUSY_LOAD} is marked \`comparable: false\`, and \`growth_ratio\` (national ÷ province p95) is computed only when both data sets are comparable.`,
    "",
  );
  for (const r of rs) {
    lines.push(`## ${r.scale} data set`, "");
    lines.push(
      `Load average (1 / 5 / 15 min) ${r.load_avg_start.join(" / ")} at the start, ${r.load_avg_end.join(" / ")} at the end: ${r.comparable ? "a quiet machine, comparable." : `**not comparable** (above ${BUSY_LOAD} at the start: the machine was busy with other work; its throughput and latency figures are not comparable with another run's, only the ratios within this data set are; no growth_ratio is computed from it).`}`,
      "",
    );
    const c = r.data.counts;
    lines.push(
      `${c.units} units, ${c.findings} findings, ${c.corrective_actions} corrective actions, ${c.document_revisions} document revisions, ${c.audit_checklist_items} checklist items, ${c.service_figures} service figure rows, ${c.trail} trail rows; ${r.data.size_mb} MB${r.data.generated_s !== null ? `, generated in ${r.data.generated_s} s` : ""}.`,
      "",
    );
    lines.push("| page | path | rps | p50 ms | p95 ms | p99 ms | floor_ratio (≥ 0.7) | bare rps | bare_ratio | growth_ratio (≤ 1.5) | p95 < 250 ms |");
    lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const [name, p] of Object.entries(r.pages)) {
      if (!p.requests) {
        lines.push(
          `| ${name} | \`${p.path}\` | 0: no response completed within the ${duration} s window | | | | ❌ | ${p.bare?.requests ? p.bare.rps : "0"} | | | ❌ |`,
        );
        continue;
      }
      const g = p.growth_ratio;
      lines.push(
        `| ${name} | \`${p.path}\` | ${p.rps} | ${p.p50_ms} | ${p.p95_ms} | ${p.p99_ms} | ${p.floor_ratio} ${ok(p.floor_ratio >= 0.7)} | ${p.bare?.rps ?? "–"} | ${p.bare_ratio ?? "–"} | ${g === undefined || g === null ? "–" : `${g} ${ok(g <= 1.5)}`} | ${ok(p.p95_ms < 250)}${p.non2xx ? ` (${p.non2xx} non-2xx)` : ""} |`,
      );
    }
    lines.push(`| framework floor | \`${r.floor.path}\` | ${r.floor.rps} | ${r.floor.p50_ms} | ${r.floor.p95_ms} | ${r.floor.p99_ms} | 1 | | | | |`);
    lines.push(
      `| minimal Remix 2 app | \`/\` (bench/remix-min) | ${r.remix_min.rps} | ${r.remix_min.p50_ms} | ${r.remix_min.p95_ms} | ${r.remix_min.p99_ms} | shell_ratio ${r.shell_ratio} ${ok(r.shell_ratio >= 0.8)} | | | | |`,
    );
    lines.push(
      `| app /healthz | \`/healthz\` | ${r.healthz.rps} | ${r.healthz.p50_ms} | ${r.healthz.p95_ms} | ${r.healthz.p99_ms} | | ${r.bare_healthz.rps} | | | |`,
    );
    lines.push("");
    const w = r.workers;
    lines.push(
      `Web workers (WEB_CONCURRENCY=${w.concurrency} against 1, same run): floor ${w.floor.rps} rps against ${r.floor.rps} (**workers_ratio ${w.workers_ratio}**), commune page ${w.commune.rps} against ${r.pages.commune?.rps} (${w.commune_workers_ratio}); p95 ${w.floor.p95_ms} / ${w.commune.p95_ms} ms; primary and workers together ${w.rss_mb} MB peak. The load generator shares the machine's ${machine.cores} cores with the workers, so the ratio stays below the number of workers.`,
      "",
    );
    if (r.national_view) {
      const nv = r.national_view;
      lines.push(
        `National view (\`${nv.user}\`, the ministry's inspector: ${nv.units} units): ${Object.entries(nv.pages)
          .map(
            ([name, p]) =>
              `${name} \`${p.one.path}\` p50 ${p.one.p50_ms} ms at 1 connection ${ok(p.one.p50_ms < 300)} (< 300 ms), ${p.many.rps} rps at ${connections} connections = ${p.floor_ratio} of the floor ${ok(p.floor_ratio >= 0.5)} (≥ 0.5)`,
          )
          .join("; ")}.`,
        "",
      );
    }
    lines.push(
      `Server RSS: ${r.rss_idle_mb} MB idle after sign-in, ${r.rss_mb} MB peak under load ${ok(r.rss_mb < 250)} (target < 250 MB).${r.report_generation_s !== null ? ` \`npm run report\` of the first commune's unit report (its draft) took ${r.report_generation_s} s end to end (process start included).` : ""}`,
      "",
    );
  }
  lines.push(...reportsMarkdown(rs));
  return lines.join("\n");
}

function reportsMarkdown(rs: ScaleResult[]): string[] {
  const ok = (b: boolean) => (b ? "✅" : "❌");
  const lines = ["## Reports (`bench/reports.ts`)", ""];
  lines.push(
    "| data set | unit report end to end ms | in-memory pdfkit ms | report_ratio (≤ 1.5) | reports | all_reports_s (< 300) | peak RSS MB | commune p95 idle ms | p95 during run ms | p95_during_reports_ratio (≤ 2) |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { scale, reports: b } of rs) {
    const d = b.during;
    lines.push(
      `| ${scale} | ${b.unit_report_ms ?? "–"} | ${b.in_memory_render_ms ?? "–"} | ${b.report_ratio === null ? "–" : `${b.report_ratio} ${ok(b.report_ratio <= 1.5)}`} | ${b.all_reports?.reports ?? "–"} | ${b.all_reports_s === null ? "–" : `${b.all_reports_s} ${ok(b.all_reports_s < 300)}`} | ${b.all_reports?.peak_rss_mb ?? "–"} | ${d ? `${d.idle.p95_ms} (${d.idle.requests} req)` : "–"} | ${d ? `${d.during.p95_ms} (${d.during.requests} req)` : "–"} | ${b.p95_during_reports_ratio === null ? "–" : `${b.p95_during_reports_ratio} ${ok(b.p95_during_reports_ratio <= 2)}`} |`,
    );
  }
  lines.push("");
  const d = rs.find((r) => r.reports.during)?.reports.during;
  lines.push(
    `How: the unit report is one commune's monthly report (\`DT-LAIVUNG\`, ${rs[0]?.reports.period}) produced through \`produceScheduled\` (claim, gather, render in the worker thread, store file and row), against \`renderReport\` drawing the same data object in the same process: 5 warm-up runs of each, then ${rs[0]?.reports.unit_runs} runs of each interleaved, medians. The monthly run is \`runJob\` → \`runScheduledReports\` for every unit and area summary, started as \`npm run job -- reports-monthly <month>\` starts it (the compiled command with package.json's V8 flags; until issue 19 a tsx child), after deleting that month's scheduled rows, files and job claim; peak RSS is that process's high-water mark (main thread and render worker). p95 during the run: ${d ? `${d.configuration}; \`${d.idle.path}\` as \`kiemtra.tinh\`, ${d.idle.connections} connections, ${d.idle.duration_s} s each, the measuring window inside the run for ${d.overlap_s} s; server peak RSS ${d.server_peak_rss_mb} MB; the in-server run took ${d.run_wall_s} s` : "not measured"}.`,
    "",
  );
  return lines;
}
