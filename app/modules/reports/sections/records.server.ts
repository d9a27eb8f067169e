import { and, asc, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { audits, caSignatures, effectivenessConfirmations, inspections, managementReviews, units, auditFindings } from "#db/schema";
import type { SignCapacity } from "#db/schema/enums";
import type {
  AcknowledgementsData,
  AcknowledgementState,
  CorrectiveActionsData,
  CycleData,
  DocumentsData,
  ObjectivesData,
  ObligationsData,
  ObligationState,
} from "#templates/types";
import { translate } from "~/i18n";
import type { Ctx } from "../../context";
import { withScope } from "../../context.server";
import { gatherFacts } from "../../compliance/facts.server";
import { evaluate, OBLIGATIONS, type Obligation } from "../../compliance/rules";
import { parseSignedContent, sha256 } from "../../corrective-actions/signatures.server";
import { actionCountsAsOf, actionStatesAsOf, documentCountsAsOf, lateDocumentsAsOf } from "../../history/as-of.server";
import { measureObjectives } from "../../objectives/measure.server";
import { signatureForAcknowledgement } from "../rules";
import { EVERYWHERE, normalisePrefixes, type Scope } from "../../units/scope.server";
import { formatInt } from "~/lib/locale";
import { formatResult, formatTarget } from "../../objectives/schema";
import { formatDate, startOfVnDay } from "~/lib/time";
import type { Missing, SectionProvider, UnitGroup } from "./types";

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
  load({ db }, groups, _period, asOf) {
    const ids = idsOf(groups);
    const stats = new Map(documentCountsAsOf(db, ids, asOf).map((s) => [s.unitId, s]));
    const late = lateDocumentsAsOf(db, ids, asOf);
    const out = new Map<number, DocumentsData>();
    for (const g of groups) {
      const s = g.unitIds.map((id) => stats.get(id)).filter((x) => x !== undefined);
      out.set(g.key, {
        total: sum(s, (x) => x.total),
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
              d.updateDueOn && d.updateDueOn < asOf.day ? `quá hạn cập nhật theo văn bản mới (hạn ${formatDate(d.updateDueOn)})` : null,
              d.nextReviewOn && d.nextReviewOn < asOf.day ? `quá hạn xem xét định kỳ (hạn ${formatDate(d.nextReviewOn)})` : null,
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
  load({ db }, groups, _period, asOf) {
    const stats = new Map(actionCountsAsOf(db, idsOf(groups), asOf).map((s) => [s.unitId, s]));
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

/** "KT. Chủ tịch – Phó Chủ tịch Huỳnh Thanh Tâm": the capacity, the title and the name as signed. */
function signedBy(capacity: SignCapacity, title: string | null, name: string): string {
  const sig = signatureForAcknowledgement(capacity, title);
  return sig.capacity ? `${sig.capacity} – ${sig.title} ${name}` : `${sig.title} ${name}`;
}

/** The text of the action a signature was bound to, from the signature's own snapshot (never today's text). */
function signedText(content: string, actionId: number): string {
  const c = parseSignedContent({ content });
  if (c.v === 1) return c.legacy.description;
  return c.snapshot.actions.find((a) => a.id === actionId)?.description ?? c.snapshot.finding.description;
}

/**
 * The leader's signatures made in the period, each as it stood at `asOf`: valid (the action's newest signature
 * then, its action not sent back for re-signing, its content matching its hash), superseded by a later signature,
 * or voided (what it covered changed after signing). Each row shows the capacity, the signer and the text the
 * signature was bound to. The sentence's counts are the table's: valid rows, the others, and the actions then
 * waiting for a signature. Three queries for any number of units.
 */
export const acknowledgementsSection: SectionProvider<"acknowledgements"> = {
  id: "acknowledgements",
  load({ db }, groups, period, asOf) {
    const ids = idsOf(groups);
    const startMs = startOfVnDay(period.start).getTime();
    const sigs = ids.length
      ? db
          .select()
          .from(caSignatures)
          .where(and(sql`${caSignatures.unitId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`, lt(caSignatures.signedAt, asOf.at)))
          .orderBy(asc(caSignatures.signedAt), asc(caSignatures.id))
          .all()
      : [];
    const latest = new Map<number, number>();
    for (const s of sigs) latest.set(s.actionId, s.id);
    const states = new Map(actionStatesAsOf(db, ids, asOf).map((a) => [a.actionId, a]));
    const pending = new Map<number, number>();
    for (const a of states.values()) if (a.status === "proposed") pending.set(a.unitId, (pending.get(a.unitId) ?? 0) + 1);
    const rows = sigs
      .filter((s) => s.signedAt >= startMs)
      .map((s) => {
        const sound = sha256(s.content) === s.contentHash || parseSignedContent(s).v === 1;
        const state: AcknowledgementState =
          latest.get(s.actionId) !== s.id ? "superseded" : sound && states.get(s.actionId)?.status !== "proposed" ? "valid" : "voided";
        return { unitId: s.unitId, at: s.signedAt, by: signedBy(s.capacity, s.signerTitle, s.signerName), subject: signedText(s.content, s.actionId), state };
      });
    const out = new Map<number, AcknowledgementsData>();
    for (const g of groups) {
      const mine = rows.filter((r) => g.unitIds.includes(r.unitId));
      out.set(g.key, {
        acknowledged: mine.filter((r) => r.state === "valid").length,
        voided: mine.filter((r) => r.state !== "valid").length,
        pending: sum(g.unitIds, (id) => pending.get(id) ?? 0),
        list: mine.map((r) => ({ date: formatDate(r.at), by: r.by, subject: r.subject.slice(0, 160), state: r.state })),
      });
    }
    return out;
  },
};

export const cycleSection: SectionProvider<"cycle"> = {
  id: "cycle",
  load({ db }, groups, period, asOf) {
    const ids = idsOf(groups);
    if (!ids.length) return new Map();
    // Up to the day the figures are taken at: the period's last day, or today for a period still running.
    const inPeriod = (col: Parameters<typeof gte>[0]) => and(gte(col, period.start), lte(col, asOf.day));
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
      .where(and(inArray(effectivenessConfirmations.unitId, ids), lte(effectivenessConfirmations.confirmedOn, asOf.day)))
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

const OBLIGATION_STATE = (state: string): ObligationState => (state === "ok" || state === "warning" ? "met" : state === "missing" ? "not_met" : "unknown");

function evidenceText(o: Obligation): string {
  return translate(
    "vi",
    o.detail.key,
    o.detail.params &&
      Object.fromEntries(Object.entries(o.detail.params).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v])),
  );
}

/**
 * The compliance checklist (DOMAIN.md §6) as of `asOf`, with the same facts and rules as /compliance (so the page
 * and the report agree on the same day). For a group of units (an area's yearly report), each obligation says how
 * many of the units that existed on the day meet it.
 */
export const obligationsSection: SectionProvider<"obligations"> = {
  id: "obligations",
  load(ctx, groups, _period, asOf) {
    const ids = idsOf(groups);
    const existing = new Set(
      ids.length
        ? ctx.db
            .select({ id: units.id })
            .from(units)
            .where(
              and(inArray(units.id, ids), or(isNull(units.validFrom), lte(units.validFrom, asOf.day)), or(isNull(units.validTo), gte(units.validTo, asOf.day))),
            )
            .all()
            .map((u) => u.id)
        : [],
    );
    const facts = gatherFacts(withScope(ctx, scopeOfUnits(ctx, [...existing])), [...existing], asOf.day);
    const out = new Map<number, ObligationsData | Missing>();
    for (const g of groups) {
      const mine = g.unitIds.filter((id) => existing.has(id));
      if (!mine.length) {
        out.set(g.key, { missing: `đơn vị chưa được thành lập hoặc đã giải thể vào ngày ${formatDate(asOf.day)}` });
        continue;
      }
      const each = mine.map((id) => evaluate(facts.get(id)!, asOf.day));
      if (g.unitIds.length === 1) {
        out.set(g.key, {
          lines: each[0]!.map((o) => ({ label: translate("vi", `compliance.ob.${o.key}`), state: OBLIGATION_STATE(o.state), evidence: evidenceText(o) })),
        });
        continue;
      }
      out.set(g.key, {
        lines: OBLIGATIONS.map((key, i) => {
          const states = each.map((obs) => OBLIGATION_STATE(obs[i]!.state));
          const met = states.filter((x) => x === "met").length;
          const known = states.filter((x) => x !== "unknown").length;
          return {
            label: translate("vi", `compliance.ob.${key}`),
            state: known === 0 ? "unknown" : met === known ? "met" : "not_met",
            evidence: `${formatInt(met)}/${formatInt(mine.length)} đơn vị đạt${known < mine.length ? `; ${formatInt(mine.length - known)} đơn vị chưa có dữ liệu` : ""}.`,
          };
        }),
      });
    }
    return out;
  },
};

/**
 * Quality objectives of the year, measured by the one function the compliance obligation and the objectives page
 * use (measureObjectives: January to the day's month), so obligation 9 and this table cannot disagree.
 */
export const objectivesSection: SectionProvider<"objectives"> = {
  id: "objectives",
  load(ctx, groups, _period, asOf) {
    const ids = idsOf(groups);
    const year = Number(asOf.day.slice(0, 4));
    const measured = measureObjectives(ctx, ids, asOf.day);
    const names = new Map(
      ids.length
        ? ctx.db
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(inArray(units.id, ids))
            .all()
            .map((u) => [u.id, u.name])
        : [],
    );
    const out = new Map<number, ObjectivesData | Missing>();
    for (const g of groups) {
      const mine = g.unitIds.flatMap((id) => measured.get(id) ?? []);
      if (!mine.length) {
        out.set(g.key, { missing: `chưa đặt mục tiêu chất lượng năm ${year}` });
        continue;
      }
      out.set(g.key, {
        rows: mine.map((o) => {
          return {
            objective: g.unitIds.length > 1 ? `${names.get(o.unitId) ?? ""}: ${o.title}` : o.title,
            target: formatTarget(o),
            actual: o.value === null ? "Chưa có số liệu" : formatResult(o, o.value),
            met: o.met,
          };
        }),
      });
    }
    return out;
  },
};
