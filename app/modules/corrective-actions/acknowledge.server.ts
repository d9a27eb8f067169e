import { eq } from "drizzle-orm";
import { caSignatures, correctiveActions } from "#db/schema";
import { ConflictError, InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import { capacitiesFor, standingOf } from "./capacity";
import { reauthenticate } from "../auth/reauthenticate.server";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { requireCapability, requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import { getActionInScopeOrThrow, getRequest } from "./access.server";
import { requireStep } from "./guard.server";
import { link } from "./notices";
import { acknowledgementSnapshot, sha256, signatureRowHash, snapshotJson } from "./signatures.server";
import { statusAfterAcknowledgement } from "./rules";
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
  return writeOnce(ctx, (tx) => {
    // Re-read inside the transaction: the action may have changed while the password was being checked.
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    requireStep(tx, ctx.actor, "acknowledge", a);
    // Decree 30: the head signs in their own title or TM., a deputy KT., delegated staff TL./TUQ.
    if (!capacitiesFor(standingOf(account.title)).includes(input.capacity)) {
      throw new InvalidInputError("errors.invalid", {}, { capacity: ["ca.errors.capacityNotAllowed"] });
    }
    if (!getRequest(tx, a.findingId)?.rootCause) throw new PreconditionFailedError("ca.errors.requestFirst");
    // What is signed is the snapshot the signing page showed: finding, correction, root cause, every action (issue 15).
    const content = snapshotJson(acknowledgementSnapshot(tx, a));
    const hash = sha256(content);
    if (input.shownHash && input.shownHash !== hash) throw new ConflictError("ca.errors.contentChangedSinceShown");
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
        contentHash: hash,
        content,
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
      // The signature row's own hash: the trail's chain covers the row (an inserted or rewritten one is named).
      after: { status, signatureId: signature.id, capacity: input.capacity, contentHash: signature.contentHash, signatureHash: signatureRowHash(signature) },
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
