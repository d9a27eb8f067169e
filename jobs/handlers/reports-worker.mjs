// The PDF render worker: pdfkit drawing is CPU-bound (tens to hundreds of ms a report), so a scheduled run over
// every unit renders here, off the web server's event loop. Plain .mjs so Node can start it anywhere (server,
// bundle, tests); it registers tsx to load the TypeScript templates. Input: report data; output: PDF bytes.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { renderReport } = await import("../../templates/render.ts");

parentPort.on("message", async (msg) => {
  try {
    const { bytes, pages } = await renderReport(msg.data);
    const copy = new Uint8Array(bytes);
    parentPort.postMessage({ id: msg.id, ok: true, bytes: copy, pages }, [copy.buffer]);
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
parentPort.postMessage({ ready: true });
