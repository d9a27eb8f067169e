import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { notifications } from "#db/schema";
import type { Ctx } from "../context";
import { requireUserActor } from "../permissions";

const unreadQueries = new WeakMap<DB, ReturnType<typeof prepareUnread>>();
function prepareUnread(db: DB) {
  return db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare();
}

/** The header badge: the person's unread notices, one indexed count per page view (a statement prepared once per database handle). */
export function unreadCount(ctx: Ctx): number {
  const userId = requireUserActor(ctx.actor).id;
  let query = unreadQueries.get(ctx.db);
  if (!query) unreadQueries.set(ctx.db, (query = prepareUnread(ctx.db)));
  return query.get({ userId })?.n ?? 0;
}

/** The person's notices, newest first, one page at a time (`beforeId`: the last id of the previous page). */
export function listNotifications(ctx: Ctx, opts: { beforeId?: number; limit?: number; unreadOnly?: boolean } = {}) {
  const userId = requireUserActor(ctx.actor).id;
  const limit = Math.min(opts.limit ?? 30, 100);
  const rows = ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, userId),
        opts.beforeId ? lt(notifications.id, opts.beforeId) : undefined,
        opts.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string | number> }));
  return { items: page, nextBeforeId: rows.length > limit ? page[page.length - 1]!.id : undefined };
}
