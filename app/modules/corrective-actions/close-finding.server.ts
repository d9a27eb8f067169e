import { ConflictError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { write } from "../tx.server";
import { getFindingInScopeOrThrow } from "./access.server";
import { closeFinding } from "./verify.server";
import { correctiveActions } from "#db/schema";
import { eq } from "drizzle-orm";
import { isDone } from "./rules";

/**
 * An observation or improvement opportunity (a grade that does not require action) may close without
 * corrective actions, with a note; any action it has must be verified effective first.
 */
export function closeFindingWithoutAction(ctx: Ctx, findingId: number, input: { note: string }) {
  requireCapability(ctx.actor, "ca.write");
  return write(ctx, (tx) => {
    const { f, requiresAction } = getFindingInScopeOrThrow(tx, ctx, findingId);
    if (f.status !== "open") throw new ConflictError("ca.errors.findingClosed");
    if (requiresAction) throw new PreconditionFailedError("ca.errors.findingNeedsActions");
    const actions = tx.select({ status: correctiveActions.status }).from(correctiveActions).where(eq(correctiveActions.findingId, findingId)).all();
    if (actions.some((a) => !isDone(a.status))) throw new PreconditionFailedError("ca.errors.openActions");
    closeFinding(tx, ctx, findingId, input.note);
    return { findingId };
  });
}
