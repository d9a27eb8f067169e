import { aliasedTable, and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
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
  files,
  findingGrades,
  findings,
  isoClauses,
  units,
  users,
  type AuditStatus,
} from "#db/schema";
import { AUDIT_STATUSES } from "#db/schema/enums";
import type { Actor, Ctx } from "../context";
import { can } from "../permissions";
import { validOn } from "../units/rules";
import { inScope, pathCondition, scopeFor } from "../units/scope.server";
import { auditorCandidates, canPlanFor, getAuditOrThrow } from "./access.server";
import { gradesForResult, processLines, resultCounts, stepsFrom, unansweredCount, yearOf } from "./rules";
import { mayTake } from "./transition.server";

export type AuditListFilter = { year?: number; unitId?: number; status?: AuditStatus; mine?: boolean };

/** The list's query string (shared by the page and its Excel export): no year = this year; year= (empty) = all. */
export function parseAuditListFilter(params: URLSearchParams, today: string): AuditListFilter {
  const yearParam = params.get("year");
  const year = yearParam === "" ? undefined : /^\d{4}$/.test(yearParam ?? "") ? Number(yearParam) : Number(today.slice(0, 4));
  const unitId = Number(params.get("unit")) || undefined;
  const statusParam = params.get("status");
  const status = (AUDIT_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as AuditStatus) : undefined;
  return { year, unitId: unitId && Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined, status, mine: params.get("mine") === "1" };
}

/** Audits the actor reads (audited unit in scope, or the actor is one of its auditors), newest first. */
export function listAudits(db: DB, actor: Actor, filter: AuditListFilter = {}) {
  const lead = aliasedTable(users, "lead");
  const uid = actor.kind === "user" ? actor.id : -1;
  const mineCond = or(eq(audits.leadAuditorId, uid), sql`${audits.id} IN (SELECT audit_id FROM audit_team_members WHERE user_id = ${uid})`);
  return db
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
    .where(
      and(
        filter.mine ? mineCond : or(inScope(audits.unitId, scopeFor(db, actor)), mineCond),
        filter.year ? sql`substr(${audits.startOn}, 1, 4) = ${String(filter.year)}` : undefined,
        filter.unitId ? eq(audits.unitId, filter.unitId) : undefined,
        filter.status ? eq(audits.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(audits.startOn), asc(units.path))
    .limit(500)
    .all();
}

export function clauseOptions(db: DB) {
  return db.select().from(isoClauses).orderBy(asc(isoClauses.sortOrder)).all();
}

export function gradeOptions(db: DB) {
  return db.select().from(findingGrades).orderBy(asc(findingGrades.sortOrder)).all();
}

/** Units an officer may plan a single audit for: active units in scope. */
export function plannableUnits(db: DB, actor: Actor, day: string) {
  return db
    .select({ id: units.id, name: units.name, code: units.code, depth: units.depth, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .where(pathCondition(scopeFor(db, actor)))
    .orderBy(asc(units.path))
    .all()
    .filter((u) => validOn(u, day));
}

export function auditFormOptions(db: DB, actor: Actor, day: string) {
  return {
    units: plannableUnits(db, actor, day),
    clauses: clauseOptions(db),
    auditors: auditorCandidates(db, actor).map((c) => ({ id: c.id, label: `${c.fullName} – ${c.title ?? ""} (${c.unitName})`.replace(" –  (", " (") })),
  };
}

/** Everything the audit page shows, and what the actor may do there. */
export function getAuditDetail(ctx: Ctx, auditId: number) {
  const { db, actor } = ctx;
  const { audit, unit, inScope: readsUnit, onTeam } = getAuditOrThrow(db, actor, auditId);
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
  const planner = canPlanFor(db, actor, unit.path);
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
export function getProgramme(db: DB, actor: Actor, unitId: number, year: number) {
  const programme = db
    .select()
    .from(auditProgrammes)
    .where(and(eq(auditProgrammes.unitId, unitId), eq(auditProgrammes.year, year)))
    .get();
  const rows = listAudits(db, actor, { unitId, year });
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
