import { findingOverdueSql } from "../findings/due.server";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { withScope } from "../context.server";
import { findings, procedures, qualityObjectives } from "#db/schema";
import { addMonthsToDay, startOfVnDay, vnDay } from "~/lib/time";
import { figuresByUnit } from "../figures/queries.server";
import { attainment } from "../figures/rules";
import { openActionsByUnit } from "../corrective-actions/stats.server";
import { documentStatsForUnits } from "../documents/queries.server";
import { qmsCycleForUnits } from "../qms-records/queries.server";
import { EVERYWHERE } from "../units/scope.server";
import type { ComplianceFacts } from "./rules";

/**
 * Where each fact comes from: one provider per area, each answering for many units at once (grouped queries,
 * so a province's hundred communes or the country's 3,321 cost a handful of queries, not one per unit).
 * An area that has nothing for a unit leaves its facts null ("no data"). `ctx.scope` narrows what a provider
 * scans (the units asked for are in it); the facts are those of `day`, not of the ctx's own day.
 */
export type FactsProvider = (ctx: Ctx, unitIds: number[], day: string) => Map<number, Partial<ComplianceFacts>>;

const EMPTY: ComplianceFacts = {
  lastAnnouncedOn: null,
  scopeChangedOn: null,
  lastInternalAuditOn: null,
  lastManagementReviewOn: null,
  lastEffectivenessOn: null,
  procedures: null,
  documents: null,
  actions: null,
  inspection: null,
  objectives: null,
  findings: null,
};

export const objectivesFacts: FactsProvider = (ctx, unitIds, day) => {
  const { db } = ctx;
  const year = Number(day.slice(0, 4));
  const out = new Map<number, Partial<ComplianceFacts>>();
  if (!unitIds.length) return out;
  const rows = db
    .select()
    .from(qualityObjectives)
    .where(and(eq(qualityObjectives.year, year), inArray(qualityObjectives.unitId, unitIds)))
    .all();
  const figures = figuresByUnit(withScope(ctx, EVERYWHERE), [...new Set(rows.map((r) => r.unitId))], `${year}-01`, day.slice(0, 7));
  for (const r of rows) {
    const a = attainment(r.measure, r.target, figures.get(r.unitId), r.manualValue);
    const cur = out.get(r.unitId)?.objectives ?? { total: 0, measured: 0, met: 0 };
    out.set(r.unitId, { objectives: { total: cur.total + 1, measured: cur.measured + (a.value === null ? 0 : 1), met: cur.met + (a.met ? 1 : 0) } });
  }
  return out;
};

/** Internal audit, management review, effectiveness, announcement (audits area), and late inspection findings. */
export const qmsCycleFacts: FactsProvider = (ctx, unitIds, day) => {
  const { db } = ctx;
  const wanted = new Set(unitIds);
  const out = new Map<number, Partial<ComplianceFacts>>();
  const inspectionFindings = new Map(
    db
      .select({ unitId: findings.unitId, n: sql<number>`count(*)` })
      .from(findings)
      // Unary + keeps the planner on (unit_id, source, …): one seek per unit, not a walk through every unit's source.
      .where(and(eq(findings.source, "inspection"), inArray(findings.unitId, unitIds), sql`+${findings.foundOn} <= ${day}`))
      .groupBy(findings.unitId)
      .all()
      .map((r) => [r.unitId, r.n]),
  );
  // A change of scope = a procedure added to the catalogue: after it, the QMS must be announced again.
  const scopeChanges = new Map(
    db
      .select({ unitId: procedures.unitId, last: sql<number>`max(${procedures.createdAt})` })
      .from(procedures)
      .where(and(inArray(procedures.unitId, unitIds), sql`${procedures.createdAt} < ${startOfVnDay(day).getTime() + 86_400_000}`))
      .groupBy(procedures.unitId)
      .all()
      .map((r) => [r.unitId, vnDay(r.last)]),
  );
  for (const r of qmsCycleForUnits(ctx, day, unitIds)) {
    if (!wanted.has(r.unitId)) continue;
    out.set(r.unitId, {
      lastAnnouncedOn: r.lastAnnouncementOn,
      scopeChangedOn: scopeChanges.get(r.unitId) ?? null,
      lastInternalAuditOn: r.lastInternalAuditOn,
      lastManagementReviewOn: r.lastManagementReviewOn,
      lastEffectivenessOn: r.lastEffectivenessConfirmationOn,
      inspection: { findings: inspectionFindings.get(r.unitId) ?? 0, late: r.lateInspectionReports },
    });
  }
  return out;
};

/** Documents on their clocks and procedure coverage (documents area). */
export const documentFacts: FactsProvider = (ctx, unitIds, day) => {
  const out = new Map<number, Partial<ComplianceFacts>>();
  for (const s of documentStatsForUnits(ctx, unitIds, day)) {
    out.set(s.unitId, {
      documents: { effective: s.effective, overdueReview: s.overdueReview, overdueUpdate: s.overdueUpdate },
      procedures: { total: s.procedures, uncovered: s.uncoveredProcedures },
    });
  }
  return out;
};

/** Corrective actions past due (corrective-actions area). A unit without any action has none overdue. */
export const actionFacts: FactsProvider = (ctx, unitIds, day) => {
  const out = new Map<number, Partial<ComplianceFacts>>(unitIds.map((id) => [id, { actions: { open: 0, overdue: 0, dueSoon: 0 } }]));
  for (const s of openActionsByUnit(ctx, day, unitIds)) out.set(s.unitId, { actions: { open: s.open, overdue: s.overdue, dueSoon: 0 } });
  return out;
};

/** Open findings past their action due date, and the last 12 months' findings by grade (findings area). */
export const findingFacts: FactsProvider = ({ db }, unitIds, day) => {
  const out = new Map<number, Partial<ComplianceFacts>>(unitIds.map((id) => [id, { findings: { overdue: 0, overdueNc: 0, byGradeLast12Months: {} } }]));
  const overdue = db
    .select({ unitId: findings.unitId, n: sql<number>`count(*)`, nc: sql<number>`sum(${findings.gradeCode} IN ('major', 'minor'))` })
    .from(findings)
    .where(and(inArray(findings.unitId, unitIds), sql`+${findings.foundOn} <= ${day}`, findingOverdueSql(day)))
    .groupBy(findings.unitId)
    .all();
  for (const r of overdue) Object.assign(out.get(r.unitId)!.findings!, { overdue: Number(r.n), overdueNc: Number(r.nc) });
  const byGrade = db
    .select({ unitId: findings.unitId, grade: findings.gradeCode, n: sql<number>`count(*)` })
    .from(findings)
    .where(and(inArray(findings.unitId, unitIds), sql`${findings.foundOn} >= ${addMonthsToDay(day, -12)}`, sql`${findings.foundOn} <= ${day}`))
    .groupBy(findings.unitId, findings.gradeCode)
    .all();
  for (const r of byGrade) if (r.grade) out.get(r.unitId)!.findings!.byGradeLast12Months[r.grade] = Number(r.n);
  return out;
};

/** The providers in use. Each area registers its own here. */
export const PROVIDERS: FactsProvider[] = [qmsCycleFacts, documentFacts, actionFacts, objectivesFacts, findingFacts];

/**
 * The facts of the given units on `day`: the facts cache asks for today's, a report for those at its period's
 * end. The providers read through `ctx.scope`: the caller passes a scope that covers the units (a system ctx
 * reads everywhere; `withScope` narrows it to the units' own subtrees, which is cheaper for a few units).
 */
export function gatherFacts(ctx: Ctx, unitIds: number[], day: string, providers: FactsProvider[] = PROVIDERS): Map<number, ComplianceFacts> {
  const out = new Map<number, ComplianceFacts>(unitIds.map((id) => [id, { ...EMPTY }]));
  // SQLite limits bound parameters: ask in chunks.
  for (let i = 0; i < unitIds.length; i += 500) {
    const chunk = unitIds.slice(i, i + 500);
    for (const p of providers) for (const [id, facts] of p(ctx, chunk, day)) if (out.has(id)) Object.assign(out.get(id)!, facts);
  }
  return out;
}
