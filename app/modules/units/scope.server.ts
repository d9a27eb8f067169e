import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { prepared, type DB } from "#db/client";
import { units } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Actor } from "../context";
import { cachedRead } from "../read-cache.server";

/**
 * What a person may read: their unit's subtree, plus (transitively) the units it was formed from and their
 * subtrees, so a commune formed on 1 July 2025 reads its predecessors' history. Never a sibling or a parent.
 * A scope is a short list of materialised-path prefixes; each is one indexed range scan.
 */
export type Scope = { prefixes: string[] };

/** Jobs and the system act everywhere. */
export const EVERYWHERE: Scope = { prefixes: ["/"] };

export function scopeForUnitPath(db: DB, rootPath: string): Scope {
  return scopeForRoots(db, [rootPath]);
}

/** The roots' subtrees plus (transitively) the units each was formed from, with their subtrees. */
function scopeForRoots(db: DB, rootPaths: string[]): Scope {
  const stmt = prepared(
    db,
    `WITH RECURSIVE preds(id) AS (
       SELECT l.predecessor_id FROM unit_lineage l JOIN units u ON u.id = l.unit_id WHERE u.path GLOB ?
       UNION
       SELECT l.predecessor_id FROM unit_lineage l JOIN preds p ON l.unit_id = p.id
     )
     SELECT u.path AS path FROM units u JOIN preds ON u.id = preds.id`,
  );
  const found = rootPaths.flatMap((root) => (stmt.all(`${root}*`) as { path: string }[]).map((r) => r.path));
  return { prefixes: normalisePrefixes([...rootPaths, ...found]) };
}

/**
 * The units formed (transitively, through the lineage) from a unit of this subtree: where the work of a unit that
 * has ended goes. Huyện Lai Vung's subtree → the four communes formed on 1 July 2025 from its communes.
 */
export function successorsOfSubtree(db: DB, rootPath: string) {
  return prepared(
    db,
    `WITH RECURSIVE succ(id) AS (
         SELECT l.unit_id FROM unit_lineage l JOIN units u ON u.id = l.predecessor_id WHERE u.path GLOB ?
         UNION
         SELECT l.unit_id FROM unit_lineage l JOIN succ s ON l.predecessor_id = s.id
       )
       SELECT u.id AS id, u.name AS name, u.path AS path, u.valid_from AS validFrom, u.valid_to AS validTo
       FROM units u JOIN succ ON u.id = succ.id WHERE u.path NOT GLOB ? ORDER BY u.path`,
  ).all(`${rootPath}*`, `${rootPath}*`) as { id: number; name: string; path: string; validFrom: string | null; validTo: string | null }[];
}

/** The unit at this path has ended before `day` (its validity's last day is earlier). */
export function unitEndedBefore(db: DB, unitPath: string, day: string): { validTo: string } | undefined {
  const row = prepared(db, `SELECT valid_to AS validTo FROM units WHERE path = ?`).get(unitPath) as { validTo: string | null } | undefined;
  return row?.validTo && row.validTo < day ? { validTo: row.validTo } : undefined;
}

/**
 * Where a person's work lies. A person whose unit has ended (a district dissolved on 30 June 2025) keeps reading its
 * history, and their work moves with the unit's successors: they read and act on the units formed from it, as the
 * successors' own people do (with the units those were formed from), until an administrator moves them.
 */
export function workRootsOf(db: DB, unitPath: string, day: string | undefined): string[] {
  if (!day || !unitEndedBefore(db, unitPath, day)) return [unitPath];
  return [unitPath, ...successorsOfSubtree(db, unitPath).map((s) => s.path)];
}

export function scopeFor(db: DB, actor: Actor, day?: string): Scope {
  if (actor.kind !== "user") return EVERYWHERE;
  const compute = () => scopeForRoots(db, workRootsOf(db, actor.unitPath, day));
  // Every request asks it, and it changes only with the unit tree (a trailed write) or the day: kept (read-cache).
  return day ? cachedRead({ db, today: day }, `scope|${actor.unitPath}`, compute) : compute();
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

/** A unit by id, prepared once per database (or transaction): every page about a unit asks it. */
const unitQueries = new WeakMap<DB, ReturnType<typeof prepareUnitQuery>>();
function prepareUnitQuery(db: DB) {
  return db
    .select()
    .from(units)
    .where(eq(units.id, sql.placeholder("id")))
    .prepare();
}

/**
 * The unit, if the scope reads it. Out of scope answers "not found", not "forbidden": a person must not learn
 * that a sibling's record exists.
 */
export function getUnitInScopeOrThrow(db: DB, scope: Scope, unitId: number) {
  let query = unitQueries.get(db);
  if (!query) unitQueries.set(db, (query = prepareUnitQuery(db)));
  const unit = Number.isSafeInteger(unitId) ? query.get({ id: unitId }) : undefined;
  if (!unit || !pathInScope(scope, unit.path)) throw new NotFoundError("errors.notFound");
  return unit;
}
