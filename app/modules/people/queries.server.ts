import { and, asc, count, desc, eq, type SQLWrapper } from "drizzle-orm";
import type { ListSort, SortKey } from "~/lib/list-sort";
import { users, units, type Role } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { textMatches } from "../search/match.server";
import { pathCondition, pathInScope } from "../units/scope.server";

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

export const USERS_PAGE_SIZE = 50;

const SORT_COLUMNS = { name: users.fullName, username: users.username, unit: units.name, role: users.role } satisfies Record<SortKey<"users">, SQLWrapper>;

/** Accounts of the units in scope (name or username matching q, accents ignored), by unit and name or in the asked order; one page. */
export function listUsersInScope(
  ctx: Ctx,
  filter: { q?: string; role?: Role; unitId?: number; page?: number } & Partial<ListSort<"users">> = {},
  pageSize = USERS_PAGE_SIZE,
) {
  const q = filter.q?.trim();
  const where = and(
    pathCondition(ctx.scope),
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.unitId ? eq(users.unitId, filter.unitId) : undefined,
    q ? textMatches(ctx, "users", users.id, q) : undefined,
  );
  const total = ctx.db.select({ n: count() }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const by = filter.dir === "desc" ? desc : asc;
  const rows = ctx.db
    .select(publicColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(...(filter.sort ? [by(SORT_COLUMNS[filter.sort]), by(users.id)] : [asc(units.name), asc(users.fullName), asc(users.id)]))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows, total, page, pages };
}

export function getUserInScopeOrThrow(ctx: Ctx, userId: number) {
  const row = Number.isSafeInteger(userId)
    ? ctx.db.select(publicColumns).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.id, userId)).get()
    : undefined;
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return row;
}
