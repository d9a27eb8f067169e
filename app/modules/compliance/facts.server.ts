import { and, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { procedures } from "#db/schema";
import { addMonthsToDay, startOfVnDay, vnDay } from "~/lib/time";
import { actionCountsAsOf, asOfDay, documentCountsAsOf, findingCountsAsOf } from "../history/as-of.server";
import { measureObjectives } from "../objectives/measure.server";
import { qmsCycleForUnits } from "../qms-records/queries.server";
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
  // A unit without objectives for the year has none (a failed obligation), not "no data".
  const out = new Map<number, Partial<ComplianceFacts>>(unitIds.map((id) => [id, { objectives: { total: 0, measured: 0, met: 0 } }]));
  for (const [unitId, list] of measureObjectives(ctx, unitIds, day))
    out.set(unitId, {
      objectives: { total: list.length, measured: list.filter((o) => o.value !== null).length, met: list.filter((o) => o.met === true).length },
    });
  return out;
};

/** Internal audit, management review, effectiveness, announcement (audits area), and late inspection findings. */
export const qmsCycleFacts: FactsProvider = (ctx, unitIds, day) => {
  const { db } = ctx;
  const wanted = new Set(unitIds);
  const out = new Map<number, Partial<ComplianceFacts>>();
  const inspectionFindings = new Map<number, number>();
  for (const r of findingCountsAsOf(db, unitIds, asOfDay(day), { from: day }))
    inspectionFindings.set(r.unitId, (inspectionFindings.get(r.unitId) ?? 0) + r.inspection);
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

/** Documents on their clocks and procedure coverage (documents area), as they stood on the day. */
export const documentFacts: FactsProvider = ({ db }, unitIds, day) => {
  const out = new Map<number, Partial<ComplianceFacts>>();
  for (const s of documentCountsAsOf(db, unitIds, asOfDay(day))) {
    out.set(s.unitId, {
      documents: { effective: s.effective, overdueReview: s.overdueReview, overdueUpdate: s.overdueUpdate },
      procedures: { total: s.procedures, uncovered: s.uncoveredProcedures, drafting: s.draftingProcedures },
    });
  }
  return out;
};

/** Corrective actions past due and due soon on the day (corrective-actions area). A unit without any action has none overdue. */
export const actionFacts: FactsProvider = ({ db }, unitIds, day) => {
  const out = new Map<number, Partial<ComplianceFacts>>(unitIds.map((id) => [id, { actions: { open: 0, overdue: 0, dueSoon: 0 } }]));
  for (const s of actionCountsAsOf(db, unitIds, asOfDay(day))) out.set(s.unitId, { actions: { open: s.open, overdue: s.overdue, dueSoon: s.dueSoon } });
  return out;
};

/** Open findings past their action due date, and the last 12 months' findings by grade (findings area). */
export const findingFacts: FactsProvider = ({ db }, unitIds, day) => {
  const out = new Map<number, Partial<ComplianceFacts>>(unitIds.map((id) => [id, { findings: { overdue: 0, overdueNc: 0, byGradeLast12Months: {} } }]));
  for (const r of findingCountsAsOf(db, unitIds, asOfDay(day), { from: addMonthsToDay(day, -12) })) {
    const facts = out.get(r.unitId)!.findings!;
    facts.overdue += r.overdue;
    // Nonconformities need corrective action: "no corrective action overdue" fails on them (rules.ts).
    if (r.grade === "major" || r.grade === "minor") facts.overdueNc! += r.overdue;
    if (r.foundSince) facts.byGradeLast12Months[r.grade] = r.foundSince;
  }
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
