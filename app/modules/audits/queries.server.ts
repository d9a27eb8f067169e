import { aliasedTable, and, asc, count, desc, eq, inArray, or, sql, type SQLWrapper } from "drizzle-orm";
import type { DB } from "#db/client";
import {
  auditChecklistEvidence,
  auditChecklistItems,
  auditFindings,
  auditProgrammes,
  audits,
  auditScopeClauses,
  auditScopeProcesses,
  auditTeamMembers,
  documents,
  files,
  findingGrades,
  findings,
  isoClauses,
  units,
  users,
  type AuditStatus,
} from "#db/schema";
import { AUDIT_STATUSES } from "#db/schema/enums";
import { parseSort, type ListSort, type SortKey } from "~/lib/list-sort";
import type { Ctx } from "../context";
import { can } from "../permissions";
import { validOn } from "../units/rules";
import { inScope, pathCondition } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";
import { auditorCandidates, canPlanFor, getAuditOrThrow } from "./access.server";
import { gradesForResult, processConflicts, processLines, resultCounts, stepsFrom, unansweredCount, yearOf } from "./rules";
import { mayTake } from "./transition.server";
import { processPeople } from "./scope-write.server";

export type AuditListFilter = { year?: number; unitId?: number; status?: AuditStatus; mine?: boolean } & Partial<ListSort<"audits">>;
export const AUDITS_PAGE_SIZE = 50;

/** The list's query string (shared by the page and its Excel export): no year = this year; year= (empty) = all. */
export function parseAuditListFilter(params: URLSearchParams, today: string): AuditListFilter {
  const yearParam = params.get("year");
  const year = yearParam === "" ? undefined : /^\d{4}$/.test(yearParam ?? "") ? Number(yearParam) : Number(today.slice(0, 4));
  const unitId = Number(params.get("unit")) || undefined;
  const statusParam = params.get("status");
  const status = (AUDIT_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as AuditStatus) : undefined;
  return {
    year,
    unitId: unitId && Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined,
    status,
    mine: params.get("mine") === "1",
    ...parseSort("audits", params),
  };
}

const lead = aliasedTable(users, "lead");

function auditsWhere(ctx: Ctx, filter: AuditListFilter) {
  const uid = ctx.actor.kind === "user" ? ctx.actor.id : -1;
  const mineCond = or(eq(audits.leadAuditorId, uid), sql`${audits.id} IN (SELECT audit_id FROM audit_team_members WHERE user_id = ${uid})`);
  return and(
    filter.mine ? mineCond : or(inScope(audits.unitId, ctx.scope), mineCond),
    filter.year ? sql`substr(${audits.startOn}, 1, 4) = ${String(filter.year)}` : undefined,
    filter.unitId ? eq(audits.unitId, filter.unitId) : undefined,
    filter.status ? eq(audits.status, filter.status) : undefined,
  );
}

/** Audits the actor reads (audited unit in scope, or the actor is one of its auditors), newest first or in the asked order. */
export function listAudits(ctx: Ctx, filter: AuditListFilter = {}, limit = 500, offset = 0) {
  const by = filter.dir === "desc" ? desc : asc;
  const sortColumns = { title: audits.title, unit: units.name, start: audits.startOn, lead: lead.fullName, status: audits.status } satisfies Record<
    SortKey<"audits">,
    SQLWrapper
  >;
  return ctx.db
    .select({
      id: audits.id,
      title: audits.title,
      unitId: audits.unitId,
      unitName: units.name,
      startOn: audits.startOn,
      endOn: audits.endOn,
      status: audits.status,
      reportedOn: audits.reportedOn,
      leadName: lead.fullName,
      items: sql<number>`(SELECT count(*) FROM audit_checklist_items i WHERE i.audit_id = ${audits.id})`,
      answered: sql<number>`(SELECT count(*) FROM audit_checklist_items i WHERE i.audit_id = ${audits.id} AND i.result IS NOT NULL)`,
      ncs: sql<number>`(SELECT count(*) FROM audit_findings af JOIN findings f ON f.id = af.finding_id WHERE af.audit_id = ${audits.id} AND f.grade_code IN ('major','minor'))`,
    })
    .from(audits)
    .innerJoin(units, eq(units.id, audits.unitId))
    .innerJoin(lead, eq(lead.id, audits.leadAuditorId))
    .where(auditsWhere(ctx, filter))
    .orderBy(...(filter.sort ? [by(sortColumns[filter.sort]), by(audits.id)] : [desc(audits.startOn), asc(units.name), desc(audits.id)]))
    .limit(limit)
    .offset(offset)
    .all();
}

/** One page of the list, with the total for the pager. */
export function auditsPage(ctx: Ctx, filter: AuditListFilter, page = 1, pageSize = AUDITS_PAGE_SIZE) {
  const total = ctx.db.select({ n: count() }).from(audits).where(auditsWhere(ctx, filter)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, page), pages);
  return { rows: listAudits(ctx, filter, pageSize, (p - 1) * pageSize), total, page: p, pages };
}

export function clauseOptions(db: DB) {
  return db.select().from(isoClauses).orderBy(asc(isoClauses.sortOrder)).all();
}

export function gradeOptions(db: DB) {
  return db.select().from(findingGrades).orderBy(asc(findingGrades.sortOrder)).all();
}

/** Units an officer may plan a single audit for: units in scope that exist today. */
export function plannableUnits(ctx: Ctx) {
  const rows = ctx.db
    .select({ id: units.id, name: units.name, code: units.code, depth: units.depth, validFrom: units.validFrom, validTo: units.validTo, path: units.path })
    .from(units)
    .where(pathCondition(ctx.scope))
    .all()
    .filter((u) => validOn(u, ctx.today));
  return inTreeOrder(ctx.db, rows).map(({ path: _path, ...u }) => u);
}

/**
 * Choices of the audit plan form: units, clauses, the units' process documents, and the possible auditors with
 * the processes each owns or takes part in (the form greys them out for a scope that holds one of those).
 */
export function auditFormOptions(ctx: Ctx) {
  const unitsList = plannableUnits(ctx);
  const unitIds = unitsList.map((u) => u.id);
  const processDocs = unitIds.length
    ? ctx.db
        .select({ id: documents.id, unitId: documents.unitId, code: documents.code, title: documents.title })
        .from(documents)
        .where(and(inArray(documents.unitId, unitIds), eq(documents.kind, "process"), sql`${documents.status} <> 'obsolete'`))
        .orderBy(asc(documents.code))
        .all()
    : [];
  const roles = processPeople(
    ctx.db,
    processDocs.map((d) => d.id),
  );
  return {
    units: unitsList,
    clauses: clauseOptions(ctx.db),
    processDocs,
    auditors: auditorCandidates(ctx).map((c) => ({
      id: c.id,
      label: `${c.fullName} – ${c.title ?? ""} (${c.unitName})`.replace(" –  (", " ("),
      processes: processConflicts(roles, c.id).map((r) => ({ documentId: r.documentId, code: r.code, role: r.role })),
    })),
  };
}

/** Everything the audit page shows, and what the actor may do there. */
export function getAuditDetail(ctx: Ctx, auditId: number) {
  const { db, actor } = ctx;
  const { audit, unit, inScope: readsUnit, onTeam } = getAuditOrThrow(ctx, auditId);
  const programme = db.select().from(auditProgrammes).where(eq(auditProgrammes.id, audit.programmeId)).get()!;
  const lead = db
    .select({ id: users.id, fullName: users.fullName, title: users.title, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, audit.leadAuditorId))
    .get()!;
  const team = db
    .select({ id: users.id, fullName: users.fullName, title: users.title, unitName: units.name })
    .from(auditTeamMembers)
    .innerJoin(users, eq(users.id, auditTeamMembers.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(auditTeamMembers.auditId, audit.id))
    .orderBy(asc(users.fullName))
    .all();
  const clauses = db
    .select({ code: isoClauses.code, titleVi: isoClauses.titleVi, titleEn: isoClauses.titleEn })
    .from(auditScopeClauses)
    .innerJoin(isoClauses, eq(isoClauses.code, auditScopeClauses.clauseCode))
    .where(eq(auditScopeClauses.auditId, audit.id))
    .orderBy(asc(isoClauses.sortOrder))
    .all();
  const processes = db.select().from(auditScopeProcesses).where(eq(auditScopeProcesses.auditId, audit.id)).orderBy(asc(auditScopeProcesses.sortOrder)).all();
  const items = db.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, audit.id)).orderBy(asc(auditChecklistItems.sortOrder)).all();
  const itemIds = items.map((i) => i.id);
  const evidence = itemIds.length
    ? db
        .select({ itemId: auditChecklistEvidence.itemId, fileId: files.id, name: files.originalName, size: files.size })
        .from(auditChecklistEvidence)
        .innerJoin(files, eq(files.id, auditChecklistEvidence.fileId))
        .where(inArray(auditChecklistEvidence.itemId, itemIds))
        .all()
    : [];
  const raised = db
    .select({
      id: findings.id,
      itemId: auditFindings.checklistItemId,
      gradeCode: findings.gradeCode,
      gradeVi: findingGrades.nameVi,
      gradeEn: findingGrades.nameEn,
      clauseCode: findings.clauseCode,
      description: findings.description,
      evidence: findings.evidence,
      status: findings.status,
      foundOn: findings.foundOn,
    })
    .from(auditFindings)
    .innerJoin(findings, eq(findings.id, auditFindings.findingId))
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .where(eq(auditFindings.auditId, audit.id))
    .orderBy(asc(findingGrades.sortOrder), asc(findings.id))
    .all();
  const steps = stepsFrom(audit.status).filter((s) => mayTake(ctx, s, audit, unit.path));
  const planner = canPlanFor(ctx, unit.path);
  const copiedFrom = audit.copiedFromId
    ? db.select({ id: audits.id, title: audits.title }).from(audits).where(eq(audits.id, audit.copiedFromId)).get()
    : undefined;
  return {
    audit,
    unit,
    programme,
    lead,
    team,
    clauses,
    processes,
    processText: processLines(processes),
    items: items.map((i) => ({
      ...i,
      evidence: evidence.filter((e) => e.itemId === i.id),
      findings: raised.filter((f) => f.itemId === i.id),
      raisable: gradesForResult(i.result),
    })),
    findings: raised,
    /** Nonconformity answers that have no finding yet: the audit lists them until each becomes one. */
    pendingNc: items
      .filter((i) => i.result === "nonconformity" && !raised.some((f) => f.itemId === i.id))
      .map((i) => ({ id: i.id, question: i.question, clauseCode: i.clauseCode })),
    counts: resultCounts(items),
    unanswered: unansweredCount(items),
    copiedFrom,
    can: {
      readUnit: readsUnit,
      edit: planner && audit.status === "planned",
      fill: onTeam && audit.status === "in_progress",
      addQuestion: onTeam && (audit.status === "planned" || audit.status === "in_progress"),
      copy: planner && can(actor, "audits.plan"),
      steps,
    },
  };
}

/** A unit's programme for a year: the programme row (if any) and its audits. */
export function getProgramme(ctx: Ctx, unitId: number, year: number) {
  const programme = ctx.db
    .select()
    .from(auditProgrammes)
    .where(and(eq(auditProgrammes.unitId, unitId), eq(auditProgrammes.year, year)))
    .get();
  const rows = listAudits(ctx, { unitId, year });
  return { programme, audits: rows };
}

/** The unit's most recent audit of an earlier year (to copy as a start). */
export function lastAuditBefore(db: DB, unitId: number, year: number) {
  const rows = db
    .select({ id: audits.id, title: audits.title, startOn: audits.startOn, status: audits.status })
    .from(audits)
    .where(and(eq(audits.unitId, unitId), sql`${audits.startOn} < ${`${year}-01-01`}`))
    .orderBy(desc(audits.startOn))
    .limit(1)
    .all();
  return rows[0] && yearOf(rows[0].startOn) < year ? rows[0] : undefined;
}
