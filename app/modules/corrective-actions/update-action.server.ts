import { eq } from "drizzle-orm";
import { correctiveActions } from "#db/schema";
import { ConflictError, InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { askForAcknowledgement, checkDueOn, checkOwner } from "./add-action.server";
import { contentHash, everAcknowledged, getActionInScopeOrThrow, validAcknowledgement } from "./common.server";
import { allows, statusAfterContentChange } from "./rules";
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
    if (!allows("edit", before.status)) throw new ConflictError("ca.errors.wrongStep");
    if (input.dueOn !== before.dueOn) {
      if (everAcknowledged(tx, actionId)) throw new InvalidInputError("errors.invalid", {}, { dueOn: ["ca.errors.dueViaExtension"] });
      checkDueOn(ctx, input.dueOn);
    }
    if (input.ownerId !== before.ownerId) checkOwner(tx, before.unitId, input.ownerId);
    const hadValidAck = !!validAcknowledgement(tx, before);
    const changed = contentHash(before) !== contentHash(input);
    const status = changed ? statusAfterContentChange(before.status, hadValidAck) : before.status;
    const after = tx
      .update(correctiveActions)
      .set({ description: input.description, ownerId: input.ownerId, dueOn: input.dueOn, status, updatedAt: ctx.now.getTime() })
      .where(eq(correctiveActions.id, actionId))
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: actionId,
      action: hadValidAck && changed ? "edit-voids-acknowledgement" : "edit",
      unitId: before.unitId,
      before,
      after,
    });
    if (changed && status === "proposed") askForAcknowledgement(tx, ctx, after);
    return after;
  });
}
