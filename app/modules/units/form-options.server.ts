import type { Ctx } from "../context";
import { listUnitsInScope } from "./queries.server";

/** Choices for the unit form: parents and predecessors come from the admin's own scope only. */
export function unitFormOptions(ctx: Ctx, excludeSubtreeOf?: string) {
  const all = listUnitsInScope(ctx, { limit: 5000 }).map((u) => ({ id: u.id, name: u.name, code: u.code, depth: u.depth, path: u.path, kind: u.kind }));
  const parents = all
    .filter((u) => !excludeSubtreeOf || !u.path.startsWith(excludeSubtreeOf))
    .filter((u) => ["ministry", "province", "district"].includes(u.kind));
  const predecessorChoices = all.filter((u) => !excludeSubtreeOf || u.path !== excludeSubtreeOf);
  const strip = ({ path: _p, kind: _k, ...rest }: (typeof all)[number]) => rest;
  return { parents: parents.map(strip), predecessorChoices: predecessorChoices.map(strip) };
}
