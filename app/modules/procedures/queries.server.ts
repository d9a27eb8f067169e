import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/client";
import { documentProcedures, documents, procedures, units } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { inScope, pathInScope } from "../units/scope.server";
import { textMatches } from "../search/match.server";

export const PROCEDURE_PAGE_SIZE = 50;
export const COVERAGE_FILTERS = ["covered", "uncovered"] as const;

export type ProcedureFilter = { unitId?: number; q?: string; field?: string; coverage?: (typeof COVERAGE_FILTERS)[number]; inactive?: boolean; page?: number };

export function parseProcedureFilter(p: URLSearchParams): ProcedureFilter {
  const unitId = Number(p.get("unit"));
  const page = Number(p.get("page"));
  const coverage = p.get("coverage");
  return {
    unitId: Number.isSafeInteger(unitId) && unitId > 0 ? unitId : undefined,
    q: p.get("q")?.trim().slice(0, 100) || undefined,
    field: p.get("field")?.trim().slice(0, 200) || undefined,
    coverage: coverage === "covered" || coverage === "uncovered" ? coverage : undefined,
    inactive: p.get("inactive") === "1",
    page: Number.isSafeInteger(page) && page > 1 && page < 100_000 ? page : 1,
  };
}

/** Covered: at least one effective process document lists the procedure (QĐ 19: every TTHC is in the QMS scope). */
const coveredSql = sql`EXISTS (SELECT 1 FROM ${documentProcedures} dp JOIN ${documents} d ON d.id = dp.document_id
                        WHERE dp.procedure_id = ${procedures.id} AND d.status = 'effective' AND d.kind = 'process')`;

function conditions(ctx: Ctx, f: ProcedureFilter): SQL | undefined {
  const scope = ctx.scope;
  return and(
    inScope(procedures.unitId, scope),
    f.unitId ? eq(procedures.unitId, f.unitId) : undefined,
    f.inactive ? undefined : eq(procedures.active, true),
    f.q ? textMatches(ctx, "procedures", procedures.id, f.q) : undefined,
    f.field ? eq(procedures.field, f.field) : undefined,
    f.coverage === "covered" ? coveredSql : f.coverage === "uncovered" ? sql`(${procedures.active} = 1 AND NOT ${coveredSql})` : undefined,
  );
}

const docRefs = (list: string | null) =>
  (list ?? "")
    .split("§")
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf("|");
      return { id: Number(s.slice(0, i)), code: s.slice(i + 1) };
    });

/** The catalogue page: procedures in scope with the effective process documents that cover them. */
export function listProcedures(ctx: Ctx, f: ProcedureFilter) {
  const db = ctx.db;
  const where = conditions(ctx, f);
  const total = db.select({ n: count() }).from(procedures).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PROCEDURE_PAGE_SIZE));
  const page = Math.min(f.page ?? 1, pages);
  const rows = db
    .select({
      p: procedures,
      unitName: units.name,
      covering: sql<string | null>`(SELECT group_concat(d.id || '|' || d.code, '§') FROM ${documentProcedures} dp JOIN ${documents} d ON d.id = dp.document_id
                                    WHERE dp.procedure_id = ${procedures.id} AND d.status = 'effective' AND d.kind = 'process')`,
      drafting: sql<string | null>`(SELECT group_concat(d.id || '|' || d.code, '§') FROM ${documentProcedures} dp JOIN ${documents} d ON d.id = dp.document_id
                                    WHERE dp.procedure_id = ${procedures.id} AND d.status = 'draft' AND d.kind = 'process')`,
    })
    .from(procedures)
    .innerJoin(units, eq(units.id, procedures.unitId))
    .where(where)
    .orderBy(asc(units.name), asc(procedures.field), asc(procedures.code))
    .limit(PROCEDURE_PAGE_SIZE)
    .offset((page - 1) * PROCEDURE_PAGE_SIZE)
    .all();
  return {
    rows: rows.map(({ p, unitName, covering, drafting }) => ({ ...p, unitName, covering: docRefs(covering), drafting: docRefs(drafting) })),
    total,
    page,
    pages,
  };
}

/** Listed by a process being written (a draft document): shown beside coverage, never counted as covered. */
const draftingSql = sql`EXISTS (SELECT 1 FROM ${documentProcedures} dp JOIN ${documents} d ON d.id = dp.document_id
                        WHERE dp.procedure_id = ${procedures.id} AND d.status = 'draft' AND d.kind = 'process')`;

/**
 * Coverage summary for the scope (or one unit): published procedures, how many lack an effective process, and how
 * many of those a process being drafted already lists.
 */
export function coverageSummary(ctx: Ctx, unitId?: number) {
  const r = ctx.db
    .select({
      total: count(),
      uncovered: sql<number>`coalesce(sum(NOT ${coveredSql}), 0)`,
      drafting: sql<number>`coalesce(sum(NOT ${coveredSql} AND ${draftingSql}), 0)`,
    })
    .from(procedures)
    .where(and(inScope(procedures.unitId, ctx.scope), unitId ? eq(procedures.unitId, unitId) : undefined, eq(procedures.active, true)))
    .get();
  return { total: r?.total ?? 0, uncovered: r?.uncovered ?? 0, drafting: r?.drafting ?? 0 };
}

export function fieldsInScope(ctx: Ctx, unitId?: number) {
  return ctx.db
    .selectDistinct({ field: procedures.field })
    .from(procedures)
    .where(and(inScope(procedures.unitId, ctx.scope), unitId ? eq(procedures.unitId, unitId) : undefined))
    .orderBy(asc(procedures.field))
    .all()
    .map((r) => r.field);
}

export function getProcedureInScopeOrThrow(ctx: Ctx, id: number) {
  const row = Number.isSafeInteger(id)
    ? ctx.db
        .select({ p: procedures, path: units.path, unitName: units.name })
        .from(procedures)
        .innerJoin(units, eq(units.id, procedures.unitId))
        .where(eq(procedures.id, id))
        .get()
    : undefined;
  if (!row || !pathInScope(ctx.scope, row.path)) throw new NotFoundError("errors.notFound");
  return { ...row.p, unitName: row.unitName };
}

/** Procedures a process document of these units may cover, for the document form. */
export function procedureOptions(db: DB, unitIds: number[]) {
  if (!unitIds.length) return [];
  return db
    .select({ id: procedures.id, unitId: procedures.unitId, code: procedures.code, name: procedures.name, field: procedures.field })
    .from(procedures)
    .where(
      and(
        sql`${procedures.unitId} IN (${sql.join(
          unitIds.map((u) => sql`${u}`),
          sql`, `,
        )})`,
        eq(procedures.active, true),
      ),
    )
    .orderBy(asc(procedures.field), asc(procedures.code))
    .all();
}

export function documentsCovering(db: DB, procedureId: number) {
  return db
    .select({ id: documents.id, code: documents.code, title: documents.title, status: documents.status, kind: documents.kind })
    .from(documentProcedures)
    .innerJoin(documents, eq(documents.id, documentProcedures.documentId))
    .where(eq(documentProcedures.procedureId, procedureId))
    .orderBy(asc(documents.code))
    .all();
}
