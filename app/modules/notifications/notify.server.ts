import type { NotificationKind } from "#db/schema";
import { notifications } from "#db/schema";
import type { Ctx } from "../context";
import type { Tx } from "../tx.server";

export type NotifyInput = {
  recipients: Iterable<number>;
  kind: NotificationKind;
  /** Unique per recipient: the same key never notifies the same person twice (jobs re-run, days repeat). */
  key: string;
  params?: Record<string, string | number>;
  link?: string;
  unitId?: number | null;
};

/**
 * Insert one notification per recipient inside the caller's transaction (so it commits with the change it
 * reports). Returns how many were new; a recipient who already has this key is skipped silently.
 */
export function notify(tx: Tx, ctx: Pick<Ctx, "now">, input: NotifyInput): number {
  let inserted = 0;
  const params = JSON.stringify(input.params ?? {});
  for (const recipientId of new Set(input.recipients)) {
    const r = tx
      .insert(notifications)
      .values({
        recipientId,
        kind: input.kind,
        params,
        link: input.link ?? null,
        unitId: input.unitId ?? null,
        dedupeKey: input.key,
        createdAt: ctx.now.getTime(),
      })
      .onConflictDoNothing({ target: [notifications.recipientId, notifications.dedupeKey] })
      .run();
    inserted += r.changes;
  }
  return inserted;
}
