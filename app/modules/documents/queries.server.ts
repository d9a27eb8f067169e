import { alias } from "drizzle-orm/sqlite-core";
import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DB } from "#db/client";
import {
  documentClauses,
  documentProcedures,
  documentReviews,
  documentRevisions,
  documents,
  files,
  isoClauses,
  legalChangeDocuments,
  legalChanges,
  procedures,
  units,
  users,
  documentPeople,
  DOCUMENT_KINDS,
  type DocumentKind,
} from "#db/schema";
import type { Ctx } from "../context";
import { inScope } from "../units/scope.server";
import { textMatches } from "../search/match.server";
import { inTreeOrder } from "../units/tree.server";
import { getDocumentInScopeOrThrow } from "./access.server";
import { clockState, DUE_SOON_DAYS } from "./rules";
import { LIST_PAGE_SIZE, LIST_STATUSES, OVERDUE_FILTERS } from "./schema";
import { addDays, addMonthsToDay } from "~/lib/time";
import { parseSort, type ListSort, type SortKey } from "~/lib/list-sort";

export type DocumentFilter = {
  q?: string;
  kind?: DocumentKind;
  status?: (typeof LIST_STATUSES)[number];
  clause?: string;
  overdue?: (typeof OVERDUE_FILTERS)[number];
  unitId?: number;
  page?: number;
} & Partial<ListSort<"documents">>;

/** Read a list's query string; anything unknown means "no filter" (a bad link never fails). */
export function parseDocumentFilter(params: URLSearchParams): DocumentFilter {
  const pick = <T extends string>(v: string | null, list: readonly T[]) => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
  const unitId = Number(params.get("unit"));
  const page = Number(params.get("page"));
  return {
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    kind: pick(params.get("kind"), DOCUMENT_KINDS),
    status: pick(params.get("status"), LIST_STATUSES),
    clause: params.get("clause")?.slice(0, 10) || undefined,
    overdue: pick(params.get("overdue"), OVERDUE_FILTERS),
    unitId: Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined,
    page: Number.isSafeInteger(page) && page > 1 && page < 100_000 ? page : 1,
    ...parseSort("documents", params),
  };
}

const SORT_COLUMNS = {
  code: documents.code,
  title: documents.title,
  kind: documents.kind,
  unit: units.name,
  status: documents.status,
  review: documents.nextReviewOn,
} satisfies Record<SortKey<"documents">, SQLWrapper>;

const reviewOverdueSql = (day: string) => sql`(${documents.status} = 'effective' AND ${documents.nextReviewOn} < ${day})`;
const updateOverdueSql = (day: string) => sql`(${documents.status} = 'effective' AND ${documents.updateDueOn} < ${day})`;
const pendingRevision = alias(documentRevisions, "pending_rev");
const currentRevision = alias(documentRevisions, "current_rev");

function filterConditions(ctx: Ctx, f: DocumentFilter, day: string): SQL | undefined {
  const scope = ctx.scope;
  const conds: (SQL | undefined)[] = [inScope(documents.unitId, scope)];
  if (f.unitId) conds.push(eq(documents.unitId, f.unitId));
  if (f.q) conds.push(textMatches(ctx, "documents", documents.id, f.q));
  if (f.kind) conds.push(eq(documents.kind, f.kind));
  if (f.status === "pending") {
    conds.push(
      exists(
        sql`(SELECT 1 FROM ${documentRevisions} WHERE ${documentRevisions.documentId} = ${documents.id} AND ${documentRevisions.status} IN ('in_review', 'approved'))`,
      ),
    );
  } else if (f.status) conds.push(eq(documents.status, f.status));
  if (f.clause) {
    // A clause filter includes its sub-clauses (7.5 finds documents filed under 7.5.3).
    conds.push(
      exists(
        sql`(SELECT 1 FROM ${documentClauses} WHERE ${documentClauses.documentId} = ${documents.id} AND (${documentClauses.clauseCode} = ${f.clause} OR ${documentClauses.clauseCode} LIKE ${f.clause + ".%"}))`,
      ),
    );
  }
  if (f.overdue === "any") conds.push(or(reviewOverdueSql(day), updateOverdueSql(day)));
  if (f.overdue === "review") conds.push(reviewOverdueSql(day));
  if (f.overdue === "update") conds.push(updateOverdueSql(day));
  if (f.overdue === "needs_revision") conds.push(and(eq(documents.status, "effective"), eq(documents.needsRevision, true)));
  if (f.overdue === "due_soon") {
    conds.push(
      sql`(${documents.status} = 'effective' AND ${documents.nextReviewOn} >= ${day} AND ${documents.nextReviewOn} <= ${addDays(day, DUE_SOON_DAYS)})`,
    );
  }
  return and(...conds);
}

/** The register: one page of documents in scope with their clocks (as of `ctx.today`), and the total for the pager. */
export function listDocuments(ctx: Ctx, f: DocumentFilter, pageSize = LIST_PAGE_SIZE) {
  const { db, today: day } = ctx;
  const where = filterConditions(ctx, f, day);
  const total = db.select({ n: count() }).from(documents).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page ?? 1, pages);
  const rows = db
    .select({
      id: documents.id,
      code: documents.code,
      title: documents.title,
      kind: documents.kind,
      status: documents.status,
      unitId: documents.unitId,
      unitName: units.name,
      effectiveFrom: documents.effectiveFrom,
      nextReviewOn: documents.nextReviewOn,
      updateDueOn: documents.updateDueOn,
      needsRevision: documents.needsRevision,
      currentNumber: currentRevision.number,
      pendingStatus: pendingRevision.status,
      pendingNumber: pendingRevision.number,
    })
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .leftJoin(currentRevision, eq(currentRevision.id, documents.currentRevisionId))
    .leftJoin(pendingRevision, and(eq(pendingRevision.documentId, documents.id), inArray(pendingRevision.status, ["draft", "in_review", "approved"])))
    .where(where)
    .orderBy(
      ...(f.sort ? [(f.dir === "desc" ? desc : asc)(SORT_COLUMNS[f.sort]), asc(documents.id)] : [asc(units.name), asc(documents.code), asc(documents.id)]),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return {
    rows: rows.map((r) => ({
      ...r,
      reviewOverdue: r.status === "effective" && !!r.nextReviewOn && r.nextReviewOn < day,
      updateOverdue: r.status === "effective" && !!r.updateDueOn && r.updateDueOn < day,
    })),
    total,
    page,
    pages,
  };
}

const drafter = alias(users, "drafter");
const reviewer = alias(users, "reviewer");
const approver = alias(users, "approver");

export function revisionsOf(db: DB, documentId: number) {
  return db
    .select({
      r: documentRevisions,
      fileName: files.originalName,
      fileSize: files.size,
      fileExt: files.ext,
      drafter: drafter.fullName,
      reviewer: reviewer.fullName,
      approver: approver.fullName,
    })
    .from(documentRevisions)
    .innerJoin(files, eq(files.id, documentRevisions.fileId))
    .leftJoin(drafter, eq(drafter.id, documentRevisions.draftedById))
    .leftJoin(reviewer, eq(reviewer.id, documentRevisions.reviewedById))
    .leftJoin(approver, eq(approver.id, documentRevisions.approvedById))
    .where(eq(documentRevisions.documentId, documentId))
    .orderBy(desc(documentRevisions.number))
    .all()
    .map(({ r, ...rest }) => ({ ...r, ...rest }));
}

/** Everything a document's page shows, its clocks as of `ctx.today`. The scope check comes first: out of scope is "not found". */
export function getDocumentDetail(ctx: Ctx, documentId: number) {
  const { db, today: day } = ctx;
  const doc = getDocumentInScopeOrThrow(ctx, documentId);
  const clauses = db
    .select({ code: isoClauses.code, titleVi: isoClauses.titleVi, titleEn: isoClauses.titleEn })
    .from(documentClauses)
    .innerJoin(isoClauses, eq(isoClauses.code, documentClauses.clauseCode))
    .where(eq(documentClauses.documentId, documentId))
    .orderBy(asc(isoClauses.sortOrder))
    .all();
  const procs = db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, active: procedures.active })
    .from(documentProcedures)
    .innerJoin(procedures, eq(procedures.id, documentProcedures.procedureId))
    .where(eq(documentProcedures.documentId, documentId))
    .orderBy(asc(procedures.code))
    .all();
  const reviews = db
    .select({ r: documentReviews, reviewer: users.fullName })
    .from(documentReviews)
    .leftJoin(users, eq(users.id, documentReviews.reviewerId))
    .where(eq(documentReviews.documentId, documentId))
    .orderBy(desc(documentReviews.reviewedOn), desc(documentReviews.id))
    .all()
    .map(({ r, reviewer }) => ({ ...r, reviewer }));
  const legal = db
    .select({ l: legalChanges, resolvedOn: legalChangeDocuments.resolvedOn, resolvedRevisionId: legalChangeDocuments.resolvedRevisionId })
    .from(legalChangeDocuments)
    .innerJoin(legalChanges, eq(legalChanges.id, legalChangeDocuments.legalChangeId))
    .where(eq(legalChangeDocuments.documentId, documentId))
    .orderBy(desc(legalChanges.effectiveOn))
    .all()
    .map(({ l, resolvedOn, resolvedRevisionId }) => ({ ...l, resolvedOn, resolvedRevisionId }));
  const revisions = revisionsOf(db, documentId);
  const clock = clockState(
    {
      status: doc.status,
      reviewCycleMonths: doc.reviewCycleMonths,
      effectiveFrom: doc.effectiveFrom,
      lastReviewedOn: doc.lastReviewedOn,
      openLegalChangeDays: legal.filter((l) => !l.resolvedOn).map((l) => l.effectiveOn),
      needsRevision: doc.needsRevision,
    },
    day,
  );
  const withdrawnBy = doc.withdrawnById ? db.select({ n: users.fullName }).from(users).where(eq(users.id, doc.withdrawnById)).get()?.n : undefined;
  // Who owns the process and who takes part in it (auditors may not audit their own work).
  const people = db
    .select({ id: users.id, fullName: users.fullName, title: users.title, role: documentPeople.role })
    .from(documentPeople)
    .innerJoin(users, eq(users.id, documentPeople.userId))
    .where(eq(documentPeople.documentId, documentId))
    .orderBy(asc(users.fullName))
    .all();
  return { doc, clauses, procedures: procs, people, reviews, legal, revisions, clock, withdrawnBy: withdrawnBy ?? null };
}

export type UnitDocumentStats = {
  unitId: number;
  effective: number;
  overdueReview: number;
  overdueUpdate: number;
  /** Effective documents late on either clock (one document late on both counts once). */
  overdue: number;
  needsRevision: number;
  /** Published (active) procedures of the unit, and those without an effective process document. */
  procedures: number;
  uncoveredProcedures: number;
};

/**
 * Per unit, on a day: effective documents, overdue periodic reviews, overdue legal updates (QĐ 19, 3 months),
 * and published procedures not covered by an effective process document. For the compliance dashboard and the
 * PDF reports. Accepts explicit unit ids (every id gets a row, zeros included; the caller has checked them) or
 * "scope" (the units in `ctx.scope` that have documents or procedures). The clocks are the documents' current
 * ones, compared with `day`: an explicit day because the compliance facts and the reports ask about a given day
 * (a report's period end), not the ctx's. Typed `Pick<Ctx, "db" | "scope">`: a report section holds no ctx.
 */
export function documentStatsForUnits(ctx: Pick<Ctx, "db" | "scope">, units_: number[] | "scope", day: string): UnitDocumentStats[] {
  const { db } = ctx;
  const unitFilter = (col: Parameters<typeof inScope>[0]) =>
    Array.isArray(units_) ? (units_.length ? inArray(col as never, units_) : sql`0`) : inScope(col, ctx.scope);
  const docRows = db
    .select({
      unitId: documents.unitId,
      effective: sql<number>`sum(${documents.status} = 'effective')`,
      overdueReview: sql<number>`sum(${reviewOverdueSql(day)})`,
      overdueUpdate: sql<number>`sum(${updateOverdueSql(day)})`,
      overdue: sql<number>`sum(${reviewOverdueSql(day)} OR ${updateOverdueSql(day)})`,
      needsRevision: sql<number>`sum(${documents.status} = 'effective' AND ${documents.needsRevision} = 1)`,
    })
    .from(documents)
    .where(unitFilter(documents.unitId))
    .groupBy(documents.unitId)
    .all();
  const covered = sql`EXISTS (SELECT 1 FROM ${documentProcedures} dp JOIN ${documents} d ON d.id = dp.document_id
                       WHERE dp.procedure_id = ${procedures.id} AND d.status = 'effective' AND d.kind = 'process')`;
  const procRows = db
    .select({
      unitId: procedures.unitId,
      procedures: count(),
      uncovered: sql<number>`sum(NOT ${covered})`,
    })
    .from(procedures)
    .where(and(unitFilter(procedures.unitId), eq(procedures.active, true)))
    .groupBy(procedures.unitId)
    .all();
  const out = new Map<number, UnitDocumentStats>();
  const blank = (unitId: number): UnitDocumentStats => ({
    unitId,
    effective: 0,
    overdueReview: 0,
    overdueUpdate: 0,
    overdue: 0,
    needsRevision: 0,
    procedures: 0,
    uncoveredProcedures: 0,
  });
  if (Array.isArray(units_)) for (const id of units_) out.set(id, blank(id));
  for (const r of docRows) {
    const s = out.get(r.unitId) ?? blank(r.unitId);
    Object.assign(s, {
      effective: r.effective ?? 0,
      overdueReview: r.overdueReview ?? 0,
      overdueUpdate: r.overdueUpdate ?? 0,
      overdue: r.overdue ?? 0,
      needsRevision: r.needsRevision ?? 0,
    });
    out.set(r.unitId, s);
  }
  for (const r of procRows) {
    const s = out.get(r.unitId) ?? blank(r.unitId);
    Object.assign(s, { procedures: r.procedures, uncoveredProcedures: r.uncovered ?? 0 });
    out.set(r.unitId, s);
  }
  return [...out.values()].sort((a, b) => a.unitId - b.unitId);
}

/** Units an actor may file new records under: in scope and still in existence today (`ctx.today`). */
export function writableUnits(ctx: Ctx) {
  const day = ctx.today;
  const rows = ctx.db
    .select({ id: units.id, name: units.name, code: units.code, depth: units.depth, path: units.path })
    .from(units)
    .where(
      and(
        inScope(units.id, ctx.scope),
        sql`(${units.validFrom} IS NULL OR ${units.validFrom} <= ${day})`,
        sql`(${units.validTo} IS NULL OR ${units.validTo} >= ${day})`,
      ),
    )
    .all();
  return inTreeOrder(ctx.db, rows).map(({ path: _path, ...u }) => u);
}

export function clauseOptions(db: DB) {
  return db
    .select({ code: isoClauses.code, titleVi: isoClauses.titleVi, titleEn: isoClauses.titleEn, parentCode: isoClauses.parentCode })
    .from(isoClauses)
    .orderBy(asc(isoClauses.sortOrder))
    .all();
}

/** Documents a legal change may be linked to: the unit's documents not withdrawn. */
export function linkableDocuments(db: DB, unitIds: number[]) {
  if (!unitIds.length) return [];
  return db
    .select({ id: documents.id, unitId: documents.unitId, code: documents.code, title: documents.title, status: documents.status })
    .from(documents)
    .where(and(inArray(documents.unitId, unitIds), sql`${documents.status} <> 'obsolete'`))
    .orderBy(asc(documents.code))
    .all();
}

/** Legal changes of units in scope; a change is overdue when documents are still unanswered after 3 months (as of `ctx.today`). */
export function listLegalChanges(ctx: Ctx, opts: { unitId?: number } = {}) {
  const day = ctx.today;
  const rows = ctx.db
    .select({
      l: legalChanges,
      unitName: units.name,
      linked: sql<number>`(SELECT count(*) FROM ${legalChangeDocuments} x WHERE x.legal_change_id = ${legalChanges.id})`,
      open: sql<number>`(SELECT count(*) FROM ${legalChangeDocuments} x JOIN ${documents} d ON d.id = x.document_id
                         WHERE x.legal_change_id = ${legalChanges.id} AND x.resolved_on IS NULL AND d.status <> 'obsolete')`,
    })
    .from(legalChanges)
    .innerJoin(units, eq(units.id, legalChanges.unitId))
    .where(and(inScope(legalChanges.unitId, ctx.scope), opts.unitId ? eq(legalChanges.unitId, opts.unitId) : undefined))
    .orderBy(desc(legalChanges.effectiveOn), desc(legalChanges.id))
    .limit(500)
    .all();
  return rows.map(({ l, ...r }) => {
    const dueOn = addMonthsToDay(l.effectiveOn, 3);
    return { ...l, ...r, dueOn, overdue: r.open > 0 && day > dueOn };
  });
}

export function legalChangeDocumentsOf(db: DB, legalChangeId: number) {
  return db
    .select({
      id: documents.id,
      code: documents.code,
      title: documents.title,
      status: documents.status,
      resolvedOn: legalChangeDocuments.resolvedOn,
      resolvedNumber: documentRevisions.number,
    })
    .from(legalChangeDocuments)
    .innerJoin(documents, eq(documents.id, legalChangeDocuments.documentId))
    .leftJoin(documentRevisions, eq(documentRevisions.id, legalChangeDocuments.resolvedRevisionId))
    .where(eq(legalChangeDocuments.legalChangeId, legalChangeId))
    .orderBy(asc(documents.code))
    .all();
}
