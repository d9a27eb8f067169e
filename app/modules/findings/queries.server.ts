import { findingOverdueSql, ruleDueOn } from "./due.server";
import { findingOverdue } from "./rules";
import { can } from "../permissions";
import { and, asc, count, desc, eq, gte, lte, sql, type SQLWrapper } from "drizzle-orm";
import {
  auditChecklistItems,
  auditFindings,
  audits,
  correctiveActions,
  FINDING_SOURCES,
  FINDING_STATUSES,
  findingGrades,
  findings,
  inspectionFindings,
  inspections,
  isoClauses,
  units,
  users,
  type FindingSource,
  type FindingStatus,
} from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import { parseVnDay } from "~/lib/zod";
import { parseSort, type ListSort, type SortKey } from "~/lib/list-sort";
import { textMatches } from "../search/match.server";
import { onTeam } from "../audits/access.server";
import type { Ctx } from "../context";
import { inScope, pathCondition, pathInScope } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";

export const FINDINGS_PAGE_SIZE = 50;

export type FindingFilter = {
  unitId?: number;
  source?: FindingSource;
  grade?: string;
  status?: FindingStatus;
  /** Period on the day the finding was made, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Open findings whose action due date has passed (today). */
  overdue?: boolean;
  /** Words of the description, accents ignored. */
  q?: string;
} & Partial<ListSort<"findings">>;

/** Read list filters from a URL's query string; anything unknown or malformed is ignored, never an error. */
export function parseFindingFilter(params: URLSearchParams): FindingFilter & { page: number } {
  const pick = <T extends string>(v: string | null, list: readonly T[]) => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
  const unitId = Number(params.get("unit"));
  const page = Number(params.get("page"));
  const year = params.get("year");
  let from = parseVnDay(params.get("from") ?? "");
  let to = parseVnDay(params.get("to") ?? "");
  if (year && /^\d{4}$/.test(year)) {
    from = from ?? `${year}-01-01`;
    to = to ?? `${year}-12-31`;
  }
  const grade = params.get("grade");
  return {
    unitId: Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined,
    source: pick(params.get("source"), FINDING_SOURCES),
    grade: grade && /^[a-z_]{1,32}$/.test(grade) ? grade : undefined,
    status: pick(params.get("status"), FINDING_STATUSES),
    from,
    to,
    overdue: params.get("overdue") === "1",
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    ...parseSort("findings", params),
    page: Number.isSafeInteger(page) && page > 1 && page < 100000 ? page : 1,
  };
}

/** Findings of the units in the actor's scope, filtered, newest first, one page at a time. */
export function listFindings(ctx: Ctx, filter: FindingFilter, page = 1, pageSize = FINDINGS_PAGE_SIZE) {
  const { db, today } = ctx;
  const where = and(
    inScope(findings.unitId, ctx.scope),
    filter.unitId ? eq(findings.unitId, filter.unitId) : undefined,
    filter.source ? eq(findings.source, filter.source) : undefined,
    filter.grade ? eq(findings.gradeCode, filter.grade) : undefined,
    filter.status ? eq(findings.status, filter.status) : undefined,
    filter.from ? gte(findings.foundOn, filter.from) : undefined,
    filter.to ? lte(findings.foundOn, filter.to) : undefined,
    filter.overdue ? findingOverdueSql(today) : undefined,
    filter.q ? textMatches(ctx, "findings", findings.id, filter.q) : undefined,
  );
  const sortColumns = {
    found: findings.foundOn,
    unit: units.name,
    grade: findingGrades.sortOrder,
    status: findings.status,
    due: findings.actionDueOn,
  } satisfies Record<SortKey<"findings">, SQLWrapper>;
  const by = filter.dir === "desc" ? desc : asc;
  const total = db.select({ n: count() }).from(findings).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: findings.id,
      unitId: findings.unitId,
      unitName: units.name,
      source: findings.source,
      gradeCode: findings.gradeCode,
      gradeVi: findingGrades.nameVi,
      gradeEn: findingGrades.nameEn,
      clauseCode: findings.clauseCode,
      description: findings.description,
      foundOn: findings.foundOn,
      actionDueOn: findings.actionDueOn,
      status: findings.status,
      overdue: sql<number>`${findingOverdueSql(today)}`,
    })
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .where(where)
    .orderBy(...(filter.sort ? [by(sortColumns[filter.sort]), by(findings.id)] : [desc(findings.foundOn), desc(findings.id)]))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return {
    rows: rows.map((r) => ({ ...r, overdue: !!r.overdue })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export function findingFilterOptions(ctx: Ctx) {
  const { db } = ctx;
  return {
    units: inTreeOrder(
      db,
      db.select({ id: units.id, name: units.name, depth: units.depth, path: units.path }).from(units).where(pathCondition(ctx.scope)).all(),
    ).map(({ path: _path, ...u }) => u),
    grades: db.select().from(findingGrades).orderBy(asc(findingGrades.sortOrder)).all(),
  };
}

/**
 * One finding, for a reader whose scope covers its unit, or for an auditor of the audit that raised it.
 * Anyone else: not found.
 */
export function getFindingDetail(ctx: Ctx, findingId: number) {
  const { db } = ctx;
  const row = Number.isSafeInteger(findingId)
    ? db
        .select({
          f: findings,
          unitName: units.name,
          unitPath: units.path,
          gradeVi: findingGrades.nameVi,
          gradeEn: findingGrades.nameEn,
          requiresAction: findingGrades.requiresAction,
        })
        .from(findings)
        .innerJoin(units, eq(units.id, findings.unitId))
        .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
        .where(eq(findings.id, findingId))
        .get()
    : undefined;
  if (!row) throw new NotFoundError("errors.notFound");
  const audit = db
    .select({
      id: audits.id,
      title: audits.title,
      leadAuditorId: audits.leadAuditorId,
      itemId: auditFindings.checklistItemId,
      question: auditChecklistItems.question,
    })
    .from(auditFindings)
    .innerJoin(audits, eq(audits.id, auditFindings.auditId))
    .leftJoin(auditChecklistItems, eq(auditChecklistItems.id, auditFindings.checklistItemId))
    .where(eq(auditFindings.findingId, findingId))
    .get();
  const inScopeRead = pathInScope(ctx.scope, row.unitPath);
  const readable = inScopeRead || (audit ? onTeam(ctx, audit) : false);
  if (!readable) throw new NotFoundError("errors.notFound");
  // Its corrective actions (an auditor from outside the unit sees the finding, not the unit's work on it).
  const actions = inScopeRead
    ? db
        .select({
          id: correctiveActions.id,
          description: correctiveActions.description,
          status: correctiveActions.status,
          dueOn: correctiveActions.dueOn,
          ownerName: users.fullName,
        })
        .from(correctiveActions)
        .innerJoin(users, eq(users.id, correctiveActions.ownerId))
        .where(eq(correctiveActions.findingId, findingId))
        .orderBy(asc(correctiveActions.id))
        .all()
    : [];
  const inspection = db
    .select({
      id: inspections.id,
      decisionNumber: inspections.decisionNumber,
      decisionOn: inspections.decisionOn,
      minutesSignedOn: inspections.minutesSignedOn,
    })
    .from(inspectionFindings)
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .where(eq(inspectionFindings.findingId, findingId))
    .get();
  const clause = row.f.clauseCode ? db.select().from(isoClauses).where(eq(isoClauses.code, row.f.clauseCode)).get() : undefined;
  const raisedBy = row.f.raisedById
    ? db.select({ fullName: users.fullName, title: users.title }).from(users).where(eq(users.id, row.f.raisedById)).get()
    : undefined;
  return {
    finding: row.f,
    unit: { id: row.f.unitId, name: row.unitName },
    grade: { code: row.f.gradeCode, nameVi: row.gradeVi, nameEn: row.gradeEn, requiresAction: row.requiresAction },
    clause,
    raisedBy,
    audit: audit ? { id: audit.id, title: audit.title, itemId: audit.itemId, question: audit.question } : undefined,
    inspection,
    actions,
    overdue: findingOverdue(row.f, actions, ctx.today),
    ruleDueOn: ruleDueOn(db, row.f),
    canMoveDue: inScopeRead && row.f.status === "open" && (row.f.source === "inspection" ? can(ctx.actor, "inspection.write") : can(ctx.actor, "ca.write")),
  };
}
