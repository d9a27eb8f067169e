import { desc, eq } from "drizzle-orm";
import { documentRevisions, files } from "#db/schema";
import { PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { insertFileRow } from "../files/store.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { actorId, authorizeOnDocument, getRevisionOfDocumentOrThrow } from "./access.server";
import { isPending, stepAllowed } from "./rules";
import type { RevisionInput } from "./schema";
import { storeRevisionFile } from "./upload.server";

/**
 * Draft the next revision of a document (a change, or the answer to a legal change or a review). A document has
 * at most one revision on its way at a time, and a withdrawn document takes none.
 */
export async function draftRevision(ctx: Ctx, documentId: number, input: RevisionInput) {
  const doc = authorizeOnDocument(ctx, "documents.draft", documentId);
  if (doc.status === "obsolete") throw new PreconditionFailedError("documents.errors.obsolete");
  const stored = await storeRevisionFile(input.file);
  return writeOnce(ctx, (tx) => {
    const revs = tx.select().from(documentRevisions).where(eq(documentRevisions.documentId, documentId)).orderBy(desc(documentRevisions.number)).all();
    if (revs.some((r) => isPending(r.status))) throw new PreconditionFailedError("documents.errors.pendingExists");
    const t = ctx.now.getTime();
    const file = insertFileRow(tx, ctx, stored, doc.unitId);
    const number = (revs[0]?.number ?? 0) + 1;
    const rev = tx
      .insert(documentRevisions)
      .values({
        documentId,
        number,
        changeSummary: input.changeSummary,
        fileId: file.id,
        status: "draft",
        draftedById: actorId(ctx),
        draftedAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: documentId,
      action: "revision.draft",
      unitId: doc.unitId,
      after: { revisionId: rev.id, number, status: "draft", changeSummary: input.changeSummary, file: stored.originalName, sha256: stored.sha256 },
    });
    return rev;
  });
}

/** Correct a draft (typically after a leader returned it): its summary, and optionally a new file. */
export async function updateDraftRevision(ctx: Ctx, documentId: number, revisionId: number, input: { changeSummary: string; file?: File }) {
  const doc = authorizeOnDocument(ctx, "documents.draft", documentId);
  const current = getRevisionOfDocumentOrThrow(ctx.db, documentId, revisionId);
  if (!stepAllowed("update", current.status)) throw new PreconditionFailedError("documents.errors.step");
  const stored = input.file && input.file.size > 0 ? await storeRevisionFile(input.file) : undefined;
  return write(ctx, (tx) => {
    const rev = getRevisionOfDocumentOrThrow(tx, documentId, revisionId);
    if (!stepAllowed("update", rev.status)) throw new PreconditionFailedError("documents.errors.step");
    const before = { changeSummary: rev.changeSummary, fileId: rev.fileId };
    const fileId = stored ? insertFileRow(tx, ctx, stored, doc.unitId).id : rev.fileId;
    tx.update(documentRevisions)
      .set({ changeSummary: input.changeSummary, fileId, updatedAt: ctx.now.getTime() })
      .where(eq(documentRevisions.id, revisionId))
      .run();
    const fileName = tx.select({ n: files.originalName }).from(files).where(eq(files.id, fileId)).get()?.n;
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: documentId,
      action: "revision.update",
      unitId: doc.unitId,
      before: { revisionId, number: rev.number, ...before },
      after: { revisionId, number: rev.number, changeSummary: input.changeSummary, fileId, file: fileName },
    });
  });
}
