// A quick look at a few pages of the production build (issue 19 iterations; `npm run bench` is the measure of record):
// the floor and the named pages, one after the other, in one run, so that their ratios compare like with like.
//   npx tsx bench/pages.ts --scale province [--user kiemtra.tinh] [--duration 5] [--connections 50] [--port 3931] [/path …]
import path from "node:path";
import { parseArgs } from "node:util";
import os from "node:os";
import autocannon from "autocannon";
import { benchDataDir, type Scale } from "./generate";
import { percentile, serverEnv, signIn, startArgs, startServer, stopServer } from "./server-control";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: "string", default: "province" },
    user: { type: "string", default: "kiemtra.tinh" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: "3931" },
  },
});
const port = Number(values.port);
const dataDir = benchDataDir(values.scale as Scale);
const pages = positionals.length ? positionals : ["/", "/corrective-actions", "/reports", "/compliance/2"];
const load = os.loadavg().map((l) => l.toFixed(2));
const { child } = await startServer(startArgs(), port, serverEnv(path.resolve(dataDir), port, { PUBLIC_RATE_PER_MIN: "0" }));
try {
  const base = `http://127.0.0.1:${port}`;
  const cookie = await signIn(base, values.user!);
  const headers = { cookie, "accept-encoding": "gzip" };
  const measure = async (p: string) => {
    await autocannon({ url: base + p, connections: 10, duration: 1, headers });
    const times: number[] = [];
    const inst = autocannon({ url: base + p, connections: Number(values.connections), duration: Number(values.duration), headers, timeout: 30 });
    inst.on("response", (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
    const res = await inst;
    times.sort((a, b) => a - b);
    return { rps: times.length / res.duration, p50: percentile(times, 50), p95: percentile(times, 95), non2xx: res.non2xx };
  };
  const floor = await measure("/reports/verify");
  console.log(
    `load ${load.join(" / ")} → ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}; ${values.user} on ${values.scale}, ${values.connections} connections`,
  );
  console.log(`floor /reports/verify ${floor.rps.toFixed(1)} rps p50 ${floor.p50} p95 ${floor.p95}`);
  for (const p of pages) {
    const f = await measure(p);
    console.log(
      `${p.padEnd(28)} ${f.rps.toFixed(1)} rps p50 ${f.p50} p95 ${f.p95} ratio ${(f.rps / floor.rps).toFixed(3)}${f.non2xx ? ` non2xx ${f.non2xx}` : ""}`,
    );
  }
} finally {
  await stopServer(child, 5000);
}
