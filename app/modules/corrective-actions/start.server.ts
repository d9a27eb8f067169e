import { eq } from "drizzle-orm";
import { correctiveActions } from "#db/schema";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { getActionInScopeOrThrow } from "./access.server";
import { requireStep } from "./guard.server";

/** The owner starts work on an acknowledged action. */
export function startCorrectiveAction(ctx: Ctx, actionId: number) {
  return write(ctx, (tx) => {
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    requireStep(tx, ctx.actor, "start", a);
    const t = ctx.now.getTime();
    const after = tx
      .update(correctiveActions)
      .set({ status: "in_progress", startedAt: t, updatedAt: t })
      .where(eq(correctiveActions.id, actionId))
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: actionId,
      action: "start",
      unitId: a.unitId,
      before: { status: a.status },
      after: { status: after.status },
    });
    return after;
  });
}
