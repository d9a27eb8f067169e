import { documentRevisions, documents } from "#db/schema";
import type { Ctx } from "../context";
import { insertFileRow } from "../files/store.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import { actorId } from "./access.server";
import { refreshClocks } from "./clocks.server";
import { checkRegister, linksOf, setLinks, setPeople, unitForNewRecord } from "./register.server";
import type { DocumentCreateInput } from "./schema";
import { storeRevisionFile } from "./upload.server";

/**
 * Register a new document with its first revision as a draft (soạn thảo). Only a quality officer drafts, for a
 * unit in their scope. The file is checked and stored before the transaction; the rows and the trail commit
 * together.
 */
export async function createDocument(ctx: Ctx, input: DocumentCreateInput) {
  requireCapability(ctx.actor, "documents.draft");
  const unit = unitForNewRecord(ctx, input.unitId);
  const stored = await storeRevisionFile(input.file);
  return writeOnce(ctx, (tx) => {
    const links = checkRegister(tx, unit.id, input);
    const t = ctx.now.getTime();
    const doc = tx
      .insert(documents)
      .values({
        unitId: unit.id,
        code: input.code,
        title: input.title,
        kind: input.kind,
        owner: input.owner,
        reviewCycleMonths: input.reviewCycleMonths,
        status: "draft",
        createdById: actorId(ctx),
        createdAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    setLinks(tx, doc.id, links.clauseCodes, links.procedureIds);
    setPeople(tx, doc.id, links.people);
    const file = insertFileRow(tx, ctx, stored, unit.id);
    const rev = tx
      .insert(documentRevisions)
      .values({
        documentId: doc.id,
        number: 1,
        changeSummary: input.changeSummary,
        fileId: file.id,
        status: "draft",
        draftedById: actorId(ctx),
        draftedAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    refreshClocks(tx, doc.id, t);
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: doc.id,
      action: "create",
      unitId: unit.id,
      after: { ...doc, ...linksOf(tx, doc.id), revision: { number: 1, changeSummary: rev.changeSummary, file: stored.originalName, sha256: stored.sha256 } },
    });
    return { document: doc, revision: rev };
  });
}
