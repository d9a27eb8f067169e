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
 * The attempt is counted before the password is checked, in one IMMEDIATE transaction (issue 16): 20 signatures
 * sent at once with wrong passwords get 5 checks, then the account is locked; a right password lifts the count.
 * Throws InvalidInputError with the error on `field`.
 */
export async function reauthenticate(ctx: Ctx, userId: number, password: string, field = "password") {
  const now = ctx.now.getTime();
  const reserved = write(ctx, (tx) => {
    const row = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!row || !row.active) return { refused: "errors.forbidden" as const };
    if (isLocked(row.lockedUntil, now)) return { refused: "auth.errors.locked" as const };
    const failures = row.failedLogins + 1;
    const lockedUntil = lockAfter(failures, now);
    tx.update(users).set({ failedLogins: failures, lockedUntil }).where(eq(users.id, userId)).run();
    return { refused: undefined, row, failures, lockedUntil };
  });
  if (reserved.refused) throw new InvalidInputError(reserved.refused, {}, { [field]: [reserved.refused] });
  const { row, failures, lockedUntil } = reserved;
  if (await verifyPassword(password, row.passwordHash)) {
    ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
    return { ...row, failedLogins: 0, lockedUntil: null };
  }
  if (lockedUntil) {
    write(ctx, (tx) => {
      const still = tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId)).get();
      if (still?.lockedUntil === lockedUntil)
        recordTrail(tx, ctx, { entity: "user", entityId: userId, action: "lock", unitId: row.unitId, after: { lockedUntil, failures, at: "signature" } });
    });
  }
  throw new InvalidInputError("ca.errors.wrongPassword", {}, { [field]: ["ca.errors.wrongPassword"] });
}
