import { and, eq, inArray } from "drizzle-orm";
import { caReviews, correctiveActions, findings } from "#db/schema";
import { ConflictError } from "~/lib/errors";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { requireCapability, requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { getActionInScopeOrThrow } from "./access.server";
import { requireStep } from "./guard.server";
import { link } from "./notices";
import { peopleOf } from "./unit-people.server";
import { isDone } from "./rules";

/**
 * Verify an implemented action's effectiveness. The verifier is an officer or inspector other than the owner and
 * the implementer. Effective: the action is verified, and when every action of its finding is, the finding and
 * its actions close in the same transaction. Ineffective: back to work, the reason kept as a review.
 */
export function verifyEffectiveness(ctx: Ctx, actionId: number, input: { outcome: "effective" | "ineffective"; note: string }) {
  requireCapability(ctx.actor, "ca.verify");
  const me = requireUserActor(ctx.actor);
  return write(ctx, (tx) => {
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    requireStep(tx, ctx.actor, "verify", a);
    const t = ctx.now.getTime();
    const review = tx.insert(caReviews).values({ actionId, verifierId: me.id, outcome: input.outcome, note: input.note, at: t }).returning().get();
    if (input.outcome === "ineffective") {
      const after = tx
        .update(correctiveActions)
        .set({ status: "in_progress", implementedAt: null, implementedOn: null, implementedById: null, updatedAt: t })
        .where(eq(correctiveActions.id, actionId))
        .returning()
        .get();
      recordTrail(tx, ctx, {
        entity: "corrective_action",
        entityId: actionId,
        action: "verify-ineffective",
        unitId: a.unitId,
        before: { status: a.status, implementationNote: a.implementationNote },
        after: { status: after.status, reviewId: review.id, reason: input.note },
      });
      notify(tx, ctx, {
        recipients: [a.ownerId],
        kind: "ca.ineffective",
        key: `ca:${a.id}:ineffective:${review.id}`,
        params: { id: a.id, reason: input.note.slice(0, 160) },
        link: link(a.id),
        unitId: a.unitId,
      });
      return { action: after, findingClosed: false };
    }
    const after = tx
      .update(correctiveActions)
      .set({ status: "verified", verifiedAt: t, verifiedById: me.id, updatedAt: t })
      .where(eq(correctiveActions.id, actionId))
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: actionId,
      action: "verify-effective",
      unitId: a.unitId,
      before: { status: a.status },
      after: { status: after.status, reviewId: review.id, note: input.note },
    });
    const findingClosed = closeFindingIfAllVerified(tx, ctx, a.findingId, "ca.closeNote.allVerified");
    return { action: findingClosed ? tx.select().from(correctiveActions).where(eq(correctiveActions.id, actionId)).get()! : after, findingClosed };
  });
}

/** Close the finding (and its verified actions) when none of its actions is left undone. */
export function closeFindingIfAllVerified(tx: Tx, ctx: Ctx, findingId: number, closeNote: string): boolean {
  const siblings = tx
    .select({ id: correctiveActions.id, status: correctiveActions.status })
    .from(correctiveActions)
    .where(eq(correctiveActions.findingId, findingId))
    .all();
  if (!siblings.length || !siblings.every((s) => isDone(s.status))) return false;
  closeFinding(tx, ctx, findingId, closeNote);
  return true;
}

export function closeFinding(tx: Tx, ctx: Ctx, findingId: number, closeNote: string) {
  const t = ctx.now.getTime();
  const before = tx.select().from(findings).where(eq(findings.id, findingId)).get()!;
  if (before.status !== "open") throw new ConflictError("ca.errors.findingClosed");
  tx.update(correctiveActions)
    .set({ status: "closed", closedAt: t, updatedAt: t })
    .where(and(eq(correctiveActions.findingId, findingId), inArray(correctiveActions.status, ["verified"])))
    .run();
  const me = ctx.actor.kind === "user" ? ctx.actor.id : null;
  const after = tx
    .update(findings)
    .set({ status: "closed", closedAt: t, closedById: me, closeNote, updatedAt: t })
    .where(eq(findings.id, findingId))
    .returning()
    .get();
  recordTrail(tx, ctx, {
    entity: "finding",
    entityId: findingId,
    action: "close",
    unitId: before.unitId,
    before: { status: before.status },
    after: { status: after.status, closeNote },
  });
  notify(tx, ctx, {
    recipients: peopleOf(tx, before.unitId, ["officer", "leader"])
      .map((p) => p.id)
      .filter((id) => id !== me),
    kind: "finding.closed",
    key: `finding:${findingId}:closed`,
    params: { id: findingId, description: before.description.slice(0, 120) },
    link: `/findings/${findingId}/actions`,
    unitId: before.unitId,
  });
}
