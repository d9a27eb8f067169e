import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { documents, legalChangeDocuments, legalChanges } from "#db/schema";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { pathInScope } from "../units/scope.server";
import { units } from "#db/schema";
import { refreshClocks } from "./clocks.server";
import { unitForNewRecord } from "./register.server";
import type { LegalChangeInput } from "./schema";

/** Linked documents must be the unit's own and not withdrawn. */
function checkDocuments(tx: Tx, unitId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const own = tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, unique), eq(documents.unitId, unitId), ne(documents.status, "obsolete")))
    .all();
  if (own.length !== unique.length) throw new InvalidInputError("errors.invalid", {}, { documentIds: ["documents.errors.legalDocument"] });
  return unique;
}

/**
 * Record a legal text that changes what the unit's documents must say, linked to the documents it affects.
 * From its effective day each linked document runs the 3-month update clock of QĐ 19 until a newer revision
 * of it takes effect.
 */
export function createLegalChange(ctx: Ctx, input: LegalChangeInput) {
  requireCapability(ctx.actor, "documents.draft");
  const unit = unitForNewRecord(ctx, input.unitId);
  return writeOnce(ctx, (tx) => {
    const documentIds = checkDocuments(tx, unit.id, input.documentIds);
    const t = ctx.now.getTime();
    const row = tx
      .insert(legalChanges)
      .values({
        unitId: unit.id,
        textNumber: input.textNumber,
        title: input.title,
        effectiveOn: input.effectiveOn,
        note: input.note || null,
        createdById: ctx.actor.kind === "user" ? ctx.actor.id : null,
        createdAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    for (const d of documentIds) {
      tx.insert(legalChangeDocuments).values({ legalChangeId: row.id, documentId: d, linkedAt: t }).run();
      refreshClocks(tx, d, t);
      recordTrail(tx, ctx, {
        entity: "document",
        entityId: d,
        action: "legal.link",
        unitId: unit.id,
        after: { legalChangeId: row.id, textNumber: row.textNumber, effectiveOn: row.effectiveOn },
      });
    }
    recordTrail(tx, ctx, { entity: "legal_change", entityId: row.id, action: "create", unitId: unit.id, after: { ...row, documentIds } });
    return row;
  });
}

export function getLegalChangeInScopeOrThrow(ctx: Ctx, id: number) {
  const row = Number.isSafeInteger(id)
    ? ctx.db
        .select({ l: legalChanges, path: units.path, unitName: units.name })
        .from(legalChanges)
        .innerJoin(units, eq(units.id, legalChanges.unitId))
        .where(eq(legalChanges.id, id))
        .get()
    : undefined;
  if (!row || !pathInScope(ctx.scope, row.path)) throw new NotFoundError("errors.notFound");
  return { ...row.l, unitName: row.unitName };
}

/**
 * Correct a legal change (number, title, effective day) and its affected documents. Links already answered by
 * a revision stay as history; unanswered links can be removed (a document linked by mistake).
 */
export function updateLegalChange(ctx: Ctx, id: number, input: Omit<LegalChangeInput, "unitId">) {
  requireCapability(ctx.actor, "documents.draft");
  const before = getLegalChangeInScopeOrThrow(ctx, id);
  return write(ctx, (tx) => {
    const wanted = checkDocuments(tx, before.unitId, input.documentIds);
    const links = tx.select().from(legalChangeDocuments).where(eq(legalChangeDocuments.legalChangeId, id)).all();
    const t = ctx.now.getTime();
    tx.update(legalChanges)
      .set({ textNumber: input.textNumber, title: input.title, effectiveOn: input.effectiveOn, note: input.note || null, updatedAt: t })
      .where(eq(legalChanges.id, id))
      .run();
    const removed = links.filter((l) => !l.resolvedOn && !wanted.includes(l.documentId)).map((l) => l.documentId);
    if (removed.length) {
      tx.delete(legalChangeDocuments)
        .where(and(eq(legalChangeDocuments.legalChangeId, id), inArray(legalChangeDocuments.documentId, removed), isNull(legalChangeDocuments.resolvedOn)))
        .run();
    }
    const added = wanted.filter((d) => !links.some((l) => l.documentId === d));
    for (const d of added) tx.insert(legalChangeDocuments).values({ legalChangeId: id, documentId: d, linkedAt: t }).run();
    for (const d of new Set([...links.map((l) => l.documentId), ...added])) refreshClocks(tx, d, t);
    for (const d of added)
      recordTrail(tx, ctx, {
        entity: "document",
        entityId: d,
        action: "legal.link",
        unitId: before.unitId,
        after: { legalChangeId: id, textNumber: input.textNumber, effectiveOn: input.effectiveOn },
      });
    for (const d of removed)
      recordTrail(tx, ctx, {
        entity: "document",
        entityId: d,
        action: "legal.unlink",
        unitId: before.unitId,
        before: { legalChangeId: id, textNumber: before.textNumber },
      });
    recordTrail(tx, ctx, {
      entity: "legal_change",
      entityId: id,
      action: "update",
      unitId: before.unitId,
      before: {
        textNumber: before.textNumber,
        title: before.title,
        effectiveOn: before.effectiveOn,
        note: before.note,
        documentIds: links.map((l) => l.documentId),
      },
      after: {
        textNumber: input.textNumber,
        title: input.title,
        effectiveOn: input.effectiveOn,
        note: input.note || null,
        documentIds: [...links.filter((l) => !removed.includes(l.documentId)).map((l) => l.documentId), ...added],
      },
    });
  });
}
