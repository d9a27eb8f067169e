import { and, eq, isNull, lte } from "drizzle-orm";
import { documentRevisions, documents, legalChangeDocuments } from "#db/schema";
import { ForbiddenError, InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import { vnDay } from "~/lib/time";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { noticeApprovalRequested } from "../notifications/events.server";
import { write, type Tx } from "../tx.server";
import { actorId, authorizeOnDocument, getRevisionOfDocumentOrThrow } from "./access.server";
import { refreshClocks } from "./clocks.server";
import { dueToTakeEffect, STEP_CAPABILITY, stepRefusal, type WorkflowStep } from "./rules";
import type { TrailAction } from "../trail/vocabulary";

// The revision state machine (soạn thảo → xem xét → phê duyệt → hiệu lực), one small verb per step. They share
// this file because each is a few lines over the same guard and the same "take effect" step.

type Doc = ReturnType<typeof authorizeOnDocument>;
type Rev = typeof documentRevisions.$inferSelect;

/** Load the revision inside the transaction and check `stepRefusal`, the rule the revision page shows too. */
function revisionFor(tx: Tx, ctx: Ctx, doc: Doc, revisionId: number, step: WorkflowStep): Rev {
  const rev = getRevisionOfDocumentOrThrow(tx, doc.id, revisionId);
  const refusal = stepRefusal(ctx.actor, step, doc, rev, ctx.today);
  if (refusal === "forbidden") throw new ForbiddenError("errors.forbidden");
  if (refusal === "selfReview") throw new ForbiddenError("documents.errors.selfReview");
  if (refusal === "notYetDue") throw new PreconditionFailedError("documents.errors.notYetDue");
  if (refusal === "step") throw new PreconditionFailedError("documents.errors.step");
  return rev;
}

function trailStep(tx: Tx, ctx: Ctx, doc: Doc, action: TrailAction, before: Record<string, unknown>, after: Record<string, unknown>) {
  recordTrail(tx, ctx, { entity: "document", entityId: doc.id, action, unitId: doc.unitId, before, after });
}

/** The drafter hands the draft over for review (xem xét). */
export function submitRevision(ctx: Ctx, documentId: number, revisionId: number) {
  const doc = authorizeOnDocument(ctx, STEP_CAPABILITY.submit, documentId);
  return write(ctx, (tx) => {
    const rev = revisionFor(tx, ctx, doc, revisionId, "submit");
    const t = ctx.now.getTime();
    tx.update(documentRevisions).set({ status: "in_review", submittedAt: t, updatedAt: t }).where(eq(documentRevisions.id, rev.id)).run();
    trailStep(tx, ctx, doc, "revision.submit", { number: rev.number, status: rev.status }, { number: rev.number, status: "in_review" });
    noticeApprovalRequested(tx, ctx, doc, { ...rev, submittedAt: t });
  });
}

/** A reviewer (e.g. the vice-chair) records that they have reviewed the draft, with an optional remark. */
export function recordRevisionReview(ctx: Ctx, documentId: number, revisionId: number, note?: string) {
  const doc = authorizeOnDocument(ctx, STEP_CAPABILITY.review, documentId);
  return write(ctx, (tx) => {
    const rev = revisionFor(tx, ctx, doc, revisionId, "review");
    const t = ctx.now.getTime();
    tx.update(documentRevisions)
      .set({ reviewedById: actorId(ctx), reviewedAt: t, reviewNote: note || null, updatedAt: t })
      .where(eq(documentRevisions.id, rev.id))
      .run();
    trailStep(tx, ctx, doc, "revision.review", { number: rev.number }, { number: rev.number, reviewNote: note ?? null });
  });
}

/** A reviewer or the approver sends the draft back with the reason; the drafter corrects and submits again. */
export function returnRevision(ctx: Ctx, documentId: number, revisionId: number, note: string) {
  const doc = authorizeOnDocument(ctx, STEP_CAPABILITY.return, documentId);
  return write(ctx, (tx) => {
    const rev = revisionFor(tx, ctx, doc, revisionId, "return");
    const t = ctx.now.getTime();
    tx.update(documentRevisions)
      .set({ status: "draft", reviewedById: actorId(ctx), reviewedAt: t, reviewNote: note, submittedAt: null, updatedAt: t })
      .where(eq(documentRevisions.id, rev.id))
      .run();
    trailStep(tx, ctx, doc, "revision.return", { number: rev.number, status: rev.status }, { number: rev.number, status: "draft", reviewNote: note });
  });
}

/**
 * The revision takes effect: the one in force before it becomes superseded, the document becomes effective,
 * its review clock restarts and the legal changes waiting on it are answered. Inside the caller's transaction.
 */
function takeEffect(tx: Tx, ctx: Ctx, doc: Doc, rev: Rev, effectiveFrom: string) {
  const t = ctx.now.getTime();
  const current = tx.select().from(documents).where(eq(documents.id, doc.id)).get()!;
  let superseded: number | null = null;
  if (current.currentRevisionId && current.currentRevisionId !== rev.id) {
    tx.update(documentRevisions)
      .set({ status: "superseded", supersededAt: t, supersededById: rev.id, updatedAt: t })
      .where(and(eq(documentRevisions.id, current.currentRevisionId), eq(documentRevisions.status, "effective")))
      .run();
    superseded = current.currentRevisionId;
  }
  tx.update(documentRevisions).set({ status: "effective", effectiveAt: t, updatedAt: t }).where(eq(documentRevisions.id, rev.id)).run();
  tx.update(documents)
    .set({ status: "effective", currentRevisionId: rev.id, effectiveFrom, needsRevision: false, updatedAt: t })
    .where(eq(documents.id, doc.id))
    .run();
  const answered = tx
    .update(legalChangeDocuments)
    .set({ resolvedRevisionId: rev.id, resolvedOn: vnDay(ctx.now) })
    .where(and(eq(legalChangeDocuments.documentId, doc.id), isNull(legalChangeDocuments.resolvedOn)))
    .returning({ legalChangeId: legalChangeDocuments.legalChangeId })
    .all();
  refreshClocks(tx, doc.id, t);
  const after = tx.select().from(documents).where(eq(documents.id, doc.id)).get()!;
  trailStep(
    tx,
    ctx,
    doc,
    "revision.take-effect",
    {
      status: current.status,
      currentRevisionId: current.currentRevisionId,
      effectiveFrom: current.effectiveFrom,
      nextReviewOn: current.nextReviewOn,
      updateDueOn: current.updateDueOn,
    },
    {
      status: "effective",
      currentRevisionId: rev.id,
      effectiveFrom,
      nextReviewOn: after.nextReviewOn,
      updateDueOn: after.updateDueOn,
      revisionNumber: rev.number,
      supersededRevisionId: superseded,
      legalChangesAnswered: answered.map((a) => a.legalChangeId),
    },
  );
}

/**
 * Approval (phê duyệt) by a leader of the unit or above. The effective day is the leader's: today or later
 * (or earlier, to register a document approved on paper before the system), never before the revision it
 * replaces. When the day has come the revision takes effect at once.
 */
export function approveRevision(ctx: Ctx, documentId: number, revisionId: number, effectiveFrom: string) {
  const doc = authorizeOnDocument(ctx, STEP_CAPABILITY.approve, documentId);
  return write(ctx, (tx) => {
    const rev = revisionFor(tx, ctx, doc, revisionId, "approve");
    const current = tx.select({ effectiveFrom: documents.effectiveFrom }).from(documents).where(eq(documents.id, doc.id)).get();
    if (current?.effectiveFrom && effectiveFrom < current.effectiveFrom) {
      throw new InvalidInputError("errors.invalid", {}, { effectiveFrom: ["documents.errors.effectiveBeforeCurrent"] });
    }
    const t = ctx.now.getTime();
    const me = actorId(ctx);
    tx.update(documentRevisions)
      .set({
        status: "approved",
        approvedById: me,
        approvedAt: t,
        effectiveFrom,
        // Approving without a separate review step: the approver has reviewed it.
        reviewedById: rev.reviewedById ?? me,
        reviewedAt: rev.reviewedAt ?? t,
        updatedAt: t,
      })
      .where(eq(documentRevisions.id, rev.id))
      .run();
    trailStep(tx, ctx, doc, "revision.approve", { number: rev.number, status: rev.status }, { number: rev.number, status: "approved", effectiveFrom });
    const approved = getRevisionOfDocumentOrThrow(tx, doc.id, rev.id);
    if (dueToTakeEffect(effectiveFrom, vnDay(ctx.now))) takeEffect(tx, ctx, doc, approved, effectiveFrom);
    return getRevisionOfDocumentOrThrow(tx, doc.id, rev.id);
  });
}

/** An approved revision whose day has come is put into effect (by an officer or leader, or the nightly job). */
export function activateRevision(ctx: Ctx, documentId: number, revisionId: number) {
  const doc = authorizeOnDocument(ctx, STEP_CAPABILITY.activate, documentId);
  return write(ctx, (tx) => {
    const rev = revisionFor(tx, ctx, doc, revisionId, "activate");
    takeEffect(tx, ctx, doc, rev, rev.effectiveFrom!);
  });
}

/** For a scheduled job: put into effect every approved revision whose day has come. Returns how many. */
export function activateDueRevisions(ctx: Ctx): number {
  const due = ctx.db
    .select({ id: documentRevisions.id, documentId: documentRevisions.documentId })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.status, "approved"), lte(documentRevisions.effectiveFrom, vnDay(ctx.now))))
    .all();
  for (const d of due) activateRevision(ctx, d.documentId, d.id);
  return due.length;
}
