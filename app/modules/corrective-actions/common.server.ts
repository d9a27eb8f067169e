import { createHash } from "node:crypto";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { caRequests, caSignatures, correctiveActions, findingGrades, findings, unitLineage, units, users, type Role } from "#db/schema";
import { ForbiddenError, NotFoundError } from "~/lib/errors";
import type { Actor, Ctx } from "../context";
import { can } from "../permissions";
import type { Tx } from "../tx.server";
import { pathInScope } from "../units/scope.server";

type Reader = Tx | Ctx["db"];
export type ActionRow = typeof correctiveActions.$inferSelect;

/** What the leader signs: the action's text, owner and due date. Canonical JSON, then SHA-256. */
export function signedContent(a: Pick<ActionRow, "description" | "ownerId" | "dueOn">) {
  return { description: a.description, ownerId: a.ownerId, dueOn: a.dueOn };
}
export function contentHash(a: Pick<ActionRow, "description" | "ownerId" | "dueOn">): string {
  const c = signedContent(a);
  return createHash("sha256")
    .update(JSON.stringify([c.description, c.ownerId, c.dueOn]))
    .digest("hex");
}

/** The newest signature that still matches the action's content, if any: the acknowledgement that counts. */
export function validAcknowledgement(db: Reader, a: ActionRow) {
  const latest = db.select().from(caSignatures).where(eq(caSignatures.actionId, a.id)).orderBy(desc(caSignatures.id)).limit(1).get();
  return latest && latest.contentHash === contentHash(a) ? latest : undefined;
}

export function everAcknowledged(db: Reader, actionId: number): boolean {
  return !!db.select({ id: caSignatures.id }).from(caSignatures).where(eq(caSignatures.actionId, actionId)).limit(1).get();
}

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

export function getRequest(db: Reader, findingId: number) {
  return db.select().from(caRequests).where(eq(caRequests.findingId, findingId)).get();
}

/** Owner or anyone who may write corrective actions (an officer recording on the owner's behalf). */
export function requireOwnerOrWriter(actor: Actor, a: ActionRow) {
  if (actor.kind !== "user") return;
  if (actor.id === a.ownerId || can(actor, "ca.write")) return;
  throw new ForbiddenError("errors.forbidden");
}

/** The unit and the units formed from it (a finding of a merged commune is followed up by its successor). */
export function unitAndSuccessors(db: Reader, unitId: number): number[] {
  const succ = db.select({ id: unitLineage.unitId }).from(unitLineage).where(eq(unitLineage.predecessorId, unitId)).all();
  return [unitId, ...succ.map((s) => s.id)];
}

/** Active people with a role in the unit (or its successors). */
export function peopleOf(db: Reader, unitId: number, roles: Role[]): { id: number; fullName: string; title: string | null; role: Role }[] {
  return db
    .select({ id: users.id, fullName: users.fullName, title: users.title, role: users.role })
    .from(users)
    .where(and(inArray(users.unitId, unitAndSuccessors(db, unitId)), inArray(users.role, roles), eq(users.active, true)))
    .orderBy(users.fullName)
    .all();
}

/** Officers of the unit above (who hears about escalations). */
export function parentOfficers(db: Reader, unitId: number) {
  const unit = db.select({ parentId: units.parentId }).from(units).where(eq(units.id, unitId)).get();
  if (!unit?.parentId) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unit.parentId), eq(users.role, "officer"), eq(users.active, true)))
    .all()
    .map((u) => u.id);
}

/** Who may own an action of this unit: its active people (any role), or those of its successors. */
export function ownerChoices(db: Reader, unitId: number) {
  return db
    .select({ id: users.id, fullName: users.fullName, title: users.title })
    .from(users)
    .where(and(or(inArray(users.unitId, unitAndSuccessors(db, unitId))), eq(users.active, true), sql`${users.role} <> 'admin'`))
    .orderBy(users.fullName)
    .all();
}

export function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

export const link = (actionId: number) => `/corrective-actions/${actionId}`;
