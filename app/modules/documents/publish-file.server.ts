import { eq } from "drizzle-orm";
import { documents } from "#db/schema";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { authorizeOnDocument } from "./access.server";

/**
 * An officer decides whether the unit's public page offers the file of a document's revision in force (the
 * default is no: register data only). Only a change is written, with its trail row.
 */
export function setFilePublic(ctx: Ctx, documentId: number, publicFile: boolean) {
  const doc = authorizeOnDocument(ctx, "documents.draft", documentId);
  return write(ctx, (tx) => {
    const before = tx.select({ publicFile: documents.publicFile }).from(documents).where(eq(documents.id, documentId)).get()!;
    if (before.publicFile === publicFile) return false;
    tx.update(documents).set({ publicFile, updatedAt: ctx.now.getTime() }).where(eq(documents.id, documentId)).run();
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: documentId,
      action: publicFile ? "publish-file" : "unpublish-file",
      unitId: doc.unitId,
      before: { publicFile: before.publicFile },
      after: { publicFile },
    });
    return true;
  });
}
