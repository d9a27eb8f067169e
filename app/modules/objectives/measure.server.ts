import { and, asc, eq, inArray } from "drizzle-orm";
import { qualityObjectives } from "#db/schema";
import type { Ctx } from "../context";
import { withScope } from "../context.server";
import { figuresByUnit } from "../figures/queries.server";
import { attainment, type Attainment } from "../figures/rules";
import { EVERYWHERE } from "../units/scope.server";

export type MeasuredObjective = typeof qualityObjectives.$inferSelect & Attainment;

/**
 * The one way an objective is measured, wherever it is shown (the compliance obligation, a report's objectives
 * section, the objectives page): the objectives of `day`'s year, each on the unit's one-stop figures from January
 * to `day`'s month (or its manual value). Per unit, in the order they were set. Two queries for any number of units.
 */
export function measureObjectives(ctx: Ctx, unitIds: number[], day: string): Map<number, MeasuredObjective[]> {
  const out = new Map<number, MeasuredObjective[]>();
  if (!unitIds.length) return out;
  const year = Number(day.slice(0, 4));
  const rows = ctx.db
    .select()
    .from(qualityObjectives)
    .where(and(eq(qualityObjectives.year, year), inArray(qualityObjectives.unitId, unitIds)))
    .orderBy(asc(qualityObjectives.id))
    .all();
  const figures = figuresByUnit(withScope(ctx, EVERYWHERE), [...new Set(rows.map((r) => r.unitId))], `${year}-01`, day.slice(0, 7));
  for (const r of rows) {
    const list = out.get(r.unitId) ?? [];
    list.push({ ...r, ...attainment(r.measure, r.target, figures.get(r.unitId), r.manualValue) });
    out.set(r.unitId, list);
  }
  return out;
}
