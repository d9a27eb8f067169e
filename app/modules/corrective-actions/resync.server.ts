import { asc, eq } from "drizzle-orm";
import { correctiveActions } from "#db/schema";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import type { Tx } from "../tx.server";
import { askForAcknowledgement } from "./add-action.server";
import { isPending, statusAfterAcknowledgement } from "./rules";
import { everAcknowledged, validAcknowledgement } from "./signatures.server";

/**
 * After any change to what a leader signs (the finding's request, any action of the finding, a due date moved by
 * extension), bring every pending action's status in line with its signature, inside the same transaction:
 * a signature that no longer covers the content sends a started action back to "proposed" (the leader signs
 * again); a change reverted to exactly the signed content makes the old signature count again, and the status
 * returns to where the signature put it ("acknowledged", or "in_progress" if work had started). Chosen in issue 15:
 * the signature binds content, not history, so the same content under the same signature is the same state.
 */
export function resyncAcknowledgements(tx: Tx, ctx: Ctx, findingId: number) {
  const actions = tx.select().from(correctiveActions).where(eq(correctiveActions.findingId, findingId)).orderBy(asc(correctiveActions.id)).all();
  for (const a of actions) {
    if (!isPending(a.status) || !everAcknowledged(tx, a.id)) continue;
    const valid = !!validAcknowledgement(tx, a);
    const signedStatus = a.status !== "proposed";
    if (signedStatus === valid) continue;
    const status = valid ? statusAfterAcknowledgement(a.startedAt) : "proposed";
    const after = tx.update(correctiveActions).set({ status, updatedAt: ctx.now.getTime() }).where(eq(correctiveActions.id, a.id)).returning().get();
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: a.id,
      action: valid ? "restore-acknowledgement" : "void-acknowledgement",
      unitId: a.unitId,
      before: { status: a.status },
      after: { status },
    });
    if (!valid) askForAcknowledgement(tx, ctx, after);
  }
}
