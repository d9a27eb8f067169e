import { and, eq, isNotNull, lt, ne } from "drizzle-orm";
import { sessions, units, users } from "#db/schema";
import { InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail, redact } from "../trail/record.server";
import { write } from "../tx.server";
import { pathCondition, pathInScope, successorsOfSubtree } from "../units/scope.server";
import { validOn } from "../units/rules";

/**
 * Active accounts whose unit has ended (a district dissolved on 30 June 2025), each with the units formed from it
 * that exist today: who the administrator must move, and where to. Their work already follows the lineage
 * (scope.server.ts); moving them makes their own unit say so.
 */
export function accountsOfEndedUnits(ctx: Ctx) {
  requireCapability(ctx.actor, "users.manage");
  const rows = ctx.db
    .select({
      id: users.id,
      fullName: users.fullName,
      username: users.username,
      role: users.role,
      unitName: units.name,
      unitPath: units.path,
      validTo: units.validTo,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.active, true), ne(users.role, "admin"), isNotNull(units.validTo), lt(units.validTo, ctx.today), pathCondition(ctx.scope)))
    .orderBy(units.path, users.fullName)
    .all();
  return rows.map(({ unitPath, ...r }) => ({
    ...r,
    successors: successorsOfSubtree(ctx.db, unitPath)
      .filter((s) => validOn(s, ctx.today) && pathInScope(ctx.scope, s.path))
      .map((s) => ({ id: s.id, name: s.name })),
  }));
}

/** Move one account of an ended unit to a unit formed from it (one action, one trail row; their sessions end). */
export function moveToSuccessor(ctx: Ctx, userId: number, unitId: number) {
  requireCapability(ctx.actor, "users.manage");
  return write(ctx, (tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).get();
    const from = before ? tx.select().from(units).where(eq(units.id, before.unitId)).get() : undefined;
    if (!before || !from || !pathInScope(ctx.scope, from.path)) throw new NotFoundError("errors.notFound");
    if (!from.validTo || from.validTo >= ctx.today) throw new PreconditionFailedError("people.toMove.errors.notEnded");
    const target = successorsOfSubtree(ctx.db, from.path).find((s) => s.id === unitId);
    if (!target || !validOn(target, ctx.today) || !pathInScope(ctx.scope, target.path))
      throw new InvalidInputError("people.toMove.errors.notSuccessor", {}, { unitId: ["people.toMove.errors.notSuccessor"] });
    const after = tx.update(users).set({ unitId, updatedAt: ctx.now.getTime() }).where(eq(users.id, userId)).returning().get();
    // What the person may see changes: their sessions end so it takes effect now.
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordTrail(tx, ctx, {
      entity: "user",
      entityId: userId,
      action: "update",
      unitId,
      before: redact(before),
      after: redact(after),
    });
    return { name: after.fullName, unit: target.name };
  });
}
