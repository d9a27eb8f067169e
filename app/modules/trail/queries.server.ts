import { and, desc, eq, lt } from "drizzle-orm";
import type { DB } from "#db/client";
import { trail, units } from "#db/schema";
import { inScope, type Scope } from "../units/scope.server";

export type TrailEntry = typeof trail.$inferSelect & { unitName: string | null };

/**
 * Trail rows a scope may read: rows about units in scope. Rows with no unit (system events) are shown only to
 * a scope that covers everything. Keyset pagination by id keeps a page cheap however long the trail grows.
 */
export function listTrail(db: DB, scope: Scope, filter: { entity?: string; beforeId?: number; limit?: number } = {}) {
  const limit = Math.min(filter.limit ?? 50, 200);
  const everywhere = scope.prefixes.includes("/");
  const rows = db
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
  return { entries: page, nextBeforeId: rows.length > limit ? page[page.length - 1]!.id : undefined };
}

/** One record's own history (its page shows it). The caller has already checked the record is in scope. */
export function historyOf(db: DB, entity: string, entityId: string | number, limit = 100) {
  return db
    .select()
    .from(trail)
    .where(and(eq(trail.entity, entity), eq(trail.entityId, String(entityId))))
    .orderBy(desc(trail.id))
    .limit(limit)
    .all();
}

export function trailEntities(db: DB): string[] {
  return db
    .selectDistinct({ e: trail.entity })
    .from(trail)
    .orderBy(trail.entity)
    .all()
    .map((r) => r.e);
}
