import { makeCtx } from "../context.server";
import { and, count, eq, gt } from "drizzle-orm";
import type { DB } from "#db/client";
import { loginAttempts, users } from "#db/schema";
import { dummyHash, verifyPassword } from "./password.server";
import { failureDelayMs, IP_MAX_FAILURES, IP_WINDOW_MS, isLocked, lockAfter } from "./rules";
import { createSession } from "./sessions.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";

export type SignInResult =
  { ok: true; token: string; userId: number } | { ok: false; reason: "invalid" | "locked" | "ipThrottled"; delayMs: number; lockedUntil?: number };

/**
 * Check a username and password. Failures are counted per account (lock after 5 for 15 minutes) and per
 * address (30 failures in 15 minutes); the caller waits `delayMs` before answering a failure.
 *
 * The count is taken before the password is checked, atomically (issue 16): one IMMEDIATE transaction reserves
 * the attempt (an address row counted as a failure until it succeeds, and the account's failure counter raised,
 * locking the account as the 5th attempt starts), and refuses when either is over its limit. Only then does the slow
 * scrypt run, so 40 guesses sent at once get 5 checks for one account and 30 for one address, never 40; a success
 * releases the reservation (the address row marked ok, the account's counter back to 0).
 */
export async function signIn(
  db: DB,
  input: { username: string; password: string; ip: string; userAgent?: string; now: Date; sessionDays: number },
): Promise<SignInResult> {
  const now = input.now.getTime();
  const ctx = makeCtx(db, { kind: "system" as const, name: "sign-in" }, input.now);
  const attempt = write(ctx, (tx) => {
    const refuse = () => tx.insert(loginAttempts).values({ at: now, username: input.username, ip: input.ip, ok: false }).run();
    const ipFailures =
      tx
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.ip, input.ip), eq(loginAttempts.ok, false), gt(loginAttempts.at, now - IP_WINDOW_MS)))
        .get()?.n ?? 0;
    if (ipFailures >= IP_MAX_FAILURES) {
      refuse();
      return { refused: "ipThrottled" as const };
    }
    const user = tx.select().from(users).where(eq(users.username, input.username)).get();
    const known = user && user.active ? user : undefined;
    if (known && isLocked(known.lockedUntil, now)) {
      refuse();
      return { refused: "locked" as const, lockedUntil: known.lockedUntil! };
    }
    let failures = 0;
    let lockedUntil: number | null = null;
    if (known) {
      failures = known.failedLogins + 1;
      lockedUntil = lockAfter(failures, now);
      tx.update(users).set({ failedLogins: failures, lockedUntil }).where(eq(users.id, known.id)).run();
    }
    const row = tx.insert(loginAttempts).values({ at: now, username: input.username, ip: input.ip, ok: false }).returning({ id: loginAttempts.id }).get();
    return { refused: undefined, attemptId: row.id, user, known, failures, lockedUntil, ipFailures: ipFailures + 1 };
  });
  if (attempt.refused === "ipThrottled") return { ok: false, reason: "ipThrottled", delayMs: 2000 };
  if (attempt.refused === "locked") return { ok: false, reason: "locked", delayMs: 1000, lockedUntil: attempt.lockedUntil };
  const { user, known, failures, lockedUntil } = attempt;

  // Always run one scrypt, even for an unknown name, so timing does not tell which accounts exist.
  const good = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));

  if (!known || !good) {
    if (!known) return { ok: false, reason: "invalid", delayMs: failureDelayMs(attempt.ipFailures) };
    if (lockedUntil) {
      write(ctx, (tx) => {
        // The lock placed when this 5th attempt started stands (a success meanwhile would have lifted it).
        const still = tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, known.id)).get();
        if (still?.lockedUntil === lockedUntil)
          recordTrail(tx, ctx, { entity: "user", entityId: known.id, action: "lock", unitId: known.unitId, after: { lockedUntil, failures } });
      });
    }
    return { ok: false, reason: lockedUntil ? "locked" : "invalid", delayMs: failureDelayMs(failures), lockedUntil: lockedUntil ?? undefined };
  }

  write(ctx, (tx) => {
    tx.update(loginAttempts).set({ ok: true }).where(eq(loginAttempts.id, attempt.attemptId)).run();
    tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, known.id)).run();
  });
  const token = createSession(db, known.id, input.now, input.sessionDays, { ip: input.ip, userAgent: input.userAgent });
  return { ok: true, token, userId: known.id };
}
