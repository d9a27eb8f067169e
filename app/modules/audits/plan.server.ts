import { asc, eq, inArray } from "drizzle-orm";
import { auditChecklistItems, auditProgrammes, auditScopeClauses, auditScopeProcesses, audits, auditTeamMembers, units } from "#db/schema";
import { ConflictError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { validOn } from "../units/rules";
import { getUnitInScopeOrThrow, pathInScope } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";
import { getAuditOrThrow } from "./access.server";
import { defaultAuditTitle, parseProcessLines, yearOf } from "./rules";
import type { AuditBatchInput, AuditCopyInput, AuditPlanInput } from "./schema";
import {
  checkClauses,
  checkTeam,
  ensureProgramme,
  generateChecklist,
  resolveProcesses,
  scopeDocumentIds,
  setScope,
  setTeam,
  type ScopeProcessInput,
} from "./scope-write.server";

function plannableUnit(ctx: Ctx, unitId: number, field = "unitId") {
  try {
    return getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  } catch {
    throw new InvalidInputError("errors.invalid", {}, { [field]: ["errors.choose"] });
  }
}

function snapshot(tx: Tx, auditId: number) {
  const a = tx.select().from(audits).where(eq(audits.id, auditId)).get()!;
  return {
    ...a,
    teamIds: tx
      .select({ u: auditTeamMembers.userId })
      .from(auditTeamMembers)
      .where(eq(auditTeamMembers.auditId, auditId))
      .all()
      .map((r) => r.u),
    clauseCodes: tx
      .select({ c: auditScopeClauses.clauseCode })
      .from(auditScopeClauses)
      .where(eq(auditScopeClauses.auditId, auditId))
      .all()
      .map((r) => r.c),
    processes: tx
      .select({ code: auditScopeProcesses.code, name: auditScopeProcesses.name })
      .from(auditScopeProcesses)
      .where(eq(auditScopeProcesses.auditId, auditId))
      .all(),
  };
}

type NewAudit = {
  unit: { id: number; name: string; path: string };
  title?: string | null;
  objectives?: string | null;
  startOn: string;
  endOn: string;
  leadAuditorId: number;
  teamIds: number[];
  clauseCodes: string[];
  processes: ScopeProcessInput[];
  copiedFromId?: number;
};

function insertAudit(tx: Tx, ctx: Ctx, a: NewAudit) {
  const team = checkTeam(ctx, tx, a.leadAuditorId, a.teamIds, scopeDocumentIds(a.processes));
  const clauses = checkClauses(tx, a.clauseCodes);
  const year = yearOf(a.startOn);
  const programme = ensureProgramme(tx, ctx, a.unit.id, year);
  const now = ctx.now.getTime();
  const row = tx
    .insert(audits)
    .values({
      programmeId: programme.id,
      unitId: a.unit.id,
      title: a.title?.trim() || defaultAuditTitle(year, a.unit.name),
      objectives: a.objectives?.trim() || null,
      startOn: a.startOn,
      endOn: a.endOn,
      leadAuditorId: a.leadAuditorId,
      copiedFromId: a.copiedFromId ?? null,
      plannedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  setTeam(tx, row.id, team);
  setScope(tx, row.id, clauses, a.processes);
  return row;
}

/** Plan one internal audit of a unit in the officer's scope; its checklist is generated from the scope. */
export function planAudit(ctx: Ctx, input: AuditPlanInput) {
  requireCapability(ctx.actor, "audits.plan");
  const unit = plannableUnit(ctx, input.unitId);
  return writeOnce(ctx, (tx) => {
    const processes = resolveProcesses(tx, unit.id, input.processDocIds ?? [], parseProcessLines(input.processes));
    const row = insertAudit(tx, ctx, { ...input, unit, processes });
    generateChecklist(tx, row.id);
    recordTrail(tx, ctx, { entity: "audit", entityId: row.id, action: "plan", unitId: unit.id, after: snapshot(tx, row.id) });
    return row;
  });
}

/** Change a planned audit (dates, team, scope); the checklist follows the new scope. */
export function updateAudit(ctx: Ctx, auditId: number, input: Omit<AuditPlanInput, "unitId">) {
  requireCapability(ctx.actor, "audits.plan");
  const { audit, unit, inScope } = getAuditOrThrow(ctx, auditId);
  if (!inScope) throw new NotFoundError("errors.notFound");
  return write(ctx, (tx) => {
    const before = snapshot(tx, auditId);
    if (before.status !== "planned") throw new PreconditionFailedError("audits.errors.onlyPlanned");
    const processes = resolveProcesses(tx, unit.id, input.processDocIds ?? [], parseProcessLines(input.processes));
    const team = checkTeam(ctx, tx, input.leadAuditorId, input.teamIds, scopeDocumentIds(processes));
    const clauses = checkClauses(tx, input.clauseCodes);
    const year = yearOf(input.startOn);
    const programme = ensureProgramme(tx, ctx, unit.id, year);
    tx.update(audits)
      .set({
        programmeId: programme.id,
        title: input.title?.trim() || defaultAuditTitle(year, unit.name),
        objectives: input.objectives?.trim() || null,
        startOn: input.startOn,
        endOn: input.endOn,
        leadAuditorId: input.leadAuditorId,
        updatedAt: ctx.now.getTime(),
      })
      .where(eq(audits.id, audit.id))
      .run();
    setTeam(tx, audit.id, team);
    setScope(tx, audit.id, clauses, processes);
    generateChecklist(tx, audit.id);
    recordTrail(tx, ctx, { entity: "audit", entityId: audit.id, action: "update", unitId: unit.id, before, after: snapshot(tx, audit.id) });
    return audit.id;
  });
}

/**
 * Units an officer can plan for in one step: units strictly below their own that exist on `day`. The day is
 * explicit: the form offers today's units, the plan checks the units of the audits' start day.
 */
export function batchUnitOptions(ctx: Ctx, day: string) {
  if (ctx.actor.kind !== "user") return [];
  const scope = ctx.scope;
  const own = ctx.actor.unitPath;
  return inTreeOrder(
    ctx.db,
    ctx.db
      .select({ id: units.id, name: units.name, code: units.code, path: units.path, validFrom: units.validFrom, validTo: units.validTo, depth: units.depth })
      .from(units)
      .all()
      .filter((u) => u.path !== own && u.path.startsWith(own) && pathInScope(scope, u.path) && validOn(u, day)),
  );
}

/**
 * One-step planning: an audit for every chosen unit below the officer's own, same dates, team and scope.
 * Units that already have an audit that year are skipped (and named), so running it twice changes nothing.
 * All or nothing: one transaction.
 */
export function planAuditsForUnits(ctx: Ctx, input: AuditBatchInput) {
  requireCapability(ctx.actor, "audits.plan");
  const allowed = new Map(batchUnitOptions(ctx, input.startOn).map((u) => [u.id, u]));
  const chosen = [...new Set(input.unitIds)];
  if (chosen.some((id) => !allowed.has(id))) throw new InvalidInputError("errors.invalid", {}, { unitIds: ["audits.errors.unitNotBelow"] });
  const year = yearOf(input.startOn);
  const typed = parseProcessLines(input.processes);
  return writeOnce(ctx, (tx) => {
    const existing = new Set(
      tx
        .select({ unitId: audits.unitId, startOn: audits.startOn })
        .from(audits)
        .where(inArray(audits.unitId, chosen))
        .all()
        .filter((a) => yearOf(a.startOn) === year)
        .map((a) => a.unitId),
    );
    const created: { id: number; unitId: number; unitName: string }[] = [];
    const skipped: { unitId: number; unitName: string }[] = [];
    for (const unitId of chosen) {
      const unit = allowed.get(unitId)!;
      if (existing.has(unitId)) {
        skipped.push({ unitId, unitName: unit.name });
        continue;
      }
      const row = insertAudit(tx, ctx, { ...input, unit, processes: resolveProcesses(tx, unitId, [], typed) });
      generateChecklist(tx, row.id);
      recordTrail(tx, ctx, { entity: "audit", entityId: row.id, action: "plan", unitId, after: { ...snapshot(tx, row.id), batch: true } });
      created.push({ id: row.id, unitId, unitName: unit.name });
    }
    return { created, skipped };
  });
}

/**
 * Start a new audit from an earlier one (typically last year's): same scope, processes, questions (results
 * cleared) and team, for the new dates. Auditors no longer eligible (inactive, or now in the audited unit) are
 * left out; the lead must still be eligible.
 */
export function copyAudit(ctx: Ctx, fromAuditId: number, input: AuditCopyInput) {
  requireCapability(ctx.actor, "audits.plan");
  const { audit: from, unit, inScope } = getAuditOrThrow(ctx, fromAuditId);
  if (!inScope) throw new NotFoundError("errors.notFound");
  if (yearOf(input.startOn) === yearOf(from.startOn)) throw new InvalidInputError("errors.invalid", {}, { startOn: ["audits.errors.copySameYear"] });
  return writeOnce(ctx, (tx) => {
    const src = snapshot(tx, from.id);
    const processes = tx.select().from(auditScopeProcesses).where(eq(auditScopeProcesses.auditId, from.id)).orderBy(asc(auditScopeProcesses.sortOrder)).all();
    const unitRow = tx.select().from(units).where(eq(units.id, unit.id)).get()!;
    let teamIds = src.teamIds;
    const docIds = scopeDocumentIds(processes);
    try {
      checkTeam(ctx, tx, src.leadAuditorId, [], docIds);
    } catch {
      throw new PreconditionFailedError("audits.errors.copyLead");
    }
    teamIds = teamIds.filter((id) => {
      try {
        checkTeam(ctx, tx, src.leadAuditorId, [id], docIds);
        return true;
      } catch {
        return false;
      }
    });
    const year = yearOf(input.startOn);
    const clash = tx.select({ id: audits.id, startOn: audits.startOn }).from(audits).where(eq(audits.copiedFromId, from.id)).all();
    if (clash.some((c) => yearOf(c.startOn) === year)) throw new ConflictError("audits.errors.alreadyCopied");
    const row = insertAudit(tx, ctx, {
      unit: unitRow,
      title: defaultAuditTitle(year, unitRow.name),
      objectives: src.objectives,
      startOn: input.startOn,
      endOn: input.endOn,
      leadAuditorId: src.leadAuditorId,
      teamIds,
      clauseCodes: src.clauseCodes,
      processes: processes.map((p) => ({ code: p.code, name: p.name, documentId: p.documentId })),
      copiedFromId: from.id,
    });
    // Same questions as last year (including the auditors' own), results cleared; process items follow the new rows.
    const newProcs = tx.select().from(auditScopeProcesses).where(eq(auditScopeProcesses.auditId, row.id)).orderBy(asc(auditScopeProcesses.sortOrder)).all();
    const procMap = new Map(processes.map((p, i) => [p.id, newProcs[i]?.id ?? null]));
    const items = tx.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, from.id)).orderBy(asc(auditChecklistItems.sortOrder)).all();
    items.forEach((it, i) =>
      tx
        .insert(auditChecklistItems)
        .values({
          auditId: row.id,
          kind: it.kind,
          clauseCode: it.clauseCode,
          processId: it.processId ? (procMap.get(it.processId) ?? null) : null,
          question: it.question,
          sortOrder: i + 1,
        })
        .run(),
    );
    recordTrail(tx, ctx, { entity: "audit", entityId: row.id, action: "copy", unitId: unit.id, after: { ...snapshot(tx, row.id), copiedFromId: from.id } });
    return row;
  });
}

/** Edit a unit's yearly programme (objectives, notes). */
export function saveProgramme(ctx: Ctx, unitId: number, year: number, objectives: string | undefined) {
  requireCapability(ctx.actor, "audits.plan");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  return write(ctx, (tx) => {
    const p = ensureProgramme(tx, ctx, unit.id, year);
    tx.update(auditProgrammes)
      .set({ objectives: objectives?.trim() || null, updatedAt: ctx.now.getTime() })
      .where(eq(auditProgrammes.id, p.id))
      .run();
    recordTrail(tx, ctx, {
      entity: "audit_programme",
      entityId: p.id,
      action: "update",
      unitId: unit.id,
      before: { objectives: p.objectives },
      after: { objectives: objectives?.trim() || null, year },
    });
    return p.id;
  });
}
