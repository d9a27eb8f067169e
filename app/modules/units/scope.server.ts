import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DB } from "#db/client";
import { units } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Actor } from "../context";

/**
 * What a person may read: their unit's subtree, plus (transitively) the units it was formed from and their
 * subtrees, so a commune formed on 1 July 2025 reads its predecessors' history. Never a sibling or a parent.
 * A scope is a short list of materialised-path prefixes; each is one indexed range scan.
 */
export type Scope = { prefixes: string[] };

/** Jobs and the system act everywhere. */
export const EVERYWHERE: Scope = { prefixes: ["/"] };

export function scopeForUnitPath(db: DB, rootPath: string): Scope {
  const rows = db.$client
    .prepare(
      `WITH RECURSIVE preds(id) AS (
         SELECT l.predecessor_id FROM unit_lineage l JOIN units u ON u.id = l.unit_id WHERE u.path GLOB ? || '*'
         UNION
         SELECT l.predecessor_id FROM unit_lineage l JOIN preds p ON l.unit_id = p.id
       )
       SELECT u.path AS path FROM units u JOIN preds ON u.id = preds.id`,
    )
    .all(rootPath) as { path: string }[];
  return { prefixes: normalisePrefixes([rootPath, ...rows.map((r) => r.path)]) };
}

export function scopeFor(db: DB, actor: Actor): Scope {
  return actor.kind === "user" ? scopeForUnitPath(db, actor.unitPath) : EVERYWHERE;
}

/** Drop prefixes already covered by a shorter one. */
export function normalisePrefixes(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of sorted) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out.sort();
}

export function pathInScope(scope: Scope, path: string): boolean {
  return scope.prefixes.some((p) => path.startsWith(p));
}

/** SQL condition on a units.path column (or an alias of it). */
export function pathCondition(scope: Scope, pathColumn: SQLWrapper = units.path): SQL {
  if (scope.prefixes.includes("/")) return sql`1 = 1`;
  const parts = scope.prefixes.map((p) => sql`${pathColumn} GLOB ${p + "*"}`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** `<unitIdColumn> IN (units in scope)`: the filter every list and count of unit-owned records uses. */
export function inScope(unitIdColumn: SQLWrapper, scope: Scope): SQL {
  if (scope.prefixes.includes("/")) return sql`1 = 1`;
  return sql`${unitIdColumn} IN (SELECT ${units.id} FROM ${units} WHERE ${pathCondition(scope)})`;
}

/**
 * The unit, if the scope reads it. Out of scope answers "not found", not "forbidden": a person must not learn
 * that a sibling's record exists.
 */
export function getUnitInScopeOrThrow(db: DB, scope: Scope, unitId: number) {
  const unit = Number.isSafeInteger(unitId) ? db.select().from(units).where(eq(units.id, unitId)).get() : undefined;
  if (!unit || !pathInScope(scope, unit.path)) throw new NotFoundError("errors.notFound");
  return unit;
}
