import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireUserActor } from "../permissions";
import { write } from "../tx.server";

// why no trail row: reading one's own notification changes no record of the quality system; logging every
// click would bury the trail's real changes.

/** Mark one of one's own notifications read; returns its link (where the person wanted to go). */
export function openNotification(ctx: Ctx, id: number): string | null {
  const me = requireUserActor(ctx.actor);
  return write(ctx, (tx) => {
    const row = tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.recipientId, me.id)))
      .get();
    if (!row) throw new NotFoundError("errors.notFound");
    if (!row.readAt) tx.update(notifications).set({ readAt: ctx.now.getTime() }).where(eq(notifications.id, id)).run();
    return row.link;
  });
}

export function markAllRead(ctx: Ctx): number {
  const me = requireUserActor(ctx.actor);
  return write(
    ctx,
    (tx) =>
      tx
        .update(notifications)
        .set({ readAt: ctx.now.getTime() })
        .where(and(eq(notifications.recipientId, me.id), isNull(notifications.readAt)))
        .run().changes,
  );
}
