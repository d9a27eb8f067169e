import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import {
  audits,
  caSignatures,
  correctiveActions,
  documents,
  effectivenessConfirmations,
  inspections,
  managementReviews,
  qualityObjectives,
  serviceFigures,
  units,
  auditFindings,
} from "#db/schema";
import type { AcknowledgementsData, CorrectiveActionsData, CycleData, DocumentsData, ObjectivesData, ObligationsData } from "#templates/types";
import { translate } from "~/i18n";
import type { Ctx } from "../../context";
import { withScope } from "../../context.server";
import { gatherFacts } from "../../compliance/facts.server";
import { evaluate } from "../../compliance/rules";
import { correctiveActionStatsForUnits } from "../../corrective-actions/stats.server";
import { documentStatsForUnits } from "../../documents/queries.server";
import { attainment, sumFigures } from "../../figures/rules";
import { EVERYWHERE, normalisePrefixes, type Scope } from "../../units/scope.server";
import { formatResult, formatTarget } from "../../objectives/schema";
import { formatDate, startOfVnDay } from "~/lib/time";
import type { SectionProvider, UnitGroup } from "./types";

// Section providers for the other areas' records. Each answers for many groups with a few grouped queries and
// reads the state as of the period's end (the clock is never read here).

const idsOf = (groups: UnitGroup[]) => [...new Set(groups.flatMap((g) => g.unitIds))];

/** Above this many units one pass over everything is cheaper than a filter naming each unit's subtree. */
const SCOPED_MAX_UNITS = 400;

/**
 * The narrowest scope covering the given units, for the readers that read through a scope (corrective-action
 * stats, the compliance facts): without it they compute every unit in the country (a national database: over a
 * second per unit report) and the caller keeps only its own. Many units: everywhere, one grouped pass.
 */
export function scopeOfUnits(ctx: Ctx, ids: number[]): Scope {
  if (!ids.length || ids.length > SCOPED_MAX_UNITS) return EVERYWHERE;
  const paths = ctx.db
    .select({ path: units.path })
    .from(units)
    .where(inArray(units.id, ids))
    .all()
    .map((r) => r.path);
  return paths.length ? { prefixes: normalisePrefixes(paths) } : EVERYWHERE;
}
const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);

export const documentsSection: SectionProvider<"documents"> = {
  id: "documents",
  load({ db }, groups, period) {
    const ids = idsOf(groups);
    const stats = new Map(documentStatsForUnits({ db, scope: EVERYWHERE }, ids, period.end).map((s) => [s.unitId, s]));
    const late = ids.length
      ? db
          .select({
            unitId: documents.unitId,
            code: documents.code,
            title: documents.title,
            nextReviewOn: documents.nextReviewOn,
            updateDueOn: documents.updateDueOn,
          })
          .from(documents)
          .where(
            and(
              inArray(documents.unitId, ids),
              eq(documents.status, "effective"),
              or(lt(documents.nextReviewOn, period.end), lt(documents.updateDueOn, period.end)),
            ),
          )
          .orderBy(asc(documents.code))
          .limit(500)
          .all()
      : [];
    const out = new Map<number, DocumentsData>();
    for (const g of groups) {
      const s = g.unitIds.map((id) => stats.get(id)).filter((x) => x !== undefined);
      out.set(g.key, {
        total: sum(s, (x) => x.effective),
        effective: sum(s, (x) => x.effective),
        overdueReview: sum(s, (x) => x.overdueReview),
        overdueUpdate: sum(s, (x) => x.overdueUpdate),
        attention: late
          .filter((d) => g.unitIds.includes(d.unitId))
          .slice(0, 50)
          .map((d) => ({
            code: d.code,
            title: d.title,
            reason: [
              d.updateDueOn && d.updateDueOn < period.end ? `quá hạn cập nhật theo văn bản mới (hạn ${formatDate(d.updateDueOn)})` : null,
              d.nextReviewOn && d.nextReviewOn < period.end ? `quá hạn xem xét định kỳ (hạn ${formatDate(d.nextReviewOn)})` : null,
            ]
              .filter(Boolean)
              .join("; "),
          })),
      });
    }
    return out;
  },
};

export const correctiveActionsSection: SectionProvider<"correctiveActions"> = {
  id: "correctiveActions",
  load(ctx, groups, period) {
    const ids = idsOf(groups);
    const stats = new Map(correctiveActionStatsForUnits(withScope(ctx, scopeOfUnits(ctx, ids)), period.end).map((s) => [s.unitId, s]));
    const out = new Map<number, CorrectiveActionsData>();
    for (const g of groups) {
      const s = g.unitIds.map((id) => stats.get(id)).filter((x) => x !== undefined);
      const closed = sum(s, (x) => x.closed);
      const closedOnTime = sum(s, (x) => x.closedOnTime);
      out.set(g.key, {
        open: sum(s, (x) => x.open),
        overdue: sum(s, (x) => x.overdue),
        closed,
        closedOnTime,
        closedOnTimePct: closed ? Math.round((closedOnTime / closed) * 1000) / 10 : null,
      });
    }
    return out;
  },
};

export const acknowledgementsSection: SectionProvider<"acknowledgements"> = {
  id: "acknowledgements",
  load({ db }, groups, period) {
    const ids = idsOf(groups);
    const startMs = startOfVnDay(period.start).getTime();
    const endMs = startOfVnDay(period.end).getTime() + 86_400_000;
    const signed = ids.length
      ? db
          .select({
            unitId: correctiveActions.unitId,
            at: caSignatures.signedAt,
            by: caSignatures.signerName,
            capacity: caSignatures.capacity,
            subject: correctiveActions.description,
          })
          .from(caSignatures)
          .innerJoin(correctiveActions, eq(correctiveActions.id, caSignatures.actionId))
          .where(and(inArray(correctiveActions.unitId, ids), gte(caSignatures.signedAt, startMs), lt(caSignatures.signedAt, endMs)))
          .orderBy(asc(caSignatures.signedAt))
          .all()
      : [];
    const pending = ids.length
      ? db
          .select({ unitId: correctiveActions.unitId, n: sql<number>`count(*)` })
          .from(correctiveActions)
          .where(and(inArray(correctiveActions.unitId, ids), eq(correctiveActions.status, "proposed")))
          .groupBy(correctiveActions.unitId)
          .all()
      : [];
    const out = new Map<number, AcknowledgementsData>();
    for (const g of groups) {
      const mine = signed.filter((s) => g.unitIds.includes(s.unitId));
      out.set(g.key, {
        acknowledged: mine.length,
        pending: sum(
          pending.filter((p) => g.unitIds.includes(p.unitId)),
          (p) => p.n,
        ),
        list: mine
          .slice(0, 100)
          .map((s) => ({ date: formatDate(s.at), by: s.capacity === "own" ? s.by : `${s.capacity.toUpperCase()}. ${s.by}`, subject: s.subject.slice(0, 160) })),
      });
    }
    return out;
  },
};

export const cycleSection: SectionProvider<"cycle"> = {
  id: "cycle",
  load({ db }, groups, period) {
    const ids = idsOf(groups);
    if (!ids.length) return new Map();
    const inPeriod = (col: Parameters<typeof gte>[0]) => and(gte(col, period.start), lte(col, period.end));
    const auditRows = db
      .select({ unitId: audits.unitId, id: audits.id, date: audits.reportedOn, title: audits.title, status: audits.status })
      .from(audits)
      .where(and(inArray(audits.unitId, ids), isNotNull(audits.reportedOn), inPeriod(audits.reportedOn)))
      .orderBy(asc(audits.reportedOn))
      .all();
    const ncs = new Map(
      auditRows.length
        ? db
            .select({ auditId: auditFindings.auditId, n: sql<number>`count(*)` })
            .from(auditFindings)
            .where(
              inArray(
                auditFindings.auditId,
                auditRows.map((a) => a.id),
              ),
            )
            .groupBy(auditFindings.auditId)
            .all()
            .map((r) => [r.auditId, r.n])
        : [],
    );
    const inspectionRows = db
      .select({ unitId: inspections.unitId, date: inspections.minutesSignedOn, number: inspections.decisionNumber, method: inspections.method })
      .from(inspections)
      .where(and(inArray(inspections.unitId, ids), isNotNull(inspections.minutesSignedOn), inPeriod(inspections.minutesSignedOn)))
      .all();
    const reviews = db
      .select({ unitId: managementReviews.unitId, date: managementReviews.heldOn })
      .from(managementReviews)
      .where(and(inArray(managementReviews.unitId, ids), inPeriod(managementReviews.heldOn)))
      .all();
    const confirmations = db
      .select({ unitId: effectivenessConfirmations.unitId, date: sql<string>`max(${effectivenessConfirmations.confirmedOn})` })
      .from(effectivenessConfirmations)
      .where(and(inArray(effectivenessConfirmations.unitId, ids), lte(effectivenessConfirmations.confirmedOn, period.end)))
      .groupBy(effectivenessConfirmations.unitId)
      .all();
    const out = new Map<number, CycleData>();
    for (const g of groups) {
      const has = (u: number) => g.unitIds.includes(u);
      const confirmed =
        confirmations
          .filter((c) => has(c.unitId))
          .map((c) => c.date)
          .sort()
          .pop() ?? null;
      out.set(g.key, {
        audits: auditRows.filter((a) => has(a.unitId)).map((a) => ({ date: formatDate(a.date), title: a.title, result: `${ncs.get(a.id) ?? 0} phát hiện` })),
        inspections: inspectionRows
          .filter((i) => has(i.unitId))
          .map((i) => ({
            date: formatDate(i.date),
            title: `Kiểm tra theo Quyết định số ${i.number}`,
            result: i.method === "on_site" ? "Kiểm tra trực tiếp" : "Kiểm tra qua báo cáo",
          })),
        managementReviews: reviews.filter((r) => has(r.unitId)).map((r) => ({ date: formatDate(r.date), title: "Xem xét của lãnh đạo" })),
        effectivenessConfirmedOn: confirmed ? formatDate(confirmed) : null,
      });
    }
    return out;
  },
};

/** The compliance checklist (DOMAIN.md §6) as of the period's end, for a single unit. */
export const obligationsSection: SectionProvider<"obligations"> = {
  id: "obligations",
  load(ctx, groups, period) {
    const single = groups.filter((g) => g.unitIds.length === 1);
    const ids = single.map((g) => g.unitIds[0]!);
    const facts = gatherFacts(withScope(ctx, scopeOfUnits(ctx, ids)), ids, period.end);
    const out = new Map<number, ObligationsData>();
    for (const g of single) {
      const obligations = evaluate(facts.get(g.unitIds[0]!)!, period.end);
      out.set(g.key, {
        lines: obligations.map((o) => ({
          label: translate("vi", `compliance.ob.${o.key}`),
          state: o.state === "ok" || o.state === "warning" ? "met" : o.state === "missing" ? "not_met" : "unknown",
          evidence: translate(
            "vi",
            o.detail.key,
            o.detail.params &&
              Object.fromEntries(
                Object.entries(o.detail.params).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v]),
              ),
          ),
        })),
      });
    }
    return out;
  },
};

/** Quality objectives of the period's year, measured on the period's figures. */
export const objectivesSection: SectionProvider<"objectives"> = {
  id: "objectives",
  load({ db }, groups, period) {
    const ids = idsOf(groups);
    const year = Number(period.end.slice(0, 4));
    if (!ids.length) return new Map();
    const objs = db
      .select({ o: qualityObjectives, unitName: units.name })
      .from(qualityObjectives)
      .innerJoin(units, eq(units.id, qualityObjectives.unitId))
      .where(and(inArray(qualityObjectives.unitId, ids), eq(qualityObjectives.year, year)))
      .orderBy(asc(qualityObjectives.id))
      .all();
    const figs = db
      .select()
      .from(serviceFigures)
      .where(and(inArray(serviceFigures.unitId, ids), gte(serviceFigures.month, period.start.slice(0, 7)), lte(serviceFigures.month, period.end.slice(0, 7))))
      .orderBy(desc(serviceFigures.month))
      .all();
    const out = new Map<number, ObjectivesData>();
    for (const g of groups) {
      const mine = objs.filter((r) => g.unitIds.includes(r.o.unitId));
      if (!mine.length) continue; // no objective set: the section says "no data", not "met"
      out.set(g.key, {
        rows: mine.map(({ o, unitName }) => {
          const f = sumFigures(figs.filter((x) => x.unitId === o.unitId));
          const a = attainment(o.measure, o.target, figs.some((x) => x.unitId === o.unitId) ? f : undefined, o.manualValue);
          return {
            objective: g.unitIds.length > 1 ? `${unitName}: ${o.title}` : o.title,
            target: formatTarget(o),
            actual: a.value === null ? "Chưa có số liệu" : formatResult(o, a.value),
            met: a.met,
          };
        }),
      });
    }
    return out;
  },
};
