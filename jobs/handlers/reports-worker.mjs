// The PDF render worker: pdfkit drawing is CPU-bound (tens to hundreds of ms a report), so a scheduled run over
// every unit renders here, off the web server's event loop. Plain .mjs so Node can start it anywhere (server,
// bundle, tests); it loads the templates compiled by `npm run build` (build/start/report-render.js) when that build
// is current, else the TypeScript templates through tsx (a loader in the thread costs memory and start-up time:
// issue 19). Input: report data; output: PDF bytes.
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { currentBuild } from "../../bin/compiled.mjs";

// Lowest CPU priority for this thread only (on Linux, nice is per thread and 0 names the calling thread): on a
// 2-core server the web requests come first, the drawing takes what they leave. Elsewhere it may apply to the
// whole process or be refused; a refusal is harmless.
if (os.platform() === "linux" && process.env.REPORTS_WORKER_NICE !== "off") {
  try {
    os.setPriority(19);
  } catch {
    /* not permitted: keep the default priority */
  }
}
const compiled = currentBuild("report-render");
const { renderReport } = compiled ? await import(pathToFileURL(compiled).href) : await fromSource();

async function fromSource() {
  const { register } = await import("tsx/esm/api");
  register();
  return import("../../templates/render.ts");
}

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
