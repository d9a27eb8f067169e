import { eq } from "drizzle-orm";
import { sessions, units, users } from "#db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { hashPassword } from "../auth/password.server";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail, redact } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { getUnitInScopeOrThrow, pathInScope } from "../units/scope.server";
import type { UserInput } from "./schema";

function checkUnit(ctx: Ctx, unitId: number) {
  try {
    return getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  } catch {
    throw new InvalidInputError("errors.invalid", {}, { unitId: ["errors.choose"] });
  }
}

/** The account, if it belongs to a unit the actor administers. */
function getManagedUserOrThrow(tx: Tx, ctx: Ctx, userId: number) {
  const scope = ctx.scope;
  const row = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw new NotFoundError("errors.notFound");
  const unit = getUnitOf(tx, row.unitId);
  if (!unit || !pathInScope(scope, unit.path)) throw new NotFoundError("errors.notFound");
  return row;
}

function getUnitOf(tx: Tx, unitId: number) {
  return tx.select().from(units).where(eq(units.id, unitId)).get();
}

export async function createUser(ctx: Ctx, input: UserInput & { password: string }) {
  requireCapability(ctx.actor, "users.manage");
  checkUnit(ctx, input.unitId);
  const passwordHash = await hashPassword(input.password); // slow and async: outside the transaction
  return writeOnce(ctx, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      throw new ConflictError("errors.invalid", {}, { username: ["people.errors.usernameTaken"] });
    }
    const now = ctx.now.getTime();
    const row = tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        title: input.title ?? null,
        email: input.email ?? null,
        unitId: input.unitId,
        role: input.role,
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "user", entityId: row.id, action: "create", unitId: row.unitId, after: redact(row) });
    return row;
  });
}

export function updateUser(ctx: Ctx, userId: number, input: UserInput) {
  requireCapability(ctx.actor, "users.manage");
  checkUnit(ctx, input.unitId);
  return write(ctx, (tx) => {
    const before = getManagedUserOrThrow(tx, ctx, userId);
    const clash = tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
    if (clash && clash.id !== userId) throw new ConflictError("errors.invalid", {}, { username: ["people.errors.usernameTaken"] });
    const after = tx
      .update(users)
      .set({ ...input, title: input.title ?? null, email: input.email ?? null, updatedAt: ctx.now.getTime() })
      .where(eq(users.id, userId))
      .returning()
      .get();
    // A change of unit or role changes what the person may see: end their sessions so it takes effect now.
    if (before.unitId !== after.unitId || before.role !== after.role) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordTrail(tx, ctx, { entity: "user", entityId: userId, action: "update", unitId: after.unitId, before: redact(before), after: redact(after) });
    return after;
  });
}

export async function resetPassword(ctx: Ctx, userId: number, password: string) {
  requireCapability(ctx.actor, "users.manage");
  const passwordHash = await hashPassword(password);
  return write(ctx, (tx) => {
    const before = getManagedUserOrThrow(tx, ctx, userId);
    const now = ctx.now.getTime();
    tx.update(users).set({ passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordTrail(tx, ctx, { entity: "user", entityId: userId, action: "reset-password", unitId: before.unitId });
  });
}

export function setUserActive(ctx: Ctx, userId: number, active: boolean) {
  requireCapability(ctx.actor, "users.manage");
  if (ctx.actor.kind === "user" && ctx.actor.id === userId && !active) {
    throw new InvalidInputError("people.errors.selfDeactivate");
  }
  return write(ctx, (tx) => {
    const before = getManagedUserOrThrow(tx, ctx, userId);
    tx.update(users).set({ active, failedLogins: 0, lockedUntil: null, updatedAt: ctx.now.getTime() }).where(eq(users.id, userId)).run();
    if (!active) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordTrail(tx, ctx, {
      entity: "user",
      entityId: userId,
      action: active ? "activate" : "deactivate",
      unitId: before.unitId,
      before: { active: before.active },
      after: { active },
    });
  });
}
