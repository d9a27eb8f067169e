// The report benchmark (issue 8 item 4). `benchReports(scale)` is called by bench/run.ts per data set; on its own:
//   npx tsx bench/reports.ts --scale province [--only unit,all,during] [--connections 10] [--duration 10]
//
// Three figures:
// - report_ratio: one commune's monthly unit report produced end to end through the scheduler's code path
//   (renderAndStore, the report queue's path: gather from the database, render in the render worker, store the
//   file and the row), divided by pdfkit drawing the same data object in this process; both warmed up, then interleaved.
// - all_reports_s: the scheduled monthly run for every unit plus the area summaries, through the runner
//   (runJob → runScheduledReports), as `npm run job -- reports-monthly <period>` runs it (the compiled command, a
//   process of its own: the run's time and that process's peak RSS), from "not yet produced" (the period's
//   scheduled rows, files and job claim are deleted first). Until issue 19 the child ran this file through tsx.
// - p95_during_reports_ratio: the production server started with the scheduler ON (the default deployment) on a
//   database whose last month has not been produced, so its start-up catch-up produces the month in-process; p95
//   of the commune page while that run goes, divided by the p95 of the same server once the run has finished
//   (same connection count, same duration).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { openDataFolder } from "~/modules/data-folder.server";
import type { DB } from "#db/client";
import { jobRuns, reports, units } from "#db/schema";
import { percentile, rssMb, serverEnv, signIn, sleep, startArgs, startServer, stopServer } from "./server-control";
import { JOBS } from "#jobs/schedule";
import { renderReport } from "#templates/render";
import type { ReportData } from "#templates/types";
import { makeCtx } from "~/modules/context.server";
import { periodReportData } from "~/modules/reports/data.server";
import { reportsBaseUrl } from "~/modules/reports/deps.server";
import { renderAndStore } from "~/modules/reports/produce.server";
import { newVerifyCode } from "~/modules/reports/request.server";
import { parsePeriod } from "~/modules/reports/periods";
import { renderPdf, stopRenderWorker } from "~/modules/reports/render.server";
import { now } from "~/lib/clock.server";
import { readConfig, type Config } from "~/lib/config.server";
import { benchDataDir, type Scale } from "./generate";

const JOB = "reports-monthly";
const WARM_UP_RUNS = 5;
const PERIOD = "2026-10"; // the month before the benchmark's date (2026-11): what a run on 1 December… produces
const UNIT_CODE = "DT-LAIVUNG";
const USER = "kiemtra.tinh";
const PORT = Number(process.env.BENCH_REPORTS_PORT ?? 3951);

export type LatencyFigure = {
  path: string;
  connections: number;
  duration_s: number;
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
};
export type ReportBench = {
  period: string;
  /** Median end-to-end time of one unit report (produceScheduled, render worker on as in the scheduler). */
  unit_report_ms: number | null;
  /** Median time of pdfkit drawing the same data object in this process (renderReport). */
  in_memory_render_ms: number | null;
  /** Median time of gathering that report's data from the database (periodReportData), for the breakdown. */
  gather_ms: number | null;
  unit_runs: number;
  report_ratio: number | null;
  /** The monthly run of every unit and area, in a process of its own. */
  all_reports: { reports: number; produced: number; skipped: number; failed: number; wall_s: number; peak_rss_mb: number } | null;
  all_reports_s: number | null;
  /** The production server with its scheduler on, catching the month up in-process. */
  during: {
    configuration: string;
    idle: LatencyFigure;
    during: LatencyFigure;
    /** Seconds of the measuring window that fell inside the run (the window must not outlast it). */
    overlap_s: number;
    run_wall_s: number | null;
    run_reports: number | null;
    server_peak_rss_mb: number;
  } | null;
  p95_during_reports_ratio: number | null;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};
const r1 = (n: number) => Math.round(n * 10) / 10;
const r3 = (n: number) => Math.round(n * 1000) / 1000;

function configFor(dataDir: string): Config {
  return readConfig({ ...process.env, DATA_DIR: dataDir, SEED: "off" });
}

/**
 * Make the period "not yet produced": its scheduled report rows and their files, and the job's claim on it.
 * The trail keeps its rows (it is append-only and chained); the report rows it names are bench leftovers.
 */
export function resetPeriod(dbFile: string, reportsDir: string, periodKey: string, only?: { kind: string; unitId: number }) {
  const db = new Database(dbFile);
  try {
    db.pragma("busy_timeout = 5000");
    const where = `trigger = 'schedule' AND period_key = ?${only ? " AND kind = ? AND unit_id = ?" : ""}`;
    const args = only ? [periodKey, only.kind, only.unitId] : [periodKey];
    const files = db.prepare(`SELECT file FROM reports WHERE ${where} AND file IS NOT NULL`).all(...args) as { file: string }[];
    for (const f of files) fs.rmSync(path.join(reportsDir, f.file), { force: true });
    db.prepare(`DELETE FROM reports WHERE ${where}`).run(...args);
    if (!only) {
      db.prepare("DELETE FROM job_runs WHERE period_key = ? AND job LIKE 'reports-%'").run(periodKey);
      // The scheduler makes drafts (decision 0016): the run starts from none for the period.
      db.prepare(
        "DELETE FROM notifications WHERE dedupe_key IN (SELECT 'report_issue:' || id || ':draft' FROM report_issues WHERE period_key = ? AND status = 'draft')",
      ).run(periodKey);
      db.prepare("DELETE FROM report_issues WHERE period_key = ? AND status = 'draft'").run(periodKey);
    }
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 1. One unit report, end to end against the in-memory render

export async function unitReportRatio(
  dataDir: string,
  runs = 11,
): Promise<Pick<ReportBench, "unit_report_ms" | "in_memory_render_ms" | "gather_ms" | "unit_runs" | "report_ratio">> {
  const config = configFor(dataDir);
  const db = await openDataFolder(config, now, "bench");
  try {
    const unit = db.select().from(units).where(eq(units.code, UNIT_CODE)).get();
    if (!unit) throw new Error(`no unit ${UNIT_CODE}`);
    const period = parsePeriod(PERIOD)!;
    let captured: ReportData | undefined;
    const deps = {
      reportsDir: config.reportsDir,
      baseUrl: reportsBaseUrl(),
      // The scheduler's render (the worker thread), seen on the way: the same data object is drawn in memory below.
      render: (data: ReportData) => {
        captured = data;
        return renderPdf(data);
      },
    };
    // The scheduler makes drafts only (decision 0016): a unit report's file is made by the report queue's code path
    // (renderAndStore: gather, render in the worker thread, store the file and the row), timed from its claimed row.
    const produce = async () => {
      const at = new Date();
      const row = db
        .insert(reports)
        .values({
          kind: "unit",
          unitId: unit.id,
          periodKey: period.key,
          status: "running",
          trigger: "manual",
          jobName: JOB,
          verifyCode: newVerifyCode(),
          attempts: 1,
          createdAt: at.getTime(),
          startedAt: at.getTime(),
        })
        .returning()
        .get();
      const t = performance.now();
      const done = await renderAndStore(db, row, deps, { kind: "job", name: JOB }, at);
      const ms = performance.now() - t;
      if (done.status !== "done") throw new Error(`unit report ${done.status}: ${done.error}`);
      if (done.file) fs.rmSync(path.join(config.reportsDir, done.file), { force: true });
      return ms;
    };
    const draw = async () => {
      const t = performance.now();
      await renderReport(captured!);
      return performance.now() - t;
    };
    const collect = () => {
      const t = performance.now();
      const at = new Date();
      periodReportData(makeCtx(db, { kind: "job", name: JOB }, at), "unit", unit, period, {
        verifyCode: captured!.meta.verification.code,
        baseUrl: deps.baseUrl,
        now: at,
      });
      return performance.now() - t;
    };
    // Both sides equally warm (the worker's and the main thread's JIT, the page cache): a few runs of each first,
    // then the measured runs interleaved, so that a busy moment of the machine falls on both alike.
    for (let i = 0; i < WARM_UP_RUNS; i++) {
      await produce();
      await draw();
      collect();
    }
    const e2e: number[] = [];
    const inMemory: number[] = [];
    const gather: number[] = [];
    for (let i = 0; i < runs; i++) {
      e2e.push(await produce());
      inMemory.push(await draw());
      gather.push(collect());
    }
    const unitMs = median(e2e);
    const memMs = median(inMemory);
    return { unit_report_ms: r1(unitMs), in_memory_render_ms: r1(memMs), gather_ms: r1(median(gather)), unit_runs: runs, report_ratio: r3(unitMs / memMs) };
  } finally {
    await stopRenderWorker();
    db.$client.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The whole monthly run, in a process of its own (child mode of this file)

/**
 * The monthly run as an operator starts it: `npm run job -- reports-monthly <period>` (package.json's job script:
 * the compiled command with its V8 flags; `npm run build` has run), in a process of its own. Its peak RSS is the
 * process's high-water mark (VmHWM, main thread and render worker together), sampled until it exits.
 */
export async function allReportsRun(dataDir: string, log: (s: string) => void): Promise<NonNullable<ReportBench["all_reports"]>> {
  const config = configFor(dataDir);
  resetPeriod(config.dbFile, config.reportsDir, PERIOD);
  const script = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { job: string } }).scripts.job.trim().split(/\s+/);
  if (script[0] !== "node") throw new Error(`unexpected job script: ${script.join(" ")}`);
  const t = performance.now();
  const child = spawn(process.execPath, [...script.slice(1), JOB, PERIOD], {
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, SEED: "off", REPORTS_WORKER: "on" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err = (err + d).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!, "VmHWM"))), 100);
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  clearInterval(sampler);
  const wall = (performance.now() - t) / 1000;
  const json = out.slice(out.indexOf("\n{") + 1);
  if (code !== 0 || !json.startsWith("{")) throw new Error(`monthly run failed (${code}): ${err}${out.slice(-2000)}`);
  const res = JSON.parse(json) as { status: string; output?: { targets: number; produced: number; skipped: number; failed: number; ms: number } };
  if (res.status !== "succeeded" || !res.output) throw new Error(`monthly run ${res.status}: ${json}`);
  const o = res.output;
  log(`reports: monthly run ${o.produced}/${o.targets} in ${(o.ms / 1000).toFixed(1)} s (process ${wall.toFixed(1)} s), peak RSS ${peak} MB`);
  return { reports: o.targets, produced: o.produced, skipped: o.skipped, failed: o.failed, wall_s: r1(o.ms / 1000), peak_rss_mb: peak };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The web server's p95 while its own scheduler produces the month

async function latency(url: string, cookie: string, connections: number, seconds: number, warm = true): Promise<LatencyFigure> {
  const headers = { "accept-encoding": "gzip", cookie };
  if (warm) await autocannon({ url, connections: Math.min(connections, 4), duration: 1, headers });
  const times: number[] = [];
  const inst = autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  inst.on("response", (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
  const res = await inst;
  times.sort((a, b) => a - b);
  return {
    path: new URL(url).pathname,
    connections,
    duration_s: seconds,
    requests: times.length,
    rps: r1(times.length / res.duration),
    p50_ms: r1(percentile(times, 50)),
    p95_ms: r1(percentile(times, 95)),
    p99_ms: r1(percentile(times, 99)),
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
  };
}

/** Every other due period of every job marked done, so that the start-up catch-up has exactly the month to do. */
function onlyTheMonthIsDue(db: DB, now: Date) {
  for (const job of JOBS) {
    for (const periodKey of job.duePeriods(now)) {
      if (job.name === JOB && periodKey === PERIOD) continue;
      db.insert(jobRuns)
        .values({
          job: job.name,
          periodKey,
          status: "succeeded",
          trigger: "manual",
          owner: "bench",
          startedAt: now.getTime(),
          heartbeatAt: now.getTime(),
          finishedAt: now.getTime(),
          output: JSON.stringify({ bench: "marked done so that only the monthly reports run" }),
        })
        .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.periodKey], set: { status: "succeeded" } })
        .run();
    }
  }
}

type RunRow = { status: string; started_at: number; finished_at: number | null; output: string | null };
function monthRun(dbFile: string): RunRow | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare("SELECT status, started_at, finished_at, output FROM job_runs WHERE job = ? AND period_key = ?").get(JOB, PERIOD) as RunRow | undefined;
  } finally {
    db.close();
  }
}

export async function p95DuringReports(
  dataDir: string,
  log: (s: string) => void,
  connections: number,
  seconds: number,
): Promise<NonNullable<ReportBench["during"]>> {
  const config = configFor(dataDir);
  resetPeriod(config.dbFile, config.reportsDir, PERIOD);
  {
    const db = await openDataFolder(config, now, "bench");
    onlyTheMonthIsDue(db, new Date());
    db.$client.close();
  }
  const communeId = (() => {
    const db = new Database(config.dbFile, { readonly: true });
    const r = db.prepare("SELECT id FROM units WHERE code = ?").get(UNIT_CODE) as { id: number };
    db.close();
    return r.id;
  })();
  // The server as deployed (npm start, scheduler on): the compiled build, so `npm run build` must have run.
  const { child } = await startServer(startArgs(), PORT, serverEnv(dataDir, PORT, { SCHEDULER: "on" }));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 200);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const url = `${base}/compliance/${communeId}`;
    const cookie = await signIn(base, USER);
    // The catch-up started with the server: measure while it runs (no separate warm-up: it would eat the run).
    await latency(url, cookie, 1, 1, false);
    const t0 = Date.now();
    const during = await latency(url, cookie, connections, seconds, false);
    const t1 = Date.now();
    let run = monthRun(config.dbFile);
    if (!run) throw new Error("the scheduler did not start the monthly run");
    const overlap = Math.max(0, Math.min(t1, run.finished_at ?? t1) - Math.max(t0, run.started_at)) / 1000;
    log(`reports: during the run ${during.requests} requests, p95 ${during.p95_ms} ms (window inside the run: ${overlap.toFixed(1)} of ${seconds} s)`);
    for (let i = 0; run.status === "running" && i < 3600; i++) {
      await sleep(1000);
      run = monthRun(config.dbFile)!;
    }
    if (run.status !== "succeeded") throw new Error(`the in-server monthly run ended ${run.status}`);
    const out = run.output ? (JSON.parse(run.output) as { targets: number; ms: number }) : null;
    await sleep(2000);
    const idle = await latency(url, cookie, connections, seconds, true);
    log(`reports: idle p95 ${idle.p95_ms} ms (${idle.requests} requests); in-server run ${out ? (out.ms / 1000).toFixed(1) : "?"} s`);
    return {
      configuration:
        "production server (NODE_ENV=production, server.ts) with SCHEDULER on: the start-up catch-up produces the month in the web process (gathering on its event loop, pdfkit in its render worker thread); idle = the same server after the run",
      idle,
      during,
      overlap_s: r1(overlap),
      run_wall_s: out ? r1(out.ms / 1000) : null,
      run_reports: out?.targets ?? null,
      server_peak_rss_mb: peak,
    };
  } finally {
    clearInterval(sampler);
    await stopServer(child);
  }
}

// ---------------------------------------------------------------------------------------------------------------

export async function benchReports(
  scale: Scale,
  opts: { log?: (s: string) => void; connections?: number; duration?: number; only?: ("unit" | "all" | "during")[] } = {},
): Promise<ReportBench> {
  const log = opts.log ?? ((s: string) => console.log(`[bench] ${s}`));
  const only = new Set(opts.only ?? ["unit", "all", "during"]);
  const dataDir = benchDataDir(scale);
  const out: ReportBench = {
    period: PERIOD,
    unit_report_ms: null,
    in_memory_render_ms: null,
    gather_ms: null,
    unit_runs: 0,
    report_ratio: null,
    all_reports: null,
    all_reports_s: null,
    during: null,
    p95_during_reports_ratio: null,
  };
  if (only.has("unit")) {
    Object.assign(out, await unitReportRatio(dataDir));
    log(
      `${scale}: unit report ${out.unit_report_ms} ms end to end, ${out.in_memory_render_ms} ms in-memory pdfkit (gather ${out.gather_ms} ms): ratio ${out.report_ratio}`,
    );
  }
  if (only.has("all")) {
    out.all_reports = await allReportsRun(dataDir, (s) => log(`${scale}: ${s}`));
    out.all_reports_s = out.all_reports.wall_s;
  }
  if (only.has("during")) {
    out.during = await p95DuringReports(dataDir, (s) => log(`${scale}: ${s}`), opts.connections ?? 10, opts.duration ?? 10);
    out.p95_during_reports_ratio = out.during.idle.p95_ms > 0 ? Math.round((out.during.during.p95_ms / out.during.idle.p95_ms) * 100) / 100 : null;
    log(`${scale}: p95 during/idle ${out.p95_during_reports_ratio}`);
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "province" },
      only: { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
    },
  });
  const res = await benchReports(values.scale as Scale, {
    only: values.only?.split(",") as ("unit" | "all" | "during")[] | undefined,
    connections: values.connections ? Number(values.connections) : undefined,
    duration: values.duration ? Number(values.duration) : undefined,
  });
  console.log(JSON.stringify(res, null, 2));
  process.exit(0);
}
