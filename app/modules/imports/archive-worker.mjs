// The archive reader's thread: one archive per worker, started by archive.server.ts with the same heap limit and
// deadline as the spreadsheet reader (tabular.server.ts runInWorker); it keeps its own time budget (app/lib/budget.ts)
// from its start. Input (workerData): { bytes, limits }; output (one message): { ok: true, result: entries } (the
// entries' buffers transferred, not copied) or { ok: false, error: <i18n key>, params }.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readArchive } = await import("./archive-core.ts");
const { TableReadError } = await import("./tabular-core.ts");

try {
  const { bytes, limits } = workerData;
  const entries = await readArchive(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  parentPort.postMessage(
    { ok: true, result: entries },
    entries.map((e) => e.bytes.buffer),
  );
} catch (e) {
  if (!(e instanceof TableReadError)) console.error("[archive] unexpected", e);
  parentPort.postMessage({ ok: false, error: e instanceof TableReadError ? e.message : "imports.archive.format", params: e?.params ?? {} });
}
