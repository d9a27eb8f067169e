import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { users, units, type Role } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import { pathCondition, pathInScope, type Scope } from "../units/scope.server";

const publicColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  title: users.title,
  email: users.email,
  role: users.role,
  active: users.active,
  unitId: users.unitId,
  lockedUntil: users.lockedUntil,
  unitName: units.name,
  unitPath: units.path,
};

export function listUsersInScope(db: DB, scope: Scope, filter: { q?: string; role?: Role; unitId?: number } = {}) {
  const q = filter.q?.trim();
  return db
    .select(publicColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        pathCondition(scope),
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.unitId ? eq(users.unitId, filter.unitId) : undefined,
        q ? sql`(${users.fullName} LIKE ${"%" + q + "%"} OR ${users.username} LIKE ${"%" + q + "%"})` : undefined,
      ),
    )
    .orderBy(asc(units.path), asc(users.fullName))
    .limit(1000)
    .all();
}

export function getUserInScopeOrThrow(db: DB, scope: Scope, userId: number) {
  const row = Number.isSafeInteger(userId)
    ? db.select(publicColumns).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.id, userId)).get()
    : undefined;
  if (!row || !pathInScope(scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return row;
}
