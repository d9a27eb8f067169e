// Times each benchmarked page's data functions in-process (no HTTP, no React): where a page's own work goes.
//   DATA_DIR=bench/.data/province BARE_USER=kiemtra.tinh npx tsx bench/profile-loaders.ts
import { openDatabase } from "#db/client";
import type { UserActor } from "~/modules/context";
import { makeCtx } from "~/modules/context.server";
import { unitCompliance, complianceGrid } from "~/modules/compliance/queries.server";
import { listCorrectiveActions, unitsWithActions } from "~/modules/corrective-actions/queries.server";
import { ListFilterSchema } from "~/modules/corrective-actions/schema";
import { dashboardData } from "~/modules/dashboard/queries.server";
import { listReports } from "~/modules/reports/queries.server";
import { listReportIssues } from "~/modules/reports/issue.server";
import { ReportFiltersSchema } from "~/modules/reports/schema";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { readConfig } from "~/lib/config.server";
import type { Role } from "#db/schema";

const config = readConfig();
const db = openDatabase(config.dbFile);
const username = process.env.BARE_USER ?? "kiemtra.tinh";
const row = db.$client
  .prepare(
    "SELECT u.id, u.full_name AS name, u.username, u.role, u.unit_id AS unitId, n.path AS unitPath, n.name AS unitName FROM users u JOIN units n ON n.id = u.unit_id WHERE u.username = ?",
  )
  .get(username) as Omit<UserActor, "kind">;
const user: UserActor = { kind: "user", ...row, role: row.role as Role };
const commune = (db.$client.prepare("SELECT id FROM units WHERE code = 'DT-LAIVUNG'").get() as { id: number }).id;
const N = Number(process.env.N ?? 200);
function time(name: string, f: () => unknown) {
  for (let i = 0; i < 5; i++) f();
  const t = performance.now();
  for (let i = 0; i < N; i++) f();
  const ms = (performance.now() - t) / N;
  console.log(`${name.padEnd(36)} ${ms.toFixed(3)} ms`);
}
const ctx = () => makeCtx(db, user, new Date());
time("ctx (scope)", () => ctx());
const c = ctx();
time("dashboardData", () => dashboardData(ctx(), "vi"));
time("complianceGrid", () => complianceGrid(ctx(), {}));
time("unitCompliance(commune)", () => unitCompliance(ctx(), commune));
time("listCorrectiveActions", () => listCorrectiveActions(ctx(), ListFilterSchema.parse({})));
time("unitsWithActions", () => unitsWithActions(c));
time("listReports", () => listReports(ctx(), ReportFiltersSchema.parse({})));
time("listUnitsInScope", () => listUnitsInScope(c));
time("listReportIssues", () => listReportIssues(c));
{
  const { unitsWithCompliance } = await import("~/modules/compliance/queries.server");
  const { figuresByMonth } = await import("~/modules/dashboard/queries.server");
  const { latestFigureYear } = await import("~/modules/figures/queries.server");
  time("unitsWithCompliance", () => unitsWithCompliance(ctx()));
  time("latestFigureYear", () => latestFigureYear(ctx()));
  time("figuresByMonth(2026)", () => figuresByMonth(ctx(), "2026-01", "2026-12"));
}
