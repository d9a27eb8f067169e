// CPU per request of the production build's Remix handler, in process (no HTTP, no load generator): a page's own
// cost against the floor's, unaffected by how many connections wait. Build first (`npm run build`).
//   NODE_ENV=production SEED=off DATA_DIR=bench/.data/province node --import tsx bench/handler-profile.ts [user] [/path …]
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { DEMO_PASSWORD } from "#db/seed";

const build = (await import(path.resolve("build/server/index.js"))) as ServerBuild;
const handle = createRequestHandler(build, "production");
const [user = "kiemtra.tinh", ...paths] = process.argv.slice(2);
const base = "http://127.0.0.1:3000";
const login = await handle(
  new Request(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ username: user, password: DEMO_PASSWORD, redirectTo: "/" }),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, host: "127.0.0.1:3000" },
  }),
  { cspNonce: "x" },
);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
if (login.status !== 302) throw new Error(`sign-in ${login.status}`);
const N = Number(process.env.N ?? 200);
async function once(p: string) {
  const res = await handle(new Request(base + p, { headers: { cookie } }), { cspNonce: "x" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
  return body.length;
}
const pages = paths.length ? paths : ["/reports/verify", "/", "/corrective-actions", "/reports", "/compliance/2"];
const out: Record<string, number> = {};
for (const p of pages) {
  for (let i = 0; i < 20; i++) await once(p);
  const t = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < N; i++) bytes = await once(p);
  const used = process.cpuUsage(t);
  out[p] = (used.user + used.system) / 1000 / N;
  console.log(`${p.padEnd(28)} ${out[p]!.toFixed(2)} ms CPU/request  ${bytes} bytes  ratio ${(out[pages[0]!]! / out[p]!).toFixed(3)}`);
}
