import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { unitLineage, units, users } from "#db/schema";
import { getUnitInScopeOrThrow, pathCondition, pathInScope, type Scope } from "./scope.server";

export type UnitRow = typeof units.$inferSelect;

/** Units the scope reads, in tree order (path order keeps children under their parent). */
export function listUnitsInScope(db: DB, scope: Scope, opts: { q?: string; limit?: number } = {}) {
  const q = opts.q?.trim();
  return db
    .select()
    .from(units)
    .where(and(pathCondition(scope), q ? sql`(${units.name} LIKE ${"%" + q + "%"} OR ${units.code} LIKE ${"%" + q + "%"})` : undefined))
    .orderBy(asc(units.path))
    .limit(opts.limit ?? 2000)
    .all();
}

export function getUnitDetail(db: DB, scope: Scope, unitId: number) {
  const unit = getUnitInScopeOrThrow(db, scope, unitId);
  const parent = unit.parentId ? db.select().from(units).where(eq(units.id, unit.parentId)).get() : undefined;
  const children = db.select().from(units).where(eq(units.parentId, unit.id)).orderBy(asc(units.name)).all();
  const predecessors = db
    .select({ id: units.id, name: units.name, code: units.code, path: units.path, validTo: units.validTo })
    .from(unitLineage)
    .innerJoin(units, eq(units.id, unitLineage.predecessorId))
    .where(eq(unitLineage.unitId, unit.id))
    .all();
  const successors = db
    .select({ id: units.id, name: units.name, code: units.code, path: units.path, validFrom: units.validFrom })
    .from(unitLineage)
    .innerJoin(units, eq(units.id, unitLineage.unitId))
    .where(eq(unitLineage.predecessorId, unit.id))
    .all();
  const people = db
    .select({ role: users.role, n: count() })
    .from(users)
    .where(and(eq(users.unitId, unit.id), eq(users.active, true)))
    .groupBy(users.role)
    .all();
  return {
    unit,
    // A parent outside the scope is named but not linked: its records stay closed.
    parent: parent ? { ...parent, readable: pathInScope(scope, parent.path) } : undefined,
    children,
    predecessors: predecessors.map((p) => ({ ...p, readable: pathInScope(scope, p.path) })),
    successors: successors.map((s) => ({ ...s, readable: pathInScope(scope, s.path) })),
    people,
  };
}

export function predecessorIdsOf(db: DB, unitId: number): number[] {
  return db
    .select({ id: unitLineage.predecessorId })
    .from(unitLineage)
    .where(eq(unitLineage.unitId, unitId))
    .all()
    .map((r) => r.id);
}

export function unitsByIds(db: DB, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(units).where(inArray(units.id, ids)).all();
}
