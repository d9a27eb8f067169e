import type { DB } from "#db/client";
import { vnDay } from "~/utils/time";
import { listUnitsInScope } from "./queries.server";
import { validOn } from "./rules";
import type { Scope } from "./scope.server";

/** The home page's view of a scope: how many units, which are active today, which are readable predecessors. */
export function scopeOverview(db: DB, scope: Scope, ownPath: string, now: Date) {
  const all = listUnitsInScope(db, scope, { limit: 5000 });
  const today = vnDay(now);
  const own = all.filter((u) => u.path.startsWith(ownPath));
  return {
    total: own.length,
    activeToday: own.filter((u) => validOn(u, today)).length,
    predecessors: all.filter((u) => !u.path.startsWith(ownPath)).map((u) => ({ id: u.id, name: u.name, validTo: u.validTo })),
    children: own.filter((u) => u.depth > 0 && u.path !== ownPath && u.path.slice(ownPath.length).split("/").length === 2 && validOn(u, today)),
  };
}
