import { and, eq, max } from "drizzle-orm";
import { auditChecklistEvidence, auditChecklistItems, auditFindings, audits, findings, isoClauses } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { insertFileRow, storeUpload, type StoredFile } from "../files/store.server";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { getAuditOrThrow } from "./access.server";
import { gradesForResult, groupOf } from "./rules";
import type { ChecklistAnswerInput, CustomQuestionInput } from "./schema";
import type { ChecklistResult } from "#db/schema/enums";

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

/** One answer of a checklist page as the form sent it. */
export type PageAnswer = { itemId: number; result: ChecklistResult | null; notes: string | null };

/**
 * Save every answer of a checklist page at once (one transaction, one trail row listing what changed), with
 * their evidence files; then, if asked, mark the questions still unanswered (the whole audit, or one group of
 * it: a clause, a process, the auditors' own questions) as conforming. A question whose raised finding no longer
 * fits its new result is refused beside its own field (`r-<id>`), and nothing is saved.
 */
export async function answerChecklistPage(
  ctx: Ctx,
  auditId: number,
  input: { answers: PageAnswer[]; conform?: string | null },
  uploads: Map<number, EvidenceUpload[]> = new Map(),
) {
  const { audit } = requireFillable(ctx, auditId);
  const stored = new Map<number, StoredFile[]>();
  for (const [itemId, list] of uploads) {
    const out: StoredFile[] = [];
    for (const u of list)
      out.push(await storeUpload(u.uploadsDir, u.file, { field: `e-${itemId}`, kinds: ["pdf", "docx", "xlsx", "image"], maxBytes: u.maxBytes }));
    if (out.length) stored.set(itemId, out);
  }
  return write(ctx, (tx) => {
    const current = tx.select().from(audits).where(eq(audits.id, auditId)).get()!;
    if (current.status !== "in_progress") throw new PreconditionFailedError("audits.errors.notInProgress");
    const items = tx.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, auditId)).all();
    const byId = new Map(items.map((i) => [i.id, i]));
    const raised = tx
      .select({ itemId: auditFindings.checklistItemId, grade: findings.gradeCode })
      .from(auditFindings)
      .innerJoin(findings, eq(findings.id, auditFindings.findingId))
      .where(eq(auditFindings.auditId, auditId))
      .all();
    const answeredBy = ctx.actor.kind === "user" ? ctx.actor.id : null;
    const at = ctx.now.getTime();
    const changes: { itemId: number; before: { result: string | null; notes: string | null }; after: { result: string | null; notes: string | null } }[] = [];
    const fieldErrors: Record<string, string[]> = {};
    const next = new Map<number, { result: ChecklistResult | null; notes: string | null }>();
    for (const a of input.answers) {
      const item = byId.get(a.itemId);
      if (!item) throw new NotFoundError("errors.notFound");
      const notes = a.notes?.trim() || null;
      if (raised.some((f) => f.itemId === item.id && !gradesForResult(a.result).includes(f.grade)))
        fieldErrors[`r-${item.id}`] = ["audits.errors.itemHasFindings"];
      next.set(item.id, { result: a.result, notes });
    }
    if (Object.keys(fieldErrors).length) throw new InvalidInputError("errors.invalid", {}, fieldErrors);
    // "The rest conform": every question of the audit (or of the group) still without a result after this page.
    let conformed = 0;
    if (input.conform) {
      for (const item of items) {
        const after = next.get(item.id) ?? { result: item.result, notes: item.notes };
        if (after.result || !inGroup(item, input.conform)) continue;
        next.set(item.id, { result: "conforms", notes: after.notes });
        conformed++;
      }
    }
    for (const [itemId, after] of next) {
      const item = byId.get(itemId)!;
      const files = stored.get(itemId) ?? [];
      if (item.result === after.result && (item.notes ?? null) === after.notes && !files.length) continue;
      tx.update(auditChecklistItems)
        .set({ result: after.result, notes: after.notes, answeredById: answeredBy, answeredAt: at })
        .where(eq(auditChecklistItems.id, itemId))
        .run();
      const fileIds: number[] = [];
      for (const s of files) {
        const f = insertFileRow(tx, ctx, s, audit.unitId);
        tx.insert(auditChecklistEvidence).values({ itemId, fileId: f.id, createdAt: at }).onConflictDoNothing().run();
        fileIds.push(f.id);
      }
      changes.push({
        itemId,
        before: { result: item.result, notes: item.notes },
        after: { ...after, ...(fileIds.length ? { evidenceFileIds: fileIds } : {}) },
      });
    }
    if (changes.length)
      recordTrail(tx, ctx, {
        entity: "audit",
        entityId: auditId,
        action: "answer-page",
        unitId: audit.unitId,
        after: { answers: changes, conformed: conformed || undefined },
      });
    // The first nonconformity answer that has no finding yet: the page opens its finding draft next.
    const withFinding = new Set(raised.map((r) => r.itemId));
    const sorted = [...items].sort((a, b) => a.sortOrder - b.sortOrder);
    const pendingNc = sorted.find((i) => (next.get(i.id)?.result ?? i.result) === "nonconformity" && !withFinding.has(i.id));
    return { saved: changes.length, conformed, pendingNcItemId: pendingNc?.id ?? null };
  });
}

function inGroup(item: { kind: string; clauseCode: string | null; processId: number | null }, conform: string): boolean {
  return conform === "all" || groupOf(item) === conform;
}
