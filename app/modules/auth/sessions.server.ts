import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, ne, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { sessions, units, users } from "#db/schema";
import type { UserActor } from "../context";

const DAY = 24 * 60 * 60 * 1000;

export function tokenId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createSession(db: DB, userId: number, now: Date, days: number, meta: { ip?: string; userAgent?: string } = {}) {
  const token = randomBytes(32).toString("base64url");
  const t = now.getTime();
  db.insert(sessions)
    .values({
      id: tokenId(token),
      userId,
      createdAt: t,
      lastSeenAt: t,
      expiresAt: t + days * DAY,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .run();
  return token;
}

export type SessionUser = UserActor & { sessionId: string; title: string | null; unitName: string; unitKind: string; mustChangePassword: boolean };

/** The signed-in person for a cookie token, or undefined when the session is unknown, expired or the account inactive. */
// Every request asks for its session: the statement is built and prepared once per database handle.
const sessionQueries = new WeakMap<DB, ReturnType<typeof prepareSessionQuery>>();
function prepareSessionQuery(db: DB) {
  return db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      username: users.username,
      name: users.fullName,
      title: users.title,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      unitId: users.unitId,
      unitPath: units.path,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare();
}

export function getSessionUser(db: DB, token: string, now: Date, days: number): SessionUser | undefined {
  const id = tokenId(token);
  let query = sessionQueries.get(db);
  if (!query) sessionQueries.set(db, (query = prepareSessionQuery(db)));
  const row = query.get({ id });
  const t = now.getTime();
  if (!row || !row.active || row.expiresAt <= t) return undefined;
  // Sliding expiry, written at most once an hour so reads stay reads.
  if (t - row.lastSeenAt > 60 * 60 * 1000) {
    db.update(sessions)
      .set({ lastSeenAt: t, expiresAt: t + days * DAY })
      .where(eq(sessions.id, id))
      .run();
  }
  const { expiresAt: _e, lastSeenAt: _l, active: _a, ...user } = row;
  return { kind: "user", ...user };
}

export function deleteSession(db: DB, token: string) {
  db.delete(sessions)
    .where(eq(sessions.id, tokenId(token)))
    .run();
}

export function deleteOtherSessions(db: Pick<DB, "delete">, userId: number, keepSessionId: string) {
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .run();
}

export function purgeExpiredSessions(db: DB, now: Date) {
  return db.delete(sessions).where(lt(sessions.expiresAt, now.getTime())).run().changes;
}
