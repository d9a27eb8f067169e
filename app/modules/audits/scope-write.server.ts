import { and, asc, eq, ne } from "drizzle-orm";
import {
  auditChecklistItems,
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
import type { Tx } from "../tx.server";
import { auditorCandidates } from "./access.server";
import { auditorIndependent, buildChecklist } from "./rules";

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

/**
 * Check the lead auditor and team: known, eligible accounts, and independent of the audited unit
 * (nobody audits their own unit). Errors name the field, in the person's language.
 */
export function checkTeam(ctx: Ctx, auditedUnitPath: string, leadAuditorId: number, teamIds: number[]) {
  const candidates = new Map(auditorCandidates(ctx).map((c) => [c.id, c]));
  const lead = candidates.get(leadAuditorId);
  if (!lead) throw new InvalidInputError("errors.invalid", {}, { leadAuditorId: ["audits.errors.auditorUnknown"] });
  if (!auditorIndependent(lead.unitPath, auditedUnitPath)) {
    throw new InvalidInputError("audits.errors.notIndependent", { name: lead.fullName }, { leadAuditorId: ["audits.errors.ownUnit"] });
  }
  const team = [...new Set(teamIds)].filter((id) => id !== leadAuditorId);
  for (const id of team) {
    const m = candidates.get(id);
    if (!m) throw new InvalidInputError("errors.invalid", {}, { teamIds: ["audits.errors.auditorUnknown"] });
    if (!auditorIndependent(m.unitPath, auditedUnitPath)) {
      throw new InvalidInputError("audits.errors.notIndependent", { name: m.fullName }, { teamIds: ["audits.errors.ownUnit"] });
    }
  }
  return team;
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

export function setScope(tx: Tx, auditId: number, clauseCodes: string[], processes: { code: string | null; name: string; documentId?: number | null }[]) {
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
