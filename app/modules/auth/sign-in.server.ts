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
 */
export async function signIn(
  db: DB,
  input: { username: string; password: string; ip: string; userAgent?: string; now: Date; sessionDays: number },
): Promise<SignInResult> {
  const now = input.now.getTime();
  const ipFailures =
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, input.ip), eq(loginAttempts.ok, false), gt(loginAttempts.at, now - IP_WINDOW_MS)))
      .get()?.n ?? 0;
  if (ipFailures >= IP_MAX_FAILURES) {
    db.insert(loginAttempts).values({ at: now, username: input.username, ip: input.ip, ok: false }).run();
    return { ok: false, reason: "ipThrottled", delayMs: 2000 };
  }

  const user = db.select().from(users).where(eq(users.username, input.username)).get();
  if (user && user.active && isLocked(user.lockedUntil, now)) {
    db.insert(loginAttempts).values({ at: now, username: input.username, ip: input.ip, ok: false }).run();
    return { ok: false, reason: "locked", delayMs: 1000, lockedUntil: user.lockedUntil! };
  }
  // Always run one scrypt, even for an unknown name, so timing does not tell which accounts exist.
  const good = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));

  if (!user || !user.active || !good) {
    const ctx = makeCtx(db, { kind: "system" as const, name: "sign-in" }, input.now);
    return write(ctx, (tx) => {
      tx.insert(loginAttempts).values({ at: now, username: input.username, ip: input.ip, ok: false }).run();
      if (!user || !user.active) return { ok: false as const, reason: "invalid" as const, delayMs: failureDelayMs(ipFailures + 1) };
      const failures = user.failedLogins + 1;
      const lockedUntil = lockAfter(failures, now);
      tx.update(users).set({ failedLogins: failures, lockedUntil }).where(eq(users.id, user.id)).run();
      if (lockedUntil) {
        recordTrail(tx, ctx, { entity: "user", entityId: user.id, action: "lock", unitId: user.unitId, after: { lockedUntil, failures } });
      }
      return {
        ok: false as const,
        reason: lockedUntil ? ("locked" as const) : ("invalid" as const),
        delayMs: failureDelayMs(failures),
        lockedUntil: lockedUntil ?? undefined,
      };
    });
  }

  db.insert(loginAttempts).values({ at: now, username: input.username, ip: input.ip, ok: true }).run();
  if (user.failedLogins || user.lockedUntil) db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
  const token = createSession(db, user.id, input.now, input.sessionDays, { ip: input.ip, userAgent: input.userAgent });
  return { ok: true, token, userId: user.id };
}
