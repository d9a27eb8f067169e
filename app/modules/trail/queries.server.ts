import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { DB } from "#db/client";
import { trail, units, users } from "#db/schema";
import type { Ctx } from "../context";
import { inScope, pathInScope, type Scope } from "../units/scope.server";
import { referencedIds, type TrailRefs } from "./fields";

export type TrailEntry = typeof trail.$inferSelect & { unitName: string | null };

/**
 * Trail rows a scope may read: rows about units in scope. Rows with no unit (system events) are shown only to
 * a scope that covers everything. Keyset pagination by id keeps a page cheap however long the trail grows.
 */
export function listTrail(ctx: Ctx, filter: { entity?: string; beforeId?: number; limit?: number } = {}) {
  const { scope } = ctx;
  const limit = Math.min(filter.limit ?? 50, 200);
  const everywhere = scope.prefixes.includes("/");
  const rows = ctx.db
    .select({ t: trail, unitName: units.name })
    .from(trail)
    .leftJoin(units, eq(units.id, trail.unitId))
    .where(
      and(
        everywhere ? undefined : inScope(trail.unitId, scope),
        filter.entity ? eq(trail.entity, filter.entity) : undefined,
        filter.beforeId ? lt(trail.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(trail.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map((r) => ({ ...r.t, unitName: r.unitName }));
  return { entries: withRefs(ctx.db, page, scope), nextBeforeId: rows.length > limit ? page[page.length - 1]!.id : undefined };
}

/** One record's own history (its page shows it). The caller has already checked the record is in scope. */
export function historyOf(db: DB, entity: string, entityId: string | number, limit = 100) {
  const rows = db
    .select()
    .from(trail)
    .where(and(eq(trail.entity, entity), eq(trail.entityId, String(entityId))))
    .orderBy(desc(trail.id))
    .limit(limit)
    .all();
  return withRefs(db, rows);
}

/**
 * Trail rows with the names of the people and units their snapshots mention (`refs`), so that the history reads
 * "Người thực hiện: Lý Thị Kim Ngân" rather than an id. Two queries for the whole page, whatever its length.
 */
export function withRefs<R extends { entity: string; before: string | null; after: string | null }>(
  db: DB,
  rows: R[],
  scope?: Scope,
): (R & { refs: TrailRefs })[] {
  const ids = rows.map((r) => referencedIds(r.entity, r.before, r.after));
  const userIds = [...new Set(ids.flatMap((i) => i.users))];
  const unitIds = [...new Set(ids.flatMap((i) => i.units))];
  // With a scope (a list across records), only names the reader may see anyway: people and units in scope.
  const visible = (path: string) => !scope || pathInScope(scope, path);
  const userNames = new Map(
    userIds.length
      ? db
          .select({ id: users.id, name: users.fullName, path: units.path })
          .from(users)
          .innerJoin(units, eq(units.id, users.unitId))
          .where(inArray(users.id, userIds))
          .all()
          .filter((u) => visible(u.path))
          .map((u) => [u.id, u.name])
      : [],
  );
  const unitNames = new Map(
    unitIds.length
      ? db
          .select({ id: units.id, name: units.name, path: units.path })
          .from(units)
          .where(inArray(units.id, unitIds))
          .all()
          .filter((u) => visible(u.path))
          .map((u) => [u.id, u.name])
      : [],
  );
  const pick = (list: number[], names: Map<number, string>) => Object.fromEntries(list.filter((id) => names.has(id)).map((id) => [id, names.get(id)!]));
  return rows.map((r, i) => ({ ...r, refs: { users: pick(ids[i]!.users, userNames), units: pick(ids[i]!.units, unitNames) } }));
}

export function trailEntities(db: DB): string[] {
  return db
    .selectDistinct({ e: trail.entity })
    .from(trail)
    .orderBy(trail.entity)
    .all()
    .map((r) => r.e);
}
