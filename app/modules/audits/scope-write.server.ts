import { and, asc, eq, inArray, ne } from "drizzle-orm";
import {
  auditChecklistItems,
  documentPeople,
  documents,
  auditProgrammes,
  auditQuestionBank,
  auditScopeClauses,
  auditScopeProcesses,
  auditTeamMembers,
  isoClauses,
  units,
} from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import type { Reader, Tx } from "../tx.server";
import { auditorCandidates } from "./access.server";
import { buildChecklist, processConflicts, type ProcessRole } from "./rules";

// Helpers shared by the audit planning verbs (plan, edit, batch, copy). Each runs inside the caller's transaction.

/** The unit's programme for the year, created on first use. */
export function ensureProgramme(tx: Tx, ctx: Ctx, unitId: number, year: number) {
  const found = tx
    .select()
    .from(auditProgrammes)
    .where(and(eq(auditProgrammes.unitId, unitId), eq(auditProgrammes.year, year)))
    .get();
  if (found) return found;
  const now = ctx.now.getTime();
  return tx
    .insert(auditProgrammes)
    .values({ unitId, year, createdById: ctx.actor.kind === "user" ? ctx.actor.id : null, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

/** Who owns or takes part in which of these process documents. */
export function processPeople(tx: Reader, documentIds: number[]): ProcessRole[] {
  if (!documentIds.length) return [];
  return tx
    .select({ userId: documentPeople.userId, documentId: documentPeople.documentId, role: documentPeople.role, code: documents.code })
    .from(documentPeople)
    .innerJoin(documents, eq(documents.id, documentPeople.documentId))
    .where(inArray(documentPeople.documentId, documentIds))
    .all();
}

/**
 * Check the lead auditor and team: known, eligible accounts, none of whom owns or takes part in a process of
 * the audit's scope (ISO 9001 9.2.2: auditors do not audit their own work). The unit does not matter: a
 * commune's land officer may audit its civil-status process; province and district staff may audit too.
 * Errors name the field, in the person's language.
 */
export function checkTeam(ctx: Ctx, tx: Tx, leadAuditorId: number, teamIds: number[], documentIds: number[]) {
  const candidates = new Map(auditorCandidates(ctx).map((c) => [c.id, c]));
  const roles = processPeople(tx, documentIds);
  const lead = candidates.get(leadAuditorId);
  if (!lead) throw new InvalidInputError("errors.invalid", {}, { leadAuditorId: ["audits.errors.auditorUnknown"] });
  if (processConflicts(roles, lead.id).length) {
    throw new InvalidInputError("audits.errors.notIndependent", { name: lead.fullName }, { leadAuditorId: ["audits.errors.ownProcess"] });
  }
  const team = [...new Set(teamIds)].filter((id) => id !== leadAuditorId);
  for (const id of team) {
    const m = candidates.get(id);
    if (!m) throw new InvalidInputError("errors.invalid", {}, { teamIds: ["audits.errors.auditorUnknown"] });
    if (processConflicts(roles, m.id).length) {
      throw new InvalidInputError("audits.errors.notIndependent", { name: m.fullName }, { teamIds: ["audits.errors.ownProcess"] });
    }
  }
  return team;
}

export type ScopeProcessInput = { code: string | null; name: string; documentId?: number | null };

/**
 * The processes of an audit's scope: the unit's process documents ticked on the form, then the lines typed
 * ("code | name"), each linked to the unit's document of that code when there is one (independence is then
 * checked against it too). A document counts once.
 */
export function resolveProcesses(tx: Tx, unitId: number, processDocIds: number[], typed: { code: string | null; name: string }[]): ScopeProcessInput[] {
  const unitDocs = tx
    .select({ id: documents.id, code: documents.code, title: documents.title })
    .from(documents)
    .where(and(eq(documents.unitId, unitId), eq(documents.kind, "process")))
    .all();
  const ticked = [...new Set(processDocIds)];
  const out: ScopeProcessInput[] = [];
  for (const id of ticked) {
    const d = unitDocs.find((x) => x.id === id);
    if (!d) throw new InvalidInputError("errors.invalid", {}, { processDocIds: ["errors.choose"] });
    out.push({ code: d.code, name: d.title, documentId: d.id });
  }
  const norm = (c: string | null) => (c ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  for (const p of typed) {
    const d = p.code ? unitDocs.find((x) => norm(x.code) === norm(p.code)) : undefined;
    if (d && out.some((o) => o.documentId === d.id)) continue;
    out.push({ code: p.code, name: p.name, documentId: d?.id ?? null });
  }
  return out;
}

export function scopeDocumentIds(processes: ScopeProcessInput[]): number[] {
  return processes.map((p) => p.documentId).filter((id): id is number => typeof id === "number");
}

export function setTeam(tx: Tx, auditId: number, team: number[]) {
  tx.delete(auditTeamMembers).where(eq(auditTeamMembers.auditId, auditId)).run();
  for (const userId of team) tx.insert(auditTeamMembers).values({ auditId, userId }).run();
}

/** Known clause codes only (a stale form cannot smuggle in a code the reference data lacks). */
export function checkClauses(tx: Tx, codes: string[]) {
  const known = new Set(
    tx
      .select({ c: isoClauses.code })
      .from(isoClauses)
      .all()
      .map((r) => r.c),
  );
  const unique = [...new Set(codes)];
  if (unique.some((c) => !known.has(c))) throw new InvalidInputError("errors.invalid", {}, { clauseCodes: ["errors.choose"] });
  return unique;
}

export function setScope(tx: Tx, auditId: number, clauseCodes: string[], processes: ScopeProcessInput[]) {
  tx.delete(auditScopeClauses).where(eq(auditScopeClauses.auditId, auditId)).run();
  for (const c of clauseCodes) tx.insert(auditScopeClauses).values({ auditId, clauseCode: c }).run();
  tx.delete(auditScopeProcesses).where(eq(auditScopeProcesses.auditId, auditId)).run();
  processes.forEach((p, i) =>
    tx
      .insert(auditScopeProcesses)
      .values({ auditId, code: p.code, name: p.name, documentId: p.documentId ?? null, sortOrder: i + 1 })
      .run(),
  );
}

/**
 * (Re)generate the checklist of a planned audit from its scope. Questions the auditors added themselves stay
 * (after the generated ones). Only for planned audits: nothing has been answered yet.
 */
export function generateChecklist(tx: Tx, auditId: number) {
  const clauseCodes = tx
    .select({ c: auditScopeClauses.clauseCode })
    .from(auditScopeClauses)
    .where(eq(auditScopeClauses.auditId, auditId))
    .all()
    .map((r) => r.c);
  const processes = tx.select().from(auditScopeProcesses).where(eq(auditScopeProcesses.auditId, auditId)).orderBy(asc(auditScopeProcesses.sortOrder)).all();
  const bank = tx.select().from(auditQuestionBank).all();
  const items = buildChecklist(clauseCodes, processes, bank);
  tx.delete(auditChecklistItems)
    .where(and(eq(auditChecklistItems.auditId, auditId), ne(auditChecklistItems.kind, "custom")))
    .run();
  const custom = tx.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, auditId)).orderBy(asc(auditChecklistItems.sortOrder)).all();
  items.forEach((it, i) =>
    tx
      .insert(auditChecklistItems)
      .values({ auditId, ...it, sortOrder: i + 1 })
      .run(),
  );
  custom.forEach((c, i) =>
    tx
      .update(auditChecklistItems)
      .set({ sortOrder: items.length + i + 1 })
      .where(eq(auditChecklistItems.id, c.id))
      .run(),
  );
  return items.length + custom.length;
}

export function unitRow(tx: Tx, unitId: number) {
  return tx.select().from(units).where(eq(units.id, unitId)).get();
}
