import path from "node:path";
import { Worker } from "node:worker_threads";
import { config } from "~/lib/config.server";
import { TABULAR_LIMITS, TableReadError, type Row, type TabularLimits } from "./tabular-core";

export { TABULAR_LIMITS, TableReadError, type Row, type TabularLimits };

/**
 * Read the first sheet of an XLSX file, or a CSV file (UTF-8, with or without BOM; comma, semicolon or tab),
 * into header + rows of strings, each row with its line number in the file as a person would count it.
 * The format is decided from the content, not the file name.
 */
export type Table = { headers: string[]; rows: { line: number; cells: string[] }[] };

/**
 * Every row of the file (title rows included), as text, with its line number. The file is read in a worker thread
 * of its own (tabular-worker.mjs) under hard limits (TABULAR_LIMITS: size before and after inflating, rows, columns,
 * cells, characters, time, and the thread's heap), so that no file can stall the server or exhaust its memory.
 * One file is read at a time; a few more wait their turn, and beyond that the answer is "busy, try again".
 */
export async function readRows(bytes: Buffer, limits: Partial<TabularLimits> = {}): Promise<Row[]> {
  const l = { ...TABULAR_LIMITS, ...limits };
  if (bytes.length > l.maxBytes) throw new TableReadError("imports.errors.tooBig");
  const release = await turn();
  try {
    return await inWorker(bytes, l);
  } finally {
    release();
  }
}

/** The first non-empty row is the header; the rest are data rows (empty rows dropped). */
export async function readTable(bytes: Buffer, opts: { maxRows?: number } = {}): Promise<Table> {
  const maxRows = opts.maxRows ?? 20_000;
  const nonEmpty = (await readRows(bytes)).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [head, ...rows] = nonEmpty;
  if (!head) throw new TableReadError("imports.errors.empty");
  if (rows.length > maxRows) throw new TableReadError("imports.errors.tooManyRows");
  return { headers: head.cells.map((c) => c.trim()), rows: rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })) };
}

/** How many files may be read at once, and wait for their turn; the worker's heap limit (MB). */
const PARALLEL = 1;
const WAITING = 4;
const WAIT_MS = 30_000;
const WORKER_HEAP_MB = 320;

// why globalThis: the server bundle and server.ts load app modules separately; one queue serves both.
const g = globalThis as unknown as { __isoXaTabular?: { running: number; waiting: (() => void)[] } };

function turn(): Promise<() => void> {
  const q = (g.__isoXaTabular ??= { running: 0, waiting: [] });
  const release = () => {
    q.running--;
    q.waiting.shift()?.();
  };
  if (q.running < PARALLEL) {
    q.running++;
    return Promise.resolve(release);
  }
  if (q.waiting.length >= WAITING) return Promise.reject(new TableReadError("imports.errors.busy"));
  return new Promise((resolve, reject) => {
    const go = () => {
      clearTimeout(timer);
      q.running++;
      resolve(release);
    };
    const timer = setTimeout(() => {
      q.waiting.splice(q.waiting.indexOf(go), 1);
      reject(new TableReadError("imports.errors.busy"));
    }, WAIT_MS);
    q.waiting.push(go);
  });
}

function inWorker(bytes: Buffer, limits: TabularLimits): Promise<Row[]> {
  return runInWorker<Row[]>("tabular-worker.mjs", { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits }, limits.timeMs);
}

/**
 * Run one reading in a worker thread of its own (a plain .mjs beside this file), with the heap limit and the
 * deadline above; the worker answers one message `{ ok: true, result }` or `{ ok: false, error, params }` (an i18n
 * key and what it names), which becomes a TableReadError. Used for spreadsheets and for uploaded archives.
 */
export function runInWorker<T>(script: string, data: Record<string, unknown>, timeMs: number): Promise<T> {
  const worker = new Worker(path.join(config().appRoot, "app", "modules", "imports", script), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  const failure = (key: string, params?: Record<string, string | number>) => Object.assign(new TableReadError(key), { params: params ?? {} });
  // Kept referenced (a script awaiting a reading must not exit under it): it ends at its deadline in any case.
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(failure("imports.errors.tooSlow"))), timeMs);
    worker.once("message", (m: { ok: boolean; result?: T; error?: string; params?: Record<string, string | number> }) =>
      settle(() => (m.ok && m.result ? resolve(m.result) : reject(failure(m.error ?? "imports.errors.format", m.params)))),
    );
    worker.once("error", (e: Error & { code?: string }) =>
      settle(() => reject(failure(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "imports.errors.tooBig" : "imports.errors.format"))),
    );
    worker.once("exit", () => settle(() => reject(failure("imports.errors.format"))));
  });
}

/** Wait for this process's turn to read a file (one at a time, a few waiting); call the returned function after. */
export { turn as readingTurn };

/** Lower-case, no diacritics, single spaces: "Mã đơn vị" and "ma  don vi" are the same header. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Map each known column to its index in the header row, from lists of accepted (folded) names. */
export function mapColumns<K extends string>(headers: string[], synonyms: Record<K, string[]>): { columns: Partial<Record<K, number>>; missing: K[] } {
  const folded = headers.map(fold);
  const columns: Partial<Record<K, number>> = {};
  for (const key of Object.keys(synonyms) as K[]) {
    const i = folded.findIndex((h) => synonyms[key].includes(h));
    if (i >= 0) columns[key] = i;
  }
  return { columns, missing: (Object.keys(synonyms) as K[]).filter((k) => columns[k] === undefined) };
}
