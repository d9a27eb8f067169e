import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import type { DB } from "#db/client";
import { notifications } from "#db/schema";

/** The header badge: one indexed count per page view. */
export function unreadCount(db: DB, userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
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
