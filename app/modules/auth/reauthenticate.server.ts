import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { verifyPassword } from "./password.server";
import { isLocked, lockAfter } from "./rules";

/**
 * Re-enter one's password to sign (a leader's acknowledgement). Wrong passwords count against the same lock as
 * sign-in (5 failures: 15 minutes), so a session left open on a phone cannot be used to guess it.
 * Throws InvalidInputError with the error on `field`.
 */
export async function reauthenticate(ctx: Ctx, userId: number, password: string, field = "password") {
  const row = ctx.db.select().from(users).where(eq(users.id, userId)).get();
  const now = ctx.now.getTime();
  if (!row || !row.active) throw new InvalidInputError("errors.forbidden", {}, { [field]: ["errors.forbidden"] });
  if (isLocked(row.lockedUntil, now)) throw new InvalidInputError("auth.errors.locked", {}, { [field]: ["auth.errors.locked"] });
  if (await verifyPassword(password, row.passwordHash)) {
    if (row.failedLogins) ctx.db.update(users).set({ failedLogins: 0 }).where(eq(users.id, userId)).run();
    return row;
  }
  write(ctx, (tx) => {
    const failures = row.failedLogins + 1;
    const lockedUntil = lockAfter(failures, now);
    tx.update(users).set({ failedLogins: failures, lockedUntil }).where(eq(users.id, userId)).run();
    if (lockedUntil)
      recordTrail(tx, ctx, { entity: "user", entityId: userId, action: "lock", unitId: row.unitId, after: { lockedUntil, failures, at: "signature" } });
  });
  throw new InvalidInputError("ca.errors.wrongPassword", {}, { [field]: ["ca.errors.wrongPassword"] });
}
