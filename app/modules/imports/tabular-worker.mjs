// The spreadsheet reader's thread (issue 16): one file per worker, started by tabular.server.ts with a heap limit
// and stopped at its deadline, so a hostile file costs this thread and never the web server's event loop. Plain
// .mjs so Node can start it anywhere (the dev server, the compiled server, vitest); it registers tsx to load the
// TypeScript reader, as the PDF render worker does. Input (workerData): { bytes, limits }; output (one
// message): { ok: true, result: rows } or { ok: false, error: <i18n key> }.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { parseTabular, TableReadError } = await import("./tabular-core.ts");

try {
  const { bytes, limits } = workerData;
  const rows = await parseTabular(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  parentPort.postMessage({ ok: true, result: rows });
} catch (e) {
  if (!(e instanceof TableReadError)) console.error("[tabular] unexpected", e);
  parentPort.postMessage({ ok: false, error: e instanceof TableReadError ? e.message : "imports.errors.format" });
}
