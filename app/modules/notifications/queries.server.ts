import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { notifications } from "#db/schema";

const unreadQueries = new WeakMap<DB, ReturnType<typeof prepareUnread>>();
function prepareUnread(db: DB) {
  return db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare();
}

/** The header badge: one indexed count per page view (a statement prepared once per database handle). */
export function unreadCount(db: DB, userId: number): number {
  let query = unreadQueries.get(db);
  if (!query) unreadQueries.set(db, (query = prepareUnread(db)));
  return query.get({ userId })?.n ?? 0;
}

export function listNotifications(db: DB, userId: number, opts: { beforeId?: number; limit?: number; unreadOnly?: boolean } = {}) {
  const limit = Math.min(opts.limit ?? 30, 100);
  const rows = db
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
