import { and, eq, max } from "drizzle-orm";
import { auditChecklistEvidence, auditChecklistItems, auditFindings, audits, findings, isoClauses } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { insertFileRow, storeUpload, type StoredFile } from "../files/store.server";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { getAuditOrThrow } from "./access.server";
import { gradesForResult } from "./rules";
import type { ChecklistAnswerInput, CustomQuestionInput } from "./schema";

/** The audit of a checklist item, if the actor may fill it in: an auditor of an audit in progress. */
function requireFillable(ctx: Ctx, auditId: number) {
  const found = getAuditOrThrow(ctx, auditId);
  if (!found.onTeam && ctx.actor.kind === "user") throw new ForbiddenError("audits.errors.notOnTeam");
  if (found.audit.status !== "in_progress") throw new PreconditionFailedError("audits.errors.notInProgress");
  return found;
}

export type EvidenceUpload = { file: File; uploadsDir: string; maxBytes: number };

/**
 * Record the result and notes of one checklist question, with evidence files. Files are checked and stored
 * first (async, outside the transaction); the answer, the file rows and the trail row commit together.
 */
export async function answerChecklistItem(ctx: Ctx, auditId: number, input: ChecklistAnswerInput, uploads: EvidenceUpload[] = []) {
  const item = ctx.db.select().from(auditChecklistItems).where(eq(auditChecklistItems.id, input.itemId)).get();
  if (!item || item.auditId !== auditId) throw new NotFoundError("errors.notFound");
  const { audit } = requireFillable(ctx, auditId);
  const stored: StoredFile[] = [];
  for (const u of uploads)
    stored.push(await storeUpload(u.uploadsDir, u.file, { field: "evidence", kinds: ["pdf", "docx", "xlsx", "image"], maxBytes: u.maxBytes }));
  return write(ctx, (tx) => {
    const current = tx.select().from(audits).where(eq(audits.id, auditId)).get()!;
    if (current.status !== "in_progress") throw new PreconditionFailedError("audits.errors.notInProgress");
    const before = tx.select().from(auditChecklistItems).where(eq(auditChecklistItems.id, item.id)).get()!;
    // A finding raised from this question must still fit its result (a major NC cannot sit under "conforms").
    const raised = tx
      .select({ grade: findings.gradeCode })
      .from(auditFindings)
      .innerJoin(findings, eq(findings.id, auditFindings.findingId))
      .where(eq(auditFindings.checklistItemId, item.id))
      .all();
    const result = input.result ?? null;
    if (raised.some((f) => !gradesForResult(result).includes(f.grade))) {
      throw new InvalidInputError("errors.invalid", {}, { result: ["audits.errors.itemHasFindings"] });
    }
    const answeredBy = ctx.actor.kind === "user" ? ctx.actor.id : null;
    tx.update(auditChecklistItems)
      .set({ result, notes: input.notes?.trim() || null, answeredById: answeredBy, answeredAt: ctx.now.getTime() })
      .where(eq(auditChecklistItems.id, item.id))
      .run();
    const fileIds: number[] = [];
    for (const s of stored) {
      const f = insertFileRow(tx, ctx, s, audit.unitId);
      tx.insert(auditChecklistEvidence).values({ itemId: item.id, fileId: f.id, createdAt: ctx.now.getTime() }).onConflictDoNothing().run();
      fileIds.push(f.id);
    }
    recordTrail(tx, ctx, {
      entity: "audit",
      entityId: auditId,
      action: "answer",
      unitId: audit.unitId,
      before: { itemId: item.id, result: before.result, notes: before.notes },
      after: { itemId: item.id, result, notes: input.notes?.trim() || null, evidenceFileIds: fileIds.length ? fileIds : undefined },
    });
    return { itemId: item.id, fileIds };
  });
}

/** An auditor adds a question of their own (while planned or in progress). */
export function addChecklistQuestion(ctx: Ctx, auditId: number, input: CustomQuestionInput) {
  const found = getAuditOrThrow(ctx, auditId);
  if (!found.onTeam && ctx.actor.kind === "user") throw new ForbiddenError("audits.errors.notOnTeam");
  if (found.audit.status !== "planned" && found.audit.status !== "in_progress") throw new PreconditionFailedError("audits.errors.notInProgress");
  return writeOnce(ctx, (tx) => {
    if (input.clauseCode && !tx.select({ c: isoClauses.code }).from(isoClauses).where(eq(isoClauses.code, input.clauseCode)).get()) {
      throw new InvalidInputError("errors.invalid", {}, { clauseCode: ["errors.choose"] });
    }
    const last =
      tx
        .select({ m: max(auditChecklistItems.sortOrder) })
        .from(auditChecklistItems)
        .where(and(eq(auditChecklistItems.auditId, auditId)))
        .get()?.m ?? 0;
    const row = tx
      .insert(auditChecklistItems)
      .values({ auditId, kind: "custom", clauseCode: input.clauseCode ?? null, question: input.question.trim(), sortOrder: last + 1 })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "audit", entityId: auditId, action: "add-question", unitId: found.audit.unitId, after: row });
    return row;
  });
}
