import path from "node:path";
import { Worker } from "node:worker_threads";
import { renderReport } from "#templates/render";
import type { ReportData } from "#templates/types";
import { config } from "~/lib/config.server";

type Rendered = { bytes: Buffer; pages: number };
type Pending = { resolve: (r: Rendered) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Pool = { worker: Worker; pending: Map<number, Pending>; next: number };

const RENDER_TIMEOUT_MS = 120_000;
// why globalThis: the server bundle and server.ts (scheduler) load this module separately; one worker serves both.
const g = globalThis as unknown as { __isoXaReportWorker?: Pool };

/**
 * Rendering runs in a worker thread unless REPORTS_WORKER=off (the tests set it in vitest.config.ts: in-process,
 * blocking does not matter and starting a worker per test file would only cost time).
 */
export function workerEnabled(): boolean {
  return config().reportsWorker;
}

function pool(): Pool {
  if (g.__isoXaReportWorker) return g.__isoXaReportWorker;
  const worker = new Worker(path.join(config().appRoot, "jobs", "handlers", "reports-worker.mjs"));
  worker.unref(); // never keeps the process alive on its own
  const p: Pool = { worker, pending: new Map(), next: 1 };
  worker.on("message", (m: { id?: number; ok?: boolean; bytes?: Uint8Array; pages?: number; error?: string }) => {
    if (m.id === undefined) return;
    const job = p.pending.get(m.id);
    if (!job) return;
    p.pending.delete(m.id);
    clearTimeout(job.timer);
    if (m.ok && m.bytes) job.resolve({ bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), pages: m.pages ?? 0 });
    else job.reject(new Error(m.error ?? "render failed"));
  });
  const fail = (e: Error) => {
    for (const job of p.pending.values()) {
      clearTimeout(job.timer);
      job.reject(e);
    }
    p.pending.clear();
    if (g.__isoXaReportWorker === p) g.__isoXaReportWorker = undefined;
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`render worker exited (${code})`)));
  g.__isoXaReportWorker = p;
  return p;
}

export function renderInWorker(data: ReportData): Promise<Rendered> {
  const p = pool();
  const id = p.next++;
  return new Promise<Rendered>((resolve, reject) => {
    const timer = setTimeout(() => {
      p.pending.delete(id);
      reject(new Error("render timed out"));
    }, RENDER_TIMEOUT_MS);
    timer.unref();
    p.pending.set(id, { resolve, reject, timer });
    p.worker.postMessage({ id, data });
  });
}

export function renderPdf(data: ReportData): Promise<Rendered> {
  return workerEnabled() ? renderInWorker(data) : renderReport(data);
}

/** Stop the worker (tests, shutdown). */
export async function stopRenderWorker() {
  const p = g.__isoXaReportWorker;
  g.__isoXaReportWorker = undefined;
  if (p) await p.worker.terminate();
}
