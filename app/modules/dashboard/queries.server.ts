import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { findingGrades, serviceFigures } from "#db/schema";
import { complianceGrid, unitCompliance, unitsWithCompliance } from "../compliance/queries.server";
import type { ComplianceFacts } from "../compliance/rules";
import type { Ctx, UserActor } from "../context";
import { sumFigures, type Figures } from "../figures/rules";
import { latestFigureYear } from "../figures/queries.server";
import { cachedRead, scopeKey } from "../read-cache.server";
import { inScope } from "../units/scope.server";
import { addMonthsToDay } from "~/lib/time";
import { findingsByGrade, monthlyRates, overdueByUnit, shares, type GradeCount } from "./charts";

/** Findings of the last 12 months per grade (every grade, zero included), summed from the units' facts. */
function gradeCounts(db: DB, rows: { facts: ComplianceFacts }[]): GradeCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const [g, n] of Object.entries(r.facts.findings?.byGradeLast12Months ?? {})) counts.set(g, (counts.get(g) ?? 0) + n);
  return db
    .select({ code: findingGrades.code, nameVi: findingGrades.nameVi, nameEn: findingGrades.nameEn, sortOrder: findingGrades.sortOrder })
    .from(findingGrades)
    .orderBy(asc(findingGrades.sortOrder))
    .all()
    .map((g) => ({ ...g, count: counts.get(g.code) ?? 0 }));
}

/** Service figures summed per month over the units in scope (or one unit), months "YYYY-MM" inclusive. */
export function figuresByMonth(ctx: Ctx, from: string, to: string, unitId?: number): (Figures & { month: string })[] {
  const s = serviceFigures;
  return (
    ctx.db
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
        surveyed: sql<number | null>`sum(${s.surveyed})`,
        satisfied: sql<number | null>`sum(${s.satisfied})`,
      })
      .from(s)
      // unit_id IN (scope): one (unit_id, month) range per unit, not every unit of the country for those months.
      .where(and(inScope(s.unitId, ctx.scope), gte(s.month, from), lte(s.month, to), unitId ? eq(s.unitId, unitId) : undefined))
      .groupBy(s.month)
      .orderBy(asc(s.month))
      .all()
  );
}

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * What the home page shows a person: the compliance of their scope (a single unit's obligations, or the area's
 * average and weakest units), what is overdue, and the four charts, each with links to the records behind it.
 */
export function dashboardData(ctx: Ctx & { readonly actor: UserActor }, lang: "vi" | "en") {
  // Read on every visit of the home page, changed only by writes: kept per scope and day until the trail grows.
  return cachedRead(ctx, `dashboard|${ctx.actor.unitId}|${scopeKey(ctx)}|${lang}`, () => computeDashboard(ctx, lang));
}

function computeDashboard(ctx: Ctx & { readonly actor: UserActor }, lang: "vi" | "en") {
  const { db, today: day } = ctx;
  // One read of every unit's facts (cached per unit and day) serves the grid, the overdue totals and the chart.
  const all = unitsWithCompliance(ctx);
  const grid = complianceGrid(ctx, { sort: "score", pageSize: 5 }, all);
  const single = grid.total <= 1;
  const own = single ? unitCompliance(ctx, ctx.actor.unitId) : null;
  const sum = (f: (r: (typeof all)[number]) => number | undefined) => all.reduce((n, r) => n + (f(r) ?? 0), 0);
  const overdueActions = all.map((r) => ({ unitId: r.id, unitName: r.name, overdue: r.facts.actions?.overdue ?? 0 }));
  const from12 = addMonthsToDay(day, -12);
  const year = latestFigureYear(ctx);
  const months = year ? figuresByMonth(ctx, `${year}-01`, `${year}-12`) : [];
  const total = sumFigures(months);

  return {
    day,
    compliance: {
      units: grid.total,
      averageScore: grid.averageScore,
      weakest: single ? [] : grid.rows.filter((r) => r.score !== null).map((r) => ({ id: r.id, name: r.name, score: r.score })),
      missingByObligation: grid.missingByObligation,
      own: own ? { unit: own.unit, score: own.score, ended: own.ended, obligations: own.obligations.map((o) => ({ key: o.key, state: o.state })) } : null,
    },
    overdue: {
      actions: sum((r) => r.facts.actions?.overdue),
      findings: sum((r) => r.facts.findings?.overdue),
      documentsReview: sum((r) => r.facts.documents?.overdueReview),
      documentsUpdate: sum((r) => r.facts.documents?.overdueUpdate),
    },
    charts: {
      findingsFrom: from12,
      findingsByGrade: findingsByGrade(gradeCounts(db, all), lang, (g) => `/findings?grade=${g}&from=${dmy(from12)}&to=${dmy(day)}`),
      overdueByUnit: overdueByUnit(overdueActions, 10, (id) => `/corrective-actions?status=overdue&unitId=${id}`),
      figuresYear: year ?? null,
      rates: year ? monthlyRates(months, `${year}-01`, `${year}-12`) : null,
      shares: year && total.received ? shares(total, { online: "online", post: "post" }) : null,
    },
  };
}
