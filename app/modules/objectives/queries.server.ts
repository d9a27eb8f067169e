import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { qualityObjectives, units } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import { figuresByUnit } from "../figures/queries.server";
import { attainment } from "../figures/rules";
import { pathCondition, pathInScope, type Scope } from "../units/scope.server";

/** A year's objectives of the units in scope, each with its attainment computed from that year's figures. */
export function objectivesWithAttainment(db: DB, scope: Scope, year: number, unitId?: number) {
  const rows = db
    .select({ o: qualityObjectives, unitName: units.name })
    .from(qualityObjectives)
    .innerJoin(units, eq(units.id, qualityObjectives.unitId))
    .where(and(pathCondition(scope), eq(qualityObjectives.year, year), unitId ? eq(qualityObjectives.unitId, unitId) : undefined))
    .orderBy(asc(units.path), asc(qualityObjectives.id))
    .all();
  const figures = figuresByUnit(db, [...new Set(rows.map((r) => r.o.unitId))], scope, `${year}-01`, `${year}-12`);
  return rows.map((r) => ({ ...r.o, unitName: r.unitName, ...attainment(r.o.measure, r.o.target, figures.get(r.o.unitId), r.o.manualValue) }));
}

export function getObjectiveInScopeOrThrow(db: DB, scope: Scope, id: number) {
  const row = db
    .select({ o: qualityObjectives, path: units.path })
    .from(qualityObjectives)
    .innerJoin(units, eq(units.id, qualityObjectives.unitId))
    .where(eq(qualityObjectives.id, id))
    .get();
  if (!row || !pathInScope(scope, row.path)) throw new NotFoundError("errors.notFound");
  return row.o;
}
