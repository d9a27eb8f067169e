import { and, count, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client";
import type { Ctx } from "../context";
import { unitLineage, units, users } from "#db/schema";
import { compareVi } from "~/lib/locale";
import { cachedRead, scopeKey } from "../read-cache.server";
import { textMatches } from "../search/match.server";
import { getUnitInScopeOrThrow, pathCondition, pathInScope, successorsOfSubtree, unitEndedBefore } from "./scope.server";
import { inTreeOrder } from "./tree.server";

export type UnitRow = typeof units.$inferSelect;

/** Units the scope reads (matching q, accents ignored), in tree order: children under their parent, siblings by name. */
export function listUnitsInScope(ctx: Ctx, opts: { q?: string; limit?: number } = {}) {
  const q = opts.q?.trim();
  const rows = ctx.db
    .select()
    .from(units)
    .where(and(pathCondition(ctx.scope), q ? textMatches(ctx, "units", units.id, q) : undefined))
    .all();
  return inTreeOrder(ctx.db, rows).slice(0, opts.limit ?? 2000);
}

/** The units in scope as a filter's choices (id, name, indentation), read on every visit of a list: kept until a write. */
export function unitChoicesInScope(ctx: Ctx): { id: number; name: string; depth: number }[] {
  return cachedRead(ctx, `unit-choices|${scopeKey(ctx)}`, () => listUnitsInScope(ctx).map((u) => ({ id: u.id, name: u.name, depth: u.depth })));
}

export function getUnitDetail(ctx: Ctx, unitId: number) {
  const { db, scope } = ctx;
  const unit = getUnitInScopeOrThrow(db, scope, unitId);
  const parent = unit.parentId ? db.select().from(units).where(eq(units.id, unit.parentId)).get() : undefined;
  const children = db
    .select()
    .from(units)
    .where(eq(units.parentId, unit.id))
    .all()
    .sort((a, b) => compareVi(a.name, b.name));
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

/**
 * When the person's own unit has ended: its name, last day and the units their work moved to (the lineage), so
 * that the home page and a "not found" page can say why the old unit's pages look different. Undefined otherwise.
 */
export function endedUnitNotice(ctx: Ctx): { unit: string; date: string; successors: string[] } | undefined {
  if (ctx.actor.kind !== "user") return undefined;
  const ended = unitEndedBefore(ctx.db, ctx.actor.unitPath, ctx.today);
  if (!ended) return undefined;
  const unit = ctx.db.select({ name: units.name }).from(units).where(eq(units.id, ctx.actor.unitId)).get();
  return { unit: unit?.name ?? "", date: ended.validTo, successors: successorsOfSubtree(ctx.db, ctx.actor.unitPath).map((s) => s.name) };
}
