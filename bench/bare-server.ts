// The data's floor for the load benchmark (issue 8): a bare node:http + better-sqlite3 server that answers the
// benchmarked pages with the SAME query functions the Remix loaders call, for one fixed signed-in person, and
// renders their data as plain HTML (no React, no router, no session lookup, no compression).
//   DATA_DIR=bench/.data/national BARE_USER=kiemtra.tinh PORT=3901 node --import tsx bench/bare-server.ts
// Paths: /healthz, /, /compliance/:unitId, /corrective-actions, /reports, /reports/:id/pdf
import fs from "node:fs";
import http from "node:http";
import { openDatabase } from "#db/client";
import type { UserActor } from "~/modules/context";
import { makeCtx } from "~/modules/context.server";
import { unitCompliance } from "~/modules/compliance/queries.server";
import { listCorrectiveActions, unitsWithActions } from "~/modules/corrective-actions/queries.server";
import { ListFilterSchema } from "~/modules/corrective-actions/schema";
import { dashboardData } from "~/modules/dashboard/queries.server";
import { getReportFileInScopeOrThrow, listReports } from "~/modules/reports/queries.server";
import { ReportFiltersSchema } from "~/modules/reports/schema";
import { unitChoicesInScope } from "~/modules/units/queries.server";
import { readConfig } from "~/lib/config.server";
import type { Role } from "#db/schema";

const config = readConfig();
const db = openDatabase(config.dbFile);
const username = process.env.BARE_USER ?? "kiemtra.tinh";
const row = db.$client
  .prepare(
    "SELECT u.id, u.full_name AS name, u.username, u.role, u.unit_id AS unitId, n.path AS unitPath FROM users u JOIN units n ON n.id = u.unit_id WHERE u.username = ?",
  )
  .get(username) as Omit<UserActor, "kind"> | undefined;
if (!row) throw new Error(`no user ${username}`);
const user: UserActor = { kind: "user", ...row, role: row.role as Role };

const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Equivalent HTML: every value the page's loader returns, as nested lists and tables. */
function html(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) {
    if (v.length && typeof v[0] === "object" && v[0] !== null && !Array.isArray(v[0])) {
      const cols = Object.keys(v[0] as object);
      return `<table><thead><tr>${cols.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${v
        .map((r) => `<tr>${cols.map((c) => `<td>${html((r as Record<string, unknown>)[c])}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
    }
    return `<ul>${v.map((x) => `<li>${html(x)}</li>`).join("")}</ul>`;
  }
  if (typeof v === "object")
    return `<dl>${Object.entries(v as object)
      .map(([k, x]) => `<dt>${esc(k)}</dt><dd>${html(x)}</dd>`)
      .join("")}</dl>`;
  return esc(v);
}

function page(res: http.ServerResponse, title: string, data: unknown) {
  const body = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)} · ISO Xã</title><link rel="stylesheet" href="/assets/app.css"></head><body><main><h1>${esc(title)}</h1>${html(data)}</main></body></html>`;
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
  res.end(body);
}

const server = http.createServer((req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://bare");
    const p = url.pathname;
    const ctx = makeCtx(db, user, new Date());
    const day = ctx.today;
    if (p === "/healthz") {
      db.$client.prepare("SELECT 1").get();
      res.writeHead(200, { "Content-Type": "application/json" });
      return res.end(JSON.stringify({ ok: true }));
    }
    if (p === "/") return page(res, "Tổng quan", dashboardData(ctx, "vi"));
    let m = /^\/compliance\/(\d+)$/.exec(p);
    if (m) return page(res, "Tuân thủ", { day, ...unitCompliance(ctx, Number(m[1])) });
    if (p === "/corrective-actions") {
      const filter = ListFilterSchema.parse(Object.fromEntries(url.searchParams));
      return page(res, "Hành động khắc phục", { ...listCorrectiveActions(ctx, filter), units: unitsWithActions(ctx) });
    }
    if (p === "/reports") {
      const filters = ReportFiltersSchema.parse(Object.fromEntries(url.searchParams));
      return page(res, "Báo cáo", {
        ...listReports(ctx, filters),
        units: unitChoicesInScope(ctx),
      });
    }
    m = /^\/reports\/(\d+)\/pdf$/.exec(p);
    if (m) {
      const r = getReportFileInScopeOrThrow(ctx, config.reportsDir, Number(m[1]));
      const body = fs.readFileSync(r.path);
      res.writeHead(200, { "Content-Type": "application/pdf", "Content-Length": body.length });
      return res.end(body);
    }
    res.writeHead(404).end("not found");
  } catch (e) {
    console.error("[bare]", e);
    if (!res.headersSent) res.writeHead(500);
    res.end("error");
  }
});

const port = Number(process.env.PORT ?? 3901);
server.listen(port, "127.0.0.1", () => console.log(`[bare] listening on ${port} as ${username}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
