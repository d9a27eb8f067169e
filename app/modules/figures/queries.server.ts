import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { serviceFigures, units } from "#db/schema";
import { pathCondition, type Scope } from "../units/scope.server";
import { rates, sumFigures, type Figures } from "./rules";

/** Figures of units in scope for a range of months (inclusive, "YYYY-MM"), with each row's rates. */
export function listFigures(db: DB, scope: Scope, filter: { from: string; to: string; unitId?: number }) {
  const rows = db
    .select({ f: serviceFigures, unitName: units.name, unitCode: units.code })
    .from(serviceFigures)
    .innerJoin(units, eq(units.id, serviceFigures.unitId))
    .where(
      and(
        pathCondition(scope),
        gte(serviceFigures.month, filter.from),
        lte(serviceFigures.month, filter.to),
        filter.unitId ? eq(serviceFigures.unitId, filter.unitId) : undefined,
      ),
    )
    .orderBy(asc(units.path), asc(serviceFigures.month))
    .limit(5000)
    .all();
  const list = rows.map((r) => ({ ...r.f, unitName: r.unitName, unitCode: r.unitCode, ...rates(r.f) }));
  const total = sumFigures(rows.map((r) => r.f));
  return { rows: list, total: { ...total, ...rates(total) } };
}

/** Sum per unit over a period, for objectives, the dashboard and reports. Units without figures are absent. */
export function figuresByUnit(db: DB, unitIds: number[] | "scope", scope: Scope, from: string, to: string): Map<number, Figures> {
  const rows = db
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
        pathCondition(scope),
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
export function latestFigureYear(db: DB, scope: Scope): number | undefined {
  // The latest month of each unit is one seek in (unit_id, month): no walk through years of figures.
  const row = db
    .select({ m: sql<string | null>`max((SELECT max(f.month) FROM ${serviceFigures} f WHERE f.unit_id = units.id))` })
    .from(units)
    .where(pathCondition(scope))
    .get();
  return row?.m ? Number(row.m.slice(0, 4)) : undefined;
}
