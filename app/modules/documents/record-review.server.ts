import { eq } from "drizzle-orm";
import { documentReviews, documents } from "#db/schema";
import { InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import { vnDay } from "~/lib/time";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import { actorId, authorizeOnDocument } from "./access.server";
import { refreshClocks } from "./clocks.server";
import type { PeriodicReviewInput } from "./schema";

/**
 * Record a periodic review of an effective document. "Still valid" restarts the review cycle; "needs revision"
 * restarts it too (the review was done) but flags the document until a new revision takes effect.
 */
export function recordPeriodicReview(ctx: Ctx, documentId: number, input: PeriodicReviewInput) {
  const doc = authorizeOnDocument(ctx, "documents.review", documentId);
  if (doc.status !== "effective") throw new PreconditionFailedError("documents.errors.reviewNotEffective");
  if (input.reviewedOn > vnDay(ctx.now)) throw new InvalidInputError("errors.invalid", {}, { reviewedOn: ["documents.errors.reviewFuture"] });
  if (doc.effectiveFrom && input.reviewedOn < doc.effectiveFrom) {
    throw new InvalidInputError("errors.invalid", {}, { reviewedOn: ["documents.errors.reviewBeforeEffective"] });
  }
  return writeOnce(ctx, (tx) => {
    const current = tx.select().from(documents).where(eq(documents.id, documentId)).get()!;
    const row = tx
      .insert(documentReviews)
      .values({
        documentId,
        reviewedOn: input.reviewedOn,
        outcome: input.outcome,
        note: input.note || null,
        reviewerId: actorId(ctx),
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    const latest = !current.lastReviewedOn || input.reviewedOn >= current.lastReviewedOn;
    if (latest) {
      tx.update(documents)
        .set({ lastReviewedOn: input.reviewedOn, needsRevision: input.outcome === "needs_revision", updatedAt: ctx.now.getTime() })
        .where(eq(documents.id, documentId))
        .run();
    }
    refreshClocks(tx, documentId, ctx.now.getTime());
    const after = tx.select().from(documents).where(eq(documents.id, documentId)).get()!;
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: documentId,
      action: "review",
      unitId: doc.unitId,
      before: { lastReviewedOn: current.lastReviewedOn, nextReviewOn: current.nextReviewOn, needsRevision: current.needsRevision },
      after: {
        reviewId: row.id,
        reviewedOn: input.reviewedOn,
        outcome: input.outcome,
        note: row.note,
        lastReviewedOn: after.lastReviewedOn,
        nextReviewOn: after.nextReviewOn,
        needsRevision: after.needsRevision,
      },
    });
    return row;
  });
}
