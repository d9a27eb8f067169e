import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { findingGrades, findings, serviceFigures, units } from "#db/schema";
import { complianceGrid, unitCompliance } from "../compliance/queries.server";
import { correctiveActionStatsForUnits } from "../corrective-actions/stats.server";
import { documentStatsForUnits } from "../documents/queries.server";
import type { Figures } from "../figures/rules";
import { latestFigureYear } from "../figures/queries.server";
import { inScope, pathCondition, type Scope } from "../units/scope.server";
import { addMonthsToDay } from "~/utils/time";
import { findingsByGrade, monthlyRates, overdueByUnit, shares, type GradeCount } from "./charts";

/** Findings per grade (every grade, zero included) of units in scope, found within [from, to] (YYYY-MM-DD). */
export function findingCountsByGrade(db: DB, scope: Scope, from: string, to: string): GradeCount[] {
  return db
    .select({
      code: findingGrades.code,
      nameVi: findingGrades.nameVi,
      nameEn: findingGrades.nameEn,
      sortOrder: findingGrades.sortOrder,
      count: sql<number>`(SELECT count(*) FROM ${findings} WHERE ${findings.gradeCode} = ${findingGrades.code} AND ${findings.foundOn} >= ${from} AND ${findings.foundOn} <= ${to} AND ${inScope(findings.unitId, scope)})`,
    })
    .from(findingGrades)
    .orderBy(asc(findingGrades.sortOrder))
    .all()
    .map((r) => ({ ...r, count: Number(r.count) }));
}

/** Service figures summed per month over the units in scope (or one unit), months "YYYY-MM" inclusive. */
export function figuresByMonth(db: DB, scope: Scope, from: string, to: string, unitId?: number): (Figures & { month: string })[] {
  const s = serviceFigures;
  return db
    .select({
      month: s.month,
      received: sql<number>`sum(${s.received})`,
      resolvedEarly: sql<number>`sum(${s.resolvedEarly})`,
      resolvedOnTime: sql<number>`sum(${s.resolvedOnTime})`,
      resolvedOverdue: sql<number>`sum(${s.resolvedOverdue})`,
      receivedOnline: sql<number>`sum(${s.receivedOnline})`,
      returnedByPost: sql<number>`sum(${s.returnedByPost})`,
      feedbackReceived: sql<number>`sum(${s.feedbackReceived})`,
      feedbackOnTime: sql<number>`sum(${s.feedbackOnTime})`,
    })
    .from(s)
    .innerJoin(units, eq(units.id, s.unitId))
    .where(and(pathCondition(scope), gte(s.month, from), lte(s.month, to), unitId ? eq(s.unitId, unitId) : undefined))
    .groupBy(s.month)
    .orderBy(asc(s.month))
    .all();
}

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * What the home page shows a person: the compliance of their scope (a single unit's obligations, or the area's
 * average and weakest units), what is overdue, and the four charts, each with links to the records behind it.
 */
export function dashboardData(db: DB, scope: Scope, ownUnitId: number, day: string, lang: "vi" | "en") {
  const grid = complianceGrid(db, scope, day, { sort: "score", pageSize: 5 });
  const single = grid.total <= 1;
  const own = single ? unitCompliance(db, scope, ownUnitId, day) : null;

  const docStats = documentStatsForUnits(db, scope, day);
  const caStats = correctiveActionStatsForUnits(db, scope, day);
  const from12 = addMonthsToDay(day, -12);
  const overdueFindings =
    db
      .select({ n: sql<number>`count(*)` })
      .from(findings)
      .where(and(inScope(findings.unitId, scope), eq(findings.status, "open"), sql`${findings.actionDueOn} < ${day}`))
      .get()?.n ?? 0;

  const year = latestFigureYear(db, scope);
  const months = year ? figuresByMonth(db, scope, `${year}-01`, `${year}-12`) : [];
  const total = months.reduce<Figures>(
    (a, r) => ({
      received: a.received + r.received,
      resolvedEarly: a.resolvedEarly + r.resolvedEarly,
      resolvedOnTime: a.resolvedOnTime + r.resolvedOnTime,
      resolvedOverdue: a.resolvedOverdue + r.resolvedOverdue,
      receivedOnline: a.receivedOnline + r.receivedOnline,
      returnedByPost: a.returnedByPost + r.returnedByPost,
      feedbackReceived: a.feedbackReceived + r.feedbackReceived,
      feedbackOnTime: a.feedbackOnTime + r.feedbackOnTime,
    }),
    { received: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedOverdue: 0, receivedOnline: 0, returnedByPost: 0, feedbackReceived: 0, feedbackOnTime: 0 },
  );

  return {
    day,
    compliance: {
      units: grid.total,
      averageScore: grid.averageScore,
      weakest: single ? [] : grid.rows.filter((r) => r.score !== null).map((r) => ({ id: r.id, name: r.name, score: r.score })),
      missingByObligation: grid.missingByObligation,
      own: own ? { unit: own.unit, score: own.score, obligations: own.obligations.map((o) => ({ key: o.key, state: o.state })) } : null,
    },
    overdue: {
      actions: caStats.reduce((n, s) => n + s.overdue, 0),
      findings: Number(overdueFindings),
      documentsReview: docStats.reduce((n, s) => n + s.overdueReview, 0),
      documentsUpdate: docStats.reduce((n, s) => n + s.overdueUpdate, 0),
    },
    charts: {
      findingsFrom: from12,
      findingsByGrade: findingsByGrade(findingCountsByGrade(db, scope, from12, day), lang, (g) => `/findings?grade=${g}&from=${dmy(from12)}&to=${dmy(day)}`),
      overdueByUnit: overdueByUnit(caStats, 10, (id) => `/corrective-actions?status=overdue&unitId=${id}`),
      figuresYear: year ?? null,
      rates: year ? monthlyRates(months, `${year}-01`, `${year}-12`) : null,
      shares: year && total.received ? shares(total, { online: "online", post: "post" }) : null,
    },
  };
}
