import { and, asc, eq } from "drizzle-orm";
import { qualityObjectives, units } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { measureObjectives } from "./measure.server";
import { pathCondition, pathInScope } from "../units/scope.server";
import { OBJECTIVE_STATES, type ObjectiveState } from "./schema";

/** The list's unit and state filters from its query string; anything unknown is no filter. */
export function parseObjectiveFilter(params: URLSearchParams): { unitId?: number; state?: ObjectiveState } {
  const unitId = Number(params.get("unit"));
  const state = params.get("state");
  return {
    unitId: Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined,
    state: (OBJECTIVE_STATES as readonly string[]).includes(state ?? "") ? (state as ObjectiveState) : undefined,
  };
}

const stateOf = (met: boolean | null): ObjectiveState => (met === null ? "noData" : met ? "met" : "notMet");

/**
 * A year's objectives of the units in scope (or of one unit), each measured as everywhere else (measureObjectives:
 * January to the year's last month, or to this month for the year in progress).
 */
export function objectivesWithAttainment(ctx: Ctx, year: number, unitId?: number, state?: ObjectiveState) {
  const rows = ctx.db
    .select({ o: qualityObjectives, unitName: units.name })
    .from(qualityObjectives)
    .innerJoin(units, eq(units.id, qualityObjectives.unitId))
    .where(and(pathCondition(ctx.scope), eq(qualityObjectives.year, year), unitId ? eq(qualityObjectives.unitId, unitId) : undefined))
    .orderBy(asc(units.name), asc(units.id), asc(qualityObjectives.id))
    .all();
  // The year's last day, today for the year in progress, its first day for a year to come (no figures yet).
  const day = ctx.today > `${year}-12-31` ? `${year}-12-31` : ctx.today < `${year}-01-01` ? `${year}-01-01` : ctx.today;
  const measured = measureObjectives(ctx, [...new Set(rows.map((r) => r.o.unitId))], day);
  const byId = new Map([...measured.values()].flat().map((m) => [m.id, m]));
  return rows
    .map((r) => ({ ...r.o, unitName: r.unitName, value: byId.get(r.o.id)?.value ?? null, met: byId.get(r.o.id)?.met ?? null }))
    .filter((o) => !state || stateOf(o.met) === state);
}

export function getObjectiveInScopeOrThrow(ctx: Ctx, id: number) {
  const row = ctx.db
    .select({ o: qualityObjectives, path: units.path })
    .from(qualityObjectives)
    .innerJoin(units, eq(units.id, qualityObjectives.unitId))
    .where(eq(qualityObjectives.id, id))
    .get();
  if (!row || !pathInScope(ctx.scope, row.path)) throw new NotFoundError("errors.notFound");
  return row.o;
}
