import { and, eq, isNull } from "drizzle-orm";
import { documents, legalChangeDocuments, legalChanges } from "#db/schema";
import type { Tx } from "../tx.server";
import { clockState } from "./rules";

/**
 * Recompute a document's stored clock columns from their inputs with the pure rule. Every verb that changes an
 * input (a revision taking effect, a review, a legal change link, a withdrawal) calls this inside its
 * transaction, so the register can filter and count overdue documents in SQL. The stored dates do not depend
 * on the day; only the comparison with today does.
 */
export function refreshClocks(tx: Tx, documentId: number) {
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
  tx.update(documents).set({ nextReviewOn: c.nextReviewOn, updateDueOn: c.updateDueOn }).where(eq(documents.id, documentId)).run();
}
