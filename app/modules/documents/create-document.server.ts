import { eq } from "drizzle-orm";
import { documentRevisions, documents } from "#db/schema";
import type { Ctx } from "../context";
import { insertFileRow, type StoredFile } from "../files/store.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import type { Tx } from "../tx.server";
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
    const { doc, rev } = insertNewDocument(tx, ctx, unit.id, { ...input, links }, stored, { changeSummary: input.changeSummary });
    setPeople(tx, doc.id, links.people);
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

/**
 * A new document's rows, as every way of registering one writes them (the form, the bulk import, the starting
 * system): the document and its links, its stored file, and its first revision — a draft, or in force from
 * `effectiveFrom` (an import of documents issued before the app). The caller records the trail.
 */
export function insertNewDocument(
  tx: Tx,
  ctx: Ctx,
  unitId: number,
  d: {
    code: string;
    title: string;
    kind: DocumentCreateInput["kind"];
    owner: string;
    reviewCycleMonths?: number;
    links: { clauseCodes: string[]; procedureIds: number[] };
  },
  stored: StoredFile,
  first: { changeSummary: string; effectiveFrom?: string },
) {
  const t = ctx.now.getTime();
  const status = first.effectiveFrom ? "effective" : "draft";
  const doc = tx
    .insert(documents)
    .values({
      unitId,
      code: d.code,
      title: d.title,
      kind: d.kind,
      owner: d.owner,
      reviewCycleMonths: d.reviewCycleMonths,
      status,
      effectiveFrom: first.effectiveFrom,
      createdById: actorId(ctx),
      createdAt: t,
      updatedAt: t,
    })
    .returning()
    .get();
  setLinks(tx, doc.id, d.links.clauseCodes, d.links.procedureIds);
  const file = insertFileRow(tx, ctx, stored, unitId);
  const rev = tx
    .insert(documentRevisions)
    .values({
      documentId: doc.id,
      number: 1,
      changeSummary: first.changeSummary,
      fileId: file.id,
      status,
      draftedById: actorId(ctx),
      draftedAt: t,
      effectiveFrom: first.effectiveFrom,
      effectiveAt: first.effectiveFrom ? t : undefined,
      updatedAt: t,
    })
    .returning()
    .get();
  if (first.effectiveFrom) tx.update(documents).set({ currentRevisionId: rev.id }).where(eq(documents.id, doc.id)).run();
  refreshClocks(tx, doc.id, t);
  return { doc, rev };
}
