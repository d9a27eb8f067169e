import { eq } from "drizzle-orm";
import { caExtensions, correctiveActions } from "#db/schema";
import { ConflictError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { noticeDeadlineMoved, signersOf } from "../notifications/events.server";
import { requireCapability, requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { getActionInScopeOrThrow } from "./access.server";
import { link } from "./notices";
import { resyncAcknowledgements } from "./resync.server";
import { isPending } from "./rules";

/**
 * The leader approves or refuses an extension request (recorded either way). Approval moves the due date, which
 * changes the signed content: the acknowledgement no longer counts and the action waits for a new one.
 */
export function decideExtension(ctx: Ctx, actionId: number, input: { extensionId: number; decision: "approve" | "refuse"; note?: string }) {
  requireCapability(ctx.actor, "ca.acknowledge");
  const me = requireUserActor(ctx.actor);
  return write(ctx, (tx) => {
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    const ext = tx.select().from(caExtensions).where(eq(caExtensions.id, input.extensionId)).get();
    if (!ext || ext.actionId !== a.id) throw new NotFoundError("errors.notFound");
    if (ext.status !== "pending") throw new ConflictError("ca.errors.extensionDecided");
    if (input.decision === "approve" && !isPending(a.status)) throw new ConflictError("ca.errors.wrongStep");
    const t = ctx.now.getTime();
    const status = input.decision === "approve" ? "approved" : "refused";
    const decided = tx
      .update(caExtensions)
      .set({ status, decidedById: me.id, decidedAt: t, decisionNote: input.note ?? null })
      .where(eq(caExtensions.id, ext.id))
      .returning()
      .get();
    let after = a;
    if (status === "approved") {
      tx.update(correctiveActions).set({ dueOn: ext.proposedDueOn, overdueSince: null, updatedAt: t }).where(eq(correctiveActions.id, a.id)).run();
      // The due date is part of what was signed: the signature no longer counts (resync.server.ts).
      resyncAcknowledgements(tx, ctx, a.findingId);
      after = tx.select().from(correctiveActions).where(eq(correctiveActions.id, a.id)).get()!;
      noticeDeadlineMoved(tx, ctx, {
        recipients: [a.ownerId, ...signersOf(tx, a.id)].filter((id): id is number => typeof id === "number"),
        what: { key: "notifications.what.action", params: { id: a.id } },
        from: a.dueOn,
        to: ext.proposedDueOn,
        key: `ca:${a.id}`,
        link: link(a.id),
        unitId: a.unitId,
      });
    }
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: a.id,
      action: input.decision === "approve" ? "extension-approve" : "extension-refuse",
      unitId: a.unitId,
      before: { dueOn: a.dueOn, status: a.status },
      after: { dueOn: after.dueOn, status: after.status, extensionId: ext.id, note: input.note ?? null },
    });
    notify(tx, ctx, {
      recipients: [ext.requestedById, a.ownerId],
      kind: "ca.extension_decided",
      key: `ca:${a.id}:extension-decided:${ext.id}`,
      params: { id: a.id, decision: status, to: ext.proposedDueOn },
      link: link(a.id),
      unitId: a.unitId,
    });
    return decided;
  });
}
