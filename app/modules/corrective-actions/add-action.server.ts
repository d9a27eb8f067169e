import { correctiveActions } from "#db/schema";
import { ConflictError, InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { actorId, getFindingInScopeOrThrow, getRequest, type ActionRow } from "./access.server";
import { link } from "./notices";
import { acknowledgementSnapshot, sha256, snapshotJson } from "./signatures.server";
import { resyncAcknowledgements } from "./resync.server";
import { ownerChoices, peopleOf } from "./unit-people.server";
import type { ActionInput } from "./schema";

export function checkOwner(tx: Tx, unitId: number, ownerId: number) {
  if (!ownerChoices(tx, unitId).some((o) => o.id === ownerId)) throw new InvalidInputError("errors.invalid", {}, { ownerId: ["ca.errors.owner"] });
}

export function checkDueOn(ctx: Ctx, dueOn: string, field = "dueOn") {
  if (dueOn < ctx.today) throw new InvalidInputError("errors.invalid", {}, { [field]: ["ca.errors.dueInPast"] });
}

/**
 * An action due after its finding's deadline (the law's two months for an inspection, the unit's policy
 * otherwise) needs a stated reason; it is kept on the action and shown to the leader who signs.
 */
export function lateReasonFor(f: { actionDueOn: string | null }, dueOn: string, reason: string | undefined | null): string | null {
  if (!f.actionDueOn || dueOn <= f.actionDueOn) return null;
  const r = reason?.trim();
  if (!r) throw new InvalidInputError("errors.invalid", {}, { lateReason: ["ca.errors.lateReasonRequired"] });
  return r;
}

/** Tell the unit's leaders an action waits for their (new) acknowledgement; once per content version. */
export function askForAcknowledgement(tx: Tx, ctx: Ctx, a: ActionRow) {
  notify(tx, ctx, {
    recipients: peopleOf(tx, a.unitId, ["leader"]).map((p) => p.id),
    kind: "ca.ack_requested",
    key: `ca:${a.id}:ack:${sha256(snapshotJson(acknowledgementSnapshot(tx, a))).slice(0, 16)}`,
    params: { id: a.id, description: a.description.slice(0, 120) },
    link: link(a.id),
    unitId: a.unitId,
  });
}

/** Propose one corrective action for a finding (it then waits for the leader's acknowledgement). */
export function addCorrectiveAction(ctx: Ctx, findingId: number, input: ActionInput) {
  requireCapability(ctx.actor, "ca.write");
  return writeOnce(ctx, (tx) => {
    const { f } = getFindingInScopeOrThrow(tx, ctx, findingId);
    if (f.status !== "open") throw new ConflictError("ca.errors.findingClosed");
    const request = getRequest(tx, findingId);
    if (!request?.rootCause) throw new PreconditionFailedError("ca.errors.requestFirst");
    checkOwner(tx, f.unitId, input.ownerId);
    checkDueOn(ctx, input.dueOn);
    const lateReason = lateReasonFor(f, input.dueOn, input.lateReason);
    const t = ctx.now.getTime();
    const row = tx
      .insert(correctiveActions)
      .values({
        requestId: request.id,
        findingId,
        unitId: f.unitId,
        description: input.description,
        ownerId: input.ownerId,
        dueOn: input.dueOn,
        lateReason,
        status: "proposed",
        createdById: actorId(ctx.actor),
        createdAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "corrective_action", entityId: row.id, action: "propose", unitId: f.unitId, after: row });
    askForAcknowledgement(tx, ctx, row);
    // A new action changes what the leader signed for the finding's other actions (issue 15).
    resyncAcknowledgements(tx, ctx, findingId);
    return row;
  });
}
