import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { documentRevisions, documents, units } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability, type Capability } from "../permissions";
import type { Tx } from "../tx.server";
import { pathInScope } from "../units/scope.server";

/** A document `ctx.scope` reads, with its unit. Out of scope answers "not found": existence is not revealed. */
export function getDocumentInScopeOrThrow(ctx: Ctx, documentId: number) {
  const row = Number.isSafeInteger(documentId)
    ? ctx.db
        .select({ d: documents, unitName: units.name, unitPath: units.path, unitPlace: units.placeName })
        .from(documents)
        .innerJoin(units, eq(units.id, documents.unitId))
        .where(eq(documents.id, documentId))
        .get()
    : undefined;
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return { ...row.d, unitName: row.unitName, unitPath: row.unitPath };
}

export function getRevisionOfDocumentOrThrow(db: DB | Tx, documentId: number, revisionId: number) {
  const rev = Number.isSafeInteger(revisionId)
    ? db
        .select()
        .from(documentRevisions)
        .where(and(eq(documentRevisions.id, revisionId), eq(documentRevisions.documentId, documentId)))
        .get()
    : undefined;
  if (!rev) throw new NotFoundError("errors.notFound");
  return rev;
}

/**
 * Permission first, then scope: the actor holds the capability and the document's unit is theirs or below
 * (a commune's leader approves for the commune, a province's leader for any commune of the province).
 */
export function authorizeOnDocument(ctx: Ctx, capability: Capability, documentId: number) {
  requireCapability(ctx.actor, capability);
  return getDocumentInScopeOrThrow(ctx, documentId);
}

export function actorId(ctx: Ctx): number | null {
  return ctx.actor.kind === "user" ? ctx.actor.id : null;
}
