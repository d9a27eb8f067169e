import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { serviceFigures, units } from "#db/schema";
import type { Ctx } from "../context";
import { withScope } from "../context.server";
import { pathCondition } from "../units/scope.server";
import { rates, sumFigures, type Figures } from "./rules";

export const FIGURES_PAGE_SIZE = 100;

/**
 * Figures of units in scope for a range of months (inclusive, "YYYY-MM"), with each row's rates, by unit and
 * month, one page at a time (`count` rows in all); `total` sums every row of the range, not only the page's.
 */
export function listFigures(ctx: Ctx, filter: { from: string; to: string; unitId?: number; page?: number }, pageSize = 5000) {
  const where = and(
    pathCondition(ctx.scope),
    gte(serviceFigures.month, filter.from),
    lte(serviceFigures.month, filter.to),
    filter.unitId ? eq(serviceFigures.unitId, filter.unitId) : undefined,
  );
  const count =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(serviceFigures)
      .innerJoin(units, eq(units.id, serviceFigures.unitId))
      .where(where)
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(count / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = ctx.db
    .select({ f: serviceFigures, unitName: units.name, unitCode: units.code })
    .from(serviceFigures)
    .innerJoin(units, eq(units.id, serviceFigures.unitId))
    .where(where)
    .orderBy(asc(units.name), asc(units.id), asc(serviceFigures.month))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const list = rows.map((r) => ({ ...r.f, unitName: r.unitName, unitCode: r.unitCode, ...rates(r.f) }));
  const total = sumFigures([...figuresByUnit(ctx, filter.unitId ? [filter.unitId] : "scope", filter.from, filter.to).values()]);
  return { rows: list, total: { ...total, ...rates(total) }, count, page, pages };
}

/**
 * Sum per unit over a period, for objectives, the dashboard and reports. Units without figures are absent.
 * Only units in `ctx.scope` count (the compliance facts read through `withScope(ctx, EVERYWHERE)`).
 */
export function figuresByUnit(ctx: Ctx, unitIds: number[] | "scope", from: string, to: string): Map<number, Figures> {
  const rows = ctx.db
    .select({
      unitId: serviceFigures.unitId,
      received: sql<number>`sum(${serviceFigures.received})`,
      resolvedEarly: sql<number>`sum(${serviceFigures.resolvedEarly})`,
      resolvedOnTime: sql<number>`sum(${serviceFigures.resolvedOnTime})`,
      resolvedOverdue: sql<number>`sum(${serviceFigures.resolvedOverdue})`,
      receivedOnline: sql<number>`sum(${serviceFigures.receivedOnline})`,
      returnedByPost: sql<number>`sum(${serviceFigures.returnedByPost})`,
      feedbackReceived: sql<number>`sum(${serviceFigures.feedbackReceived})`,
      feedbackOnTime: sql<number>`sum(${serviceFigures.feedbackOnTime})`,
      surveyed: sql<number>`sum(coalesce(${serviceFigures.surveyed}, 0))`,
      satisfied: sql<number>`sum(coalesce(${serviceFigures.satisfied}, 0))`,
    })
    .from(serviceFigures)
    .innerJoin(units, eq(units.id, serviceFigures.unitId))
    .where(
      and(
        pathCondition(ctx.scope),
        gte(serviceFigures.month, from),
        lte(serviceFigures.month, to),
        unitIds === "scope"
          ? undefined
          : unitIds.length
            ? sql`${serviceFigures.unitId} IN (${sql.join(
                unitIds.map((i) => sql`${i}`),
                sql`, `,
              )})`
            : sql`0`,
      ),
    )
    .groupBy(serviceFigures.unitId)
    .all();
  return new Map(rows.map(({ unitId, ...f }) => [unitId, f]));
}

/** The latest year that has figures in scope (the page opens on it), or undefined. */
export function latestFigureYear(ctx: Ctx): number | undefined {
  // The latest month of each unit is one seek in (unit_id, month): no walk through years of figures.
  const row = ctx.db
    .select({ m: sql<string | null>`max((SELECT max(f.month) FROM ${serviceFigures} f WHERE f.unit_id = units.id))` })
    .from(units)
    .where(pathCondition(ctx.scope))
    .get();
  return row?.m ? Number(row.m.slice(0, 4)) : undefined;
}

/**
 * Dissolved units whose area the reader's units took over without reading them: the parents (a former district)
 * of the units the reader's units were formed from. The 2025 reform ended the districts, and a commune formed from
 * three old communes inherits their district's one-stop history for its area. Read only, figures only.
 */
export function formerUnits(ctx: Ctx): { id: number; name: string; path: string; validTo: string }[] {
  return ctx.db
    .select({ id: sql<number>`a.id`, name: sql<string>`a.name`, path: sql<string>`a.path`, validTo: sql<string>`a.valid_to` })
    .from(sql`units p JOIN units a ON p.path GLOB a.path || '*' AND a.id <> p.id`)
    .where(
      sql`${pathCondition(ctx.scope, sql`p.path`)} AND p.id IN (SELECT predecessor_id FROM unit_lineage) AND a.valid_to IS NOT NULL
          AND NOT ${pathCondition(ctx.scope, sql`a.path`)}`,
    )
    .groupBy(sql`a.id`)
    .orderBy(sql`a.path`)
    .all();
}

/**
 * The figures of each former unit (formerUnits) for a range of months, stored on that unit itself (never those of its
 * other old communes, which went to other successors), with their totals; units without figures in the range are left
 * out.
 */
export function formerUnitFigures(ctx: Ctx, filter: { from: string; to: string }) {
  return formerUnits(ctx)
    .map((u) => ({ unit: { id: u.id, name: u.name, validTo: u.validTo }, ...listFigures(withScope(ctx, { prefixes: [u.path] }), { ...filter, unitId: u.id }) }))
    .filter((f) => f.count > 0);
}
