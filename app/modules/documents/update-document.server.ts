import { eq } from "drizzle-orm";
import { documents } from "#db/schema";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { authorizeOnDocument } from "./access.server";
import { refreshClocks } from "./clocks.server";
import { checkRegister, linksOf, setLinks, setPeople } from "./register.server";
import type { DocumentEditInput } from "./schema";
import { PreconditionFailedError } from "~/lib/errors";

/** Edit a document's register data (code, title, kind, clauses, procedures, owner, review cycle). The unit stays. */
export function updateDocument(ctx: Ctx, documentId: number, input: DocumentEditInput) {
  const before = authorizeOnDocument(ctx, "documents.draft", documentId);
  if (before.status === "obsolete") throw new PreconditionFailedError("documents.errors.obsolete");
  return write(ctx, (tx) => {
    const beforeLinks = linksOf(tx, documentId);
    const links = checkRegister(tx, before.unitId, input, documentId);
    tx.update(documents)
      .set({
        code: input.code,
        title: input.title,
        kind: input.kind,
        owner: input.owner,
        reviewCycleMonths: input.reviewCycleMonths,
        updatedAt: ctx.now.getTime(),
      })
      .where(eq(documents.id, documentId))
      .run();
    setLinks(tx, documentId, links.clauseCodes, links.procedureIds);
    setPeople(tx, documentId, links.people);
    refreshClocks(tx, documentId, ctx.now.getTime());
    const after = tx.select().from(documents).where(eq(documents.id, documentId)).get()!;
    const pick = (d: typeof after) => ({
      code: d.code,
      title: d.title,
      kind: d.kind,
      owner: d.owner,
      reviewCycleMonths: d.reviewCycleMonths,
      nextReviewOn: d.nextReviewOn,
    });
    recordTrail(tx, ctx, {
      entity: "document",
      entityId: documentId,
      action: "update",
      unitId: before.unitId,
      before: { ...pick(before), ...beforeLinks },
      after: { ...pick(after), ...linksOf(tx, documentId) },
    });
    return after;
  });
}
