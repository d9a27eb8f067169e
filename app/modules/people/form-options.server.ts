import type { DB } from "#db/client";
import { listUnitsInScope } from "../units/queries.server";
import { validOn } from "../units/rules";
import type { Scope } from "../units/scope.server";
import { vnDay } from "~/lib/time";

/** Units an administrator may put an account in: their scope, units active today (plus the account's current one). */
export function userUnitOptions(db: DB, scope: Scope, now: Date, keepUnitId?: number) {
  const today = vnDay(now);
  return listUnitsInScope(db, scope, { limit: 5000 })
    .filter((u) => validOn(u, today) || u.id === keepUnitId)
    .map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
}
