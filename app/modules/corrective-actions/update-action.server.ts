import { eq } from "drizzle-orm";
import { correctiveActions, findings } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { askForAcknowledgement, checkDueOn, checkOwner, lateReasonFor } from "./add-action.server";
import { getActionInScopeOrThrow } from "./access.server";
import { requireStep } from "./guard.server";
import { contentHash, everAcknowledged, validAcknowledgement } from "./signatures.server";
import { resyncAcknowledgements } from "./resync.server";
import type { ActionInput } from "./schema";

/**
 * Edit an action's text, owner or (before any acknowledgement) its due date. Once acknowledged, the due date
 * moves only through an extension request; a changed text or owner voids the acknowledgement and the action
 * waits for the leader again.
 */
export function updateCorrectiveAction(ctx: Ctx, actionId: number, input: ActionInput) {
  requireCapability(ctx.actor, "ca.write");
  return write(ctx, (tx) => {
    const before = getActionInScopeOrThrow(tx, ctx, actionId);
    requireStep(tx, ctx.actor, "edit", before);
    if (input.dueOn !== before.dueOn) {
      if (everAcknowledged(tx, actionId)) throw new InvalidInputError("errors.invalid", {}, { dueOn: ["ca.errors.dueViaExtension"] });
      checkDueOn(ctx, input.dueOn);
    }
    if (input.ownerId !== before.ownerId) checkOwner(tx, before.unitId, input.ownerId);
    const finding = tx.select({ actionDueOn: findings.actionDueOn }).from(findings).where(eq(findings.id, before.findingId)).get()!;
    const lateReason = lateReasonFor(finding, input.dueOn, input.lateReason ?? before.lateReason);
    const hadValidAck = !!validAcknowledgement(tx, before);
    const changed = contentHash(before) !== contentHash(input);
    const updated = tx
      .update(correctiveActions)
      .set({ description: input.description, ownerId: input.ownerId, dueOn: input.dueOn, lateReason, updatedAt: ctx.now.getTime() })
      .where(eq(correctiveActions.id, actionId))
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: actionId,
      action: hadValidAck && changed ? "edit-voids-acknowledgement" : "edit",
      unitId: before.unitId,
      before,
      after: updated,
    });
    if (changed && !everAcknowledged(tx, actionId)) askForAcknowledgement(tx, ctx, updated);
    // The status follows the signature: voided by a change, back again when the change is reverted (resync.server.ts).
    resyncAcknowledgements(tx, ctx, before.findingId);
    return tx.select().from(correctiveActions).where(eq(correctiveActions.id, actionId)).get()!;
  });
}
