import { caExtensions } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import { getActionInScopeOrThrow } from "./access.server";
import { requireStep } from "./guard.server";
import { link } from "./notices";
import { peopleOf } from "./unit-people.server";

/** Ask the leader for a later due date (the only way a due date moves once the action was acknowledged). */
export function requestExtension(ctx: Ctx, actionId: number, input: { proposedDueOn: string; reason: string }) {
  const me = requireUserActor(ctx.actor);
  return writeOnce(ctx, (tx) => {
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    requireStep(tx, ctx.actor, "requestExtension", a);
    if (input.proposedDueOn <= a.dueOn) throw new InvalidInputError("errors.invalid", {}, { proposedDueOn: ["ca.errors.extensionLater"] });
    const row = tx
      .insert(caExtensions)
      .values({
        actionId,
        unitId: a.unitId,
        requestedById: me.id,
        requestedAt: ctx.now.getTime(),
        currentDueOn: a.dueOn,
        proposedDueOn: input.proposedDueOn,
        reason: input.reason,
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "corrective_action", entityId: actionId, action: "request-extension", unitId: a.unitId, after: row });
    notify(tx, ctx, {
      recipients: peopleOf(tx, a.unitId, ["leader"]).map((p) => p.id),
      kind: "ca.extension_requested",
      key: `ca:${a.id}:extension:${row.id}`,
      params: { id: a.id, from: a.dueOn, to: input.proposedDueOn },
      link: link(a.id),
      unitId: a.unitId,
    });
    return row;
  });
}
