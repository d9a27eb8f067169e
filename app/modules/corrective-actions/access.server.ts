import { eq } from "drizzle-orm";
import { caRequests, correctiveActions, findingGrades, findings, units } from "#db/schema";
import { ForbiddenError, NotFoundError } from "~/lib/errors";
import type { Actor, Ctx } from "../context";
import { can } from "../permissions";
import type { Reader } from "../tx.server";
import { pathInScope } from "../units/scope.server";

// What a corrective-action page or verb may read, and who may act on an action. The readers take the handle to
// read through first: the transaction inside a verb (`write`), or `ctx.db` outside one.

export type ActionRow = typeof correctiveActions.$inferSelect;

/** A finding the actor's scope reads, with its grade; out of scope is "not found". */
export function getFindingInScopeOrThrow(db: Reader, ctx: Ctx, findingId: number) {
  const row = db
    .select({
      f: findings,
      unitPath: units.path,
      unitName: units.name,
      requiresAction: findingGrades.requiresAction,
      gradeVi: findingGrades.nameVi,
      gradeEn: findingGrades.nameEn,
    })
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .where(eq(findings.id, findingId))
    .get();
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return row;
}

export function getActionInScopeOrThrow(db: Reader, ctx: Ctx, actionId: number) {
  const row = Number.isSafeInteger(actionId)
    ? db
        .select({ a: correctiveActions, unitPath: units.path })
        .from(correctiveActions)
        .innerJoin(units, eq(units.id, correctiveActions.unitId))
        .where(eq(correctiveActions.id, actionId))
        .get()
    : undefined;
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return row.a;
}

/** The corrective action request of a finding (read once the finding is known to be in scope). */
export function getRequest(db: Reader, findingId: number) {
  return db.select().from(caRequests).where(eq(caRequests.findingId, findingId)).get();
}

/** Owner or anyone who may write corrective actions (an officer recording on the owner's behalf). */
export function requireOwnerOrWriter(actor: Actor, a: ActionRow) {
  if (actor.kind !== "user") return;
  if (actor.id === a.ownerId || can(actor, "ca.write")) return;
  throw new ForbiddenError("errors.forbidden");
}

/** The person recorded as having acted: null for a job or the system. */
export function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}
