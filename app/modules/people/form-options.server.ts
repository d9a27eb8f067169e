import type { Ctx } from "../context";
import { listUnitsInScope } from "../units/queries.server";
import { validOn } from "../units/rules";

/** Units an administrator may put an account in: their scope, units active today (plus the account's current one). */
export function userUnitOptions(ctx: Ctx, keepUnitId?: number) {
  return listUnitsInScope(ctx, { limit: 5000 })
    .filter((u) => validOn(u, ctx.today) || u.id === keepUnitId)
    .map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
}
