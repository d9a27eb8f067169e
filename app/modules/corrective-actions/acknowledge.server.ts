import { eq } from "drizzle-orm";
import { caSignatures, correctiveActions } from "#db/schema";
import { ConflictError, PreconditionFailedError } from "~/lib/errors";
import { reauthenticate } from "../auth/reauthenticate.server";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { requireCapability, requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { contentHash, getActionInScopeOrThrow, getRequest, link, signedContent, validAcknowledgement } from "./common.server";
import { allows, statusAfterAcknowledgement } from "./rules";
import type { AcknowledgeInput } from "./schema";

/**
 * The leader's signed acknowledgement: re-entered password (checked before the transaction: scrypt is async and
 * slow), capacity, optional comment, and the SHA-256 of what was signed. A wrong password records nothing.
 */
export async function acknowledgeCorrectiveAction(ctx: Ctx, actionId: number, input: AcknowledgeInput) {
  requireCapability(ctx.actor, "ca.acknowledge");
  const me = requireUserActor(ctx.actor);
  getActionInScopeOrThrow(ctx.db, ctx, actionId);
  const account = await reauthenticate(ctx, me.id, input.password);
  return write(ctx, (tx) => {
    // Re-read inside the transaction: the action may have changed while the password was being checked.
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    if (!allows("acknowledge", a.status) || validAcknowledgement(tx, a)) throw new ConflictError("ca.errors.wrongStep");
    if (!getRequest(tx, a.findingId)?.rootCause) throw new PreconditionFailedError("ca.errors.requestFirst");
    const signature = tx
      .insert(caSignatures)
      .values({
        actionId,
        unitId: a.unitId,
        signerId: me.id,
        signerName: account.fullName,
        signerTitle: account.title,
        capacity: input.capacity,
        comment: input.comment ?? null,
        contentHash: contentHash(a),
        content: JSON.stringify(signedContent(a)),
        signedAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    const status = statusAfterAcknowledgement(a.startedAt);
    tx.update(correctiveActions).set({ status, updatedAt: ctx.now.getTime() }).where(eq(correctiveActions.id, actionId)).run();
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: actionId,
      action: "acknowledge",
      unitId: a.unitId,
      before: { status: a.status },
      after: { status, signatureId: signature.id, capacity: input.capacity, contentHash: signature.contentHash },
    });
    notify(tx, ctx, {
      recipients: [a.ownerId],
      kind: "ca.acknowledged",
      key: `ca:${a.id}:acknowledged:${signature.id}`,
      params: { id: a.id, leader: account.fullName },
      link: link(a.id),
      unitId: a.unitId,
    });
    return signature;
  });
}
