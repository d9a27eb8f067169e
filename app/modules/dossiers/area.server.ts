import type { Readable } from "node:stream";
import { and, asc, eq, sql } from "drizzle-orm";
import { reportIssues, reports, units } from "#db/schema";
import { config } from "~/lib/config.server";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { parsePeriod } from "../reports/periods";
import { downloadName, reportStanding } from "../reports/rules";
import { storedFilePath } from "../reports/storage.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { getUnitInScopeOrThrow, inScope } from "../units/scope.server";
import { zipStream, type ZipItem } from "./zip-stream.server";

/** The largest area archive: a national set's province issues about 100 reports a month, 1,300 a year. */
export const AREA_ARCHIVE_MAX_REPORTS = 5000;

/** What an unnumbered period report archived before reports were issued is called in the ZIP (decision 0017). */
export const UNNUMBERED_COPY = "Bản lưu không số (trước khi có quy trình ban hành)";

/**
 * Every issued report of a unit and the units below it (within the reader's scope) for a period ("2026", "2026-Q3",
 * "2026-10"): the period reports whose own period lies inside it, and the record reports (audit, action form,
 * minutes, announcement) finished within it. One folder per unit; each file under the name a single download has.
 */
export function areaReports(ctx: Ctx, input: { unitId: number; period: string }) {
  const period = parsePeriod(input.period);
  if (!period) throw new InvalidInputError("errors.invalid", {}, { period: ["dossiers.errors.period"] });
  const area = getUnitInScopeOrThrow(ctx.db, ctx.scope, input.unitId);
  const from = Date.parse(`${period.start}T00:00:00+07:00`);
  const to = Date.parse(`${period.end}T23:59:59.999+07:00`);
  const rows = ctx.db
    .select({ r: reports, unitName: units.name, unitCode: units.code, number: reportIssues.number })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(reportIssues, eq(reportIssues.reportId, reports.id))
    .where(
      and(
        eq(reports.status, "done"),
        inScope(reports.unitId, ctx.scope),
        sql`${units.path} GLOB ${area.path + "*"}`,
        sql`(
          (${reports.periodKey} NOT LIKE '#%' AND (${reports.periodKey} IN ${keysWithin(period)} OR ${reports.periodKey} LIKE ${period.cadence === "year" ? `${period.key}-%` : period.key}))
          OR (${reports.periodKey} LIKE '#%' AND ${reports.finishedAt} BETWEEN ${from} AND ${to})
          OR (${reports.kind} = 'announcement' AND ${reports.finishedAt} BETWEEN ${from} AND ${to})
        )`,
      ),
    )
    .orderBy(asc(units.path), asc(reports.kind), asc(reports.periodKey), asc(reports.id))
    .limit(AREA_ARCHIVE_MAX_REPORTS + 1)
    .all();
  if (rows.length > AREA_ARCHIVE_MAX_REPORTS) throw new InvalidInputError("errors.invalid", {}, { period: ["dossiers.errors.tooMany"] });
  const c = config();
  const items: ZipItem[] = [];
  for (const { r, unitName, unitCode, number } of rows) {
    const path = r.file ? storedFilePath(c.reportsDir, r.file) : undefined;
    // A period report archived before reports were issued (decision 0017) is not the unit's issued report: its
    // name says it is an unnumbered copy.
    const copy = reportStanding({ kind: r.kind, trigger: r.trigger, issueNumber: number }) === null || number ? "" : `${UNNUMBERED_COPY} - `;
    if (path) items.push({ name: `${unitCode} - ${unitName}/${copy}${downloadName({ kind: r.kind, unitName, periodKey: r.periodKey, id: r.id })}`, path });
  }
  return { area, period, items };
}

/** The period keys inside a period: a quarter holds its three months. */
function keysWithin(p: { key: string; cadence: string; year: number; index: number }): string[] {
  if (p.cadence !== "quarter") return [p.key];
  return [p.key, ...[1, 2, 3].map((m) => `${p.year}-${String((p.index - 1) * 3 + m).padStart(2, "0")}`)];
}

/** The archive of `areaReports` as one ZIP stream, its download recorded in the trail first. */
export function areaReportsArchive(ctx: Ctx, input: { unitId: number; period: string }): { fileName: string; stream: Readable; count: number } {
  const { area, period, items } = areaReports(ctx, input);
  write(ctx, (tx) =>
    recordTrail(tx, ctx, {
      entity: "report_archive",
      entityId: area.id,
      action: "download",
      unitId: area.id,
      after: { period: period.key, reports: items.length },
    }),
  );
  return { fileName: `Báo cáo đã phát hành - ${area.name} - ${period.key}.zip`, stream: zipStream(items, ctx.now), count: items.length };
}
