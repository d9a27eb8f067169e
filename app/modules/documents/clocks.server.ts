import { and, eq, isNull } from "drizzle-orm";
import { documents, legalChangeDocuments, legalChanges } from "#db/schema";
import type { Tx } from "../tx.server";
import { clockState } from "./rules";

/**
 * Recompute a document's stored clock columns from their inputs with the pure rule. Every verb that changes an
 * input (a revision taking effect, a review, a legal change link, a withdrawal) calls this inside its
 * transaction, so the register can filter and count overdue documents in SQL. The stored dates do not depend
 * on the day; only the comparison with today does. `at` (the write's ctx.now) stamps the change: the document's
 * state history (decision 0013) dates a changed clock by the row's updated_at.
 */
export function refreshClocks(tx: Tx, documentId: number, at: number) {
  const doc = tx.select().from(documents).where(eq(documents.id, documentId)).get();
  if (!doc) return;
  const open = tx
    .select({ effectiveOn: legalChanges.effectiveOn })
    .from(legalChangeDocuments)
    .innerJoin(legalChanges, eq(legalChanges.id, legalChangeDocuments.legalChangeId))
    .where(and(eq(legalChangeDocuments.documentId, documentId), isNull(legalChangeDocuments.resolvedOn)))
    .all();
  const c = clockState(
    {
      status: doc.status,
      reviewCycleMonths: doc.reviewCycleMonths,
      effectiveFrom: doc.effectiveFrom,
      lastReviewedOn: doc.lastReviewedOn,
      openLegalChangeDays: open.map((o) => o.effectiveOn),
    },
    "1970-01-01",
  );
  if (c.nextReviewOn === doc.nextReviewOn && c.updateDueOn === doc.updateDueOn) return;
  tx.update(documents).set({ nextReviewOn: c.nextReviewOn, updateDueOn: c.updateDueOn, updatedAt: at }).where(eq(documents.id, documentId)).run();
}
