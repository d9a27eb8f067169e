import { and, eq, inArray } from "drizzle-orm";
import { documentRevisions, documents } from "#db/schema";
import { PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { actorId, authorizeOnDocument } from "./access.server";
import { refreshClocks } from "./clocks.server";

/**
 * Withdraw a document from the QMS (a leader's decision): the document and its revision in force become
 * obsolete, a revision still on its way is dropped with it. Everything stays readable, marked obsolete.
 */
export function withdrawDocument(ctx: Ctx, documentId: number, reason: string) {
  const doc = authorizeOnDocument(ctx, "documents.approve", documentId);
  if (doc.status === "obsolete") throw new PreconditionFailedError("documents.errors.obsolete");
  return write(ctx, (tx) => {
    const t = ctx.now.getTime();
    const touched = tx
      .update(documentRevisions)
      .set({ status: "obsolete", obsoleteAt: t, updatedAt: t })
      .where(and(eq(documentRevisions.documentId, documentId), inArray(documentRevisions.status, ["effective", "draft", "in_review", "approved"])))
      .returning({ id: documentRevisions.id, number: documentRevisions.number })
      .all();
    tx.update(documents)
      .set({ status: "obsolete", withdrawnAt: t, withdrawnById: actorId(ctx), withdrawReason: reason, needsRevision: false, updatedAt: t })
      .where(eq(documents.id, documentId))
      .run();
    refreshClocks(tx, documentId, t);
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: documentId,
      action: "withdraw",
      unitId: doc.unitId,
      before: { status: doc.status },
      after: { status: "obsolete", reason, revisionsMadeObsolete: touched.map((r) => r.number) },
    });
  });
}
