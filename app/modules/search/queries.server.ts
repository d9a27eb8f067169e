import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { correctiveActions, documents, findings, procedures, units } from "#db/schema";
import type { Ctx } from "../context";
import { inScope } from "../units/scope.server";
import { textMatches } from "./match.server";

/** Rows shown per kind; counts stop at COUNT_CAP (the page says "1000+"): counting every match of a common word nationwide is not worth a wait. */
export const SEARCH_PER_KIND = 10;
const COUNT_CAP = 1000;

/**
 * One search across the records a person reads (documents, TTHC procedures, findings, corrective actions), scoped
 * exactly like their lists: every word of q, accents and case ignored, newest first, at most SEARCH_PER_KIND of
 * each kind with how many match in all. Each kind reads its full-text index, then the records in scope.
 */
export function searchRecords(ctx: Ctx, q: string) {
  const { db, scope } = ctx;
  const counted = (table: typeof documents | typeof procedures | typeof findings | typeof correctiveActions, where: SQL | undefined) =>
    Math.min(COUNT_CAP + 1, db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${where} LIMIT ${COUNT_CAP + 1})`)?.n ?? 0);

  const docWhere = and(inScope(documents.unitId, scope), textMatches(ctx, "documents", documents.id, q));
  const docs = db
    .select({ id: documents.id, code: documents.code, title: documents.title, status: documents.status, unitName: units.name })
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .where(docWhere)
    .orderBy(desc(documents.id))
    .limit(SEARCH_PER_KIND)
    .all();

  const procWhere = and(inScope(procedures.unitId, scope), textMatches(ctx, "procedures", procedures.id, q));
  const procs = db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, active: procedures.active, unitName: units.name })
    .from(procedures)
    .innerJoin(units, eq(units.id, procedures.unitId))
    .where(procWhere)
    .orderBy(desc(procedures.id))
    .limit(SEARCH_PER_KIND)
    .all();

  const findWhere = and(inScope(findings.unitId, scope), textMatches(ctx, "findings", findings.id, q));
  const finds = db
    .select({ id: findings.id, description: findings.description, status: findings.status, foundOn: findings.foundOn, unitName: units.name })
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .where(findWhere)
    .orderBy(desc(findings.id))
    .limit(SEARCH_PER_KIND)
    .all();

  const ca = correctiveActions;
  const actWhere = and(inScope(ca.unitId, scope), textMatches(ctx, "corrective_actions", ca.id, q));
  const acts = db
    .select({ id: ca.id, description: ca.description, status: ca.status, dueOn: ca.dueOn, unitName: units.name })
    .from(ca)
    .innerJoin(units, eq(units.id, ca.unitId))
    .where(actWhere)
    .orderBy(desc(ca.id))
    .limit(SEARCH_PER_KIND)
    .all();

  return {
    documents: { rows: docs, count: counted(documents, docWhere) },
    procedures: { rows: procs, count: counted(procedures, procWhere) },
    findings: { rows: finds, count: counted(findings, findWhere) },
    actions: { rows: acts, count: counted(ca, actWhere) },
    countCap: COUNT_CAP,
  };
}
