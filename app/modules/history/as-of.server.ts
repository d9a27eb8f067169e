import { sql, type SQL } from "drizzle-orm";
import { ACTION_NOT_DONE } from "../findings/rules";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { correctiveActionStates, documentStates, findingStates } from "#db/schema";
import { addDays, startOfVnDay } from "~/lib/time";
import type { Reader } from "../tx.server";

// State as of a date (docs/decisions/0013-state-as-of-a-date.md). The effective-dated rows of findings, corrective
// actions and documents (migration 0016_state_history, kept by triggers) answer "what was true at the end of day D":
// one grouped query per kind for any number of units, through (unit_id, from_at). The compliance page (today), the
// dashboard and every report read through these, so they agree on the same day.

/** A calendar day (what "overdue" is compared with) and the instant the state is read at (exclusive, ms). */
export type AsOf = { day: string; at: number };

/** The state at the end of a Vietnamese calendar day: every change made during that day counts. */
export function asOfDay(day: string): AsOf {
  return { day, at: startOfVnDay(day).getTime() + 86_400_000 };
}

/** Rows in force at `at`: begun before it and not ended before it. */
function live(t: { fromAt: AnySQLiteColumn; toAt: AnySQLiteColumn }, at: number): SQL {
  return sql`${t.fromAt} < ${at} AND (${t.toAt} IS NULL OR ${t.toAt} >= ${at})`;
}

const unitList = (col: AnySQLiteColumn | SQL, ids: number[]) => sql`${col} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** Corrective actions are "due soon" within this many days (the obligation's warning). */
export const ACTION_DUE_SOON_DAYS = 14;

export type ActionCounts = {
  unitId: number;
  /** Not yet verified effective (proposed … implemented). */
  open: number;
  /** Still to be done (proposed, acknowledged, in progress) and past its due date on the day. */
  overdue: number;
  /** Still to be done and due within ACTION_DUE_SOON_DAYS days of the day (not overdue). */
  dueSoon: number;
  /** Waiting for the leader's acknowledgement. */
  proposed: number;
  /** Verified effective (or closed with their finding). */
  closed: number;
  /** Of the closed ones, implemented on or before their due date. */
  closedOnTime: number;
};

/** Corrective-action figures per unit (only units that have actions) as of `asOf`: one grouped query. */
export function actionCountsAsOf(db: Reader, unitIds: number[], asOf: AsOf): ActionCounts[] {
  if (!unitIds.length) return [];
  const s = correctiveActionStates;
  const pending = sql`${s.status} IN ('proposed','acknowledged','in_progress')`;
  return db
    .select({
      unitId: s.unitId,
      open: sql<number>`sum(${s.status} IN ('proposed','acknowledged','in_progress','implemented'))`,
      overdue: sql<number>`sum(${pending} AND ${s.dueOn} < ${asOf.day})`,
      dueSoon: sql<number>`sum(${pending} AND ${s.dueOn} >= ${asOf.day} AND ${s.dueOn} <= ${addDays(asOf.day, ACTION_DUE_SOON_DAYS)})`,
      proposed: sql<number>`sum(${s.status} = 'proposed')`,
      closed: sql<number>`sum(${s.status} IN ('verified','closed'))`,
      closedOnTime: sql<number>`sum(${s.status} IN ('verified','closed') AND ${s.implementedOn} <= ${s.dueOn})`,
    })
    .from(s)
    .where(sql`${unitList(s.unitId, unitIds)} AND ${live(s, asOf.at)}`)
    .groupBy(s.unitId)
    .all()
    .map((r) => ({
      unitId: r.unitId,
      open: Number(r.open ?? 0),
      overdue: Number(r.overdue ?? 0),
      dueSoon: Number(r.dueSoon ?? 0),
      proposed: Number(r.proposed ?? 0),
      closed: Number(r.closed ?? 0),
      closedOnTime: Number(r.closedOnTime ?? 0),
    }));
}

/** Each action's state as of `asOf` (for the signatures: a signature counts only while its action is not back at "proposed"). */
export function actionStatesAsOf(db: Reader, unitIds: number[], asOf: AsOf): { actionId: number; unitId: number; status: string }[] {
  if (!unitIds.length) return [];
  const s = correctiveActionStates;
  return db
    .select({ actionId: s.actionId, unitId: s.unitId, status: s.status })
    .from(s)
    .where(sql`${unitList(s.unitId, unitIds)} AND ${live(s, asOf.at)}`)
    .all();
}

export type FindingState = { findingId: number; unitId: number; status: string; foundOn: string; actionDueOn: string | null; fromAt: number };

/** Every finding recorded by `asOf` with its state then (status, day found, action due date). */
export function findingStatesAsOf(db: Reader, unitIds: number[], asOf: AsOf, opts: { source?: string } = {}): FindingState[] {
  if (!unitIds.length) return [];
  const s = findingStates;
  return db
    .select({ findingId: s.findingId, unitId: s.unitId, status: s.status, foundOn: s.foundOn, actionDueOn: s.actionDueOn, fromAt: s.fromAt })
    .from(s)
    .where(
      sql`${unitList(s.unitId, unitIds)} AND ${live(s, asOf.at)}${
        opts.source ? sql` AND ${s.findingId} IN (SELECT id FROM findings WHERE source = ${opts.source})` : sql``
      }`,
    )
    .all();
}

export type DocumentCounts = {
  unitId: number;
  /** Documents managed: drafts and documents in force (withdrawn ones are no longer managed). */
  total: number;
  effective: number;
  overdueReview: number;
  overdueUpdate: number;
  /** In force, past either clock. */
  overdue: number;
  /** Active procedures of the catalogue and those without a process document in force. */
  procedures: number;
  uncoveredProcedures: number;
  /** Of the uncovered ones, those a process document being written (a draft then) already lists. */
  draftingProcedures: number;
};

/**
 * Document figures per unit as of `asOf`: one grouped query over the documents' states, one over the procedure
 * catalogue (a procedure is covered when a process document linked to it was in force then).
 */
export function documentCountsAsOf(db: Reader, unitIds: number[], asOf: AsOf): DocumentCounts[] {
  if (!unitIds.length) return [];
  const s = documentStates;
  const eff = sql`${s.status} = 'effective'`;
  const rows = db
    .select({
      unitId: s.unitId,
      total: sql<number>`sum(${s.status} IN ('draft','effective'))`,
      effective: sql<number>`sum(${eff})`,
      overdueReview: sql<number>`sum(${eff} AND ${s.nextReviewOn} < ${asOf.day})`,
      overdueUpdate: sql<number>`sum(${eff} AND ${s.updateDueOn} < ${asOf.day})`,
      overdue: sql<number>`sum(${eff} AND (${s.nextReviewOn} < ${asOf.day} OR ${s.updateDueOn} < ${asOf.day}))`,
    })
    .from(s)
    .where(sql`${unitList(s.unitId, unitIds)} AND ${live(s, asOf.at)}`)
    .groupBy(s.unitId)
    .all();
  const procs = db.all<{ unitId: number; procedures: number; uncovered: number; drafting: number }>(sql`
    SELECT p.unit_id AS unitId, count(*) AS procedures,
      sum(NOT EXISTS (SELECT 1 FROM document_procedures dp JOIN document_states ds ON ds.document_id = dp.document_id
          WHERE dp.procedure_id = p.id AND ds.status = 'effective' AND ds.kind = 'process'
            AND ds.from_at < ${asOf.at} AND (ds.to_at IS NULL OR ds.to_at >= ${asOf.at}))) AS uncovered,
      sum(NOT EXISTS (SELECT 1 FROM document_procedures dp JOIN document_states ds ON ds.document_id = dp.document_id
          WHERE dp.procedure_id = p.id AND ds.status = 'effective' AND ds.kind = 'process'
            AND ds.from_at < ${asOf.at} AND (ds.to_at IS NULL OR ds.to_at >= ${asOf.at}))
        AND EXISTS (SELECT 1 FROM document_procedures dp JOIN document_states ds ON ds.document_id = dp.document_id
          WHERE dp.procedure_id = p.id AND ds.status = 'draft' AND ds.kind = 'process'
            AND ds.from_at < ${asOf.at} AND (ds.to_at IS NULL OR ds.to_at >= ${asOf.at}))) AS drafting
    FROM procedures p
    WHERE ${unitList(sql`p.unit_id`, unitIds)} AND p.active = 1 AND p.created_at < ${asOf.at}
    GROUP BY p.unit_id`);
  const out = new Map<number, DocumentCounts>(
    unitIds.map((unitId) => [
      unitId,
      { unitId, total: 0, effective: 0, overdueReview: 0, overdueUpdate: 0, overdue: 0, procedures: 0, uncoveredProcedures: 0, draftingProcedures: 0 },
    ]),
  );
  for (const r of rows)
    Object.assign(out.get(r.unitId)!, {
      total: Number(r.total ?? 0),
      effective: Number(r.effective ?? 0),
      overdueReview: Number(r.overdueReview ?? 0),
      overdueUpdate: Number(r.overdueUpdate ?? 0),
      overdue: Number(r.overdue ?? 0),
    });
  for (const r of procs)
    Object.assign(out.get(r.unitId)!, {
      procedures: Number(r.procedures),
      uncoveredProcedures: Number(r.uncovered ?? 0),
      draftingProcedures: Number(r.drafting ?? 0),
    });
  return [...out.values()];
}

/** Documents in force as of `asOf` past a clock, for a report's list (code, title, the clock dates then). */
export function lateDocumentsAsOf(db: Reader, unitIds: number[], asOf: AsOf, limit = 500) {
  if (!unitIds.length) return [];
  return db.all<{ unitId: number; code: string; title: string; nextReviewOn: string | null; updateDueOn: string | null }>(sql`
    SELECT ds.unit_id AS unitId, d.code AS code, d.title AS title, ds.next_review_on AS nextReviewOn, ds.update_due_on AS updateDueOn
    FROM document_states ds JOIN documents d ON d.id = ds.document_id
    WHERE ${unitList(sql`ds.unit_id`, unitIds)} AND ds.from_at < ${asOf.at} AND (ds.to_at IS NULL OR ds.to_at >= ${asOf.at})
      AND ds.status = 'effective' AND (ds.next_review_on < ${asOf.day} OR ds.update_due_on < ${asOf.day})
    ORDER BY d.code LIMIT ${limit}`);
}

export type FindingCounts = {
  unitId: number;
  grade: string;
  /** Found on or before the day. */
  found: number;
  /** Of those, found since `from` (a period's first day, or 12 months back). */
  foundSince: number;
  inspection: number;
  open: number;
  /** Open with the action due date before the day. */
  overdue: number;
  /** Closed, the closing made at or after `closedSinceMs`. */
  closedSince: number;
};

/**
 * Findings per unit and grade as of `asOf` (found by the day, in their state then): one grouped query.
 * `from` bounds "found since" (a period's first day); `closedSinceMs` bounds "closed since" (its first instant).
 */
/**
 * findingOverdue (findings/rules.ts) as of `asOf`, for the finding state row `s`: it has no corrective action on that
 * day, or one not yet implemented.
 */
function actionsNotDoneAsOf(asOf: AsOf) {
  const live = sql`cs.finding_id = s.finding_id AND cs.from_at < ${asOf.at} AND (cs.to_at IS NULL OR cs.to_at >= ${asOf.at})`;
  const notDone = sql.join(
    ACTION_NOT_DONE.map((st) => sql`${st}`),
    sql`, `,
  );
  return sql`(NOT EXISTS (SELECT 1 FROM corrective_action_states cs WHERE ${live})
    OR EXISTS (SELECT 1 FROM corrective_action_states cs WHERE ${live} AND cs.status IN (${notDone})))`;
}

export function findingCountsAsOf(db: Reader, unitIds: number[], asOf: AsOf, bounds: { from: string; closedSinceMs?: number }): FindingCounts[] {
  if (!unitIds.length) return [];
  return db
    .all<FindingCounts>(
      sql`
    SELECT s.unit_id AS unitId, f.grade_code AS grade, count(*) AS found,
      sum(s.found_on >= ${bounds.from}) AS foundSince,
      sum(f.source = 'inspection') AS inspection,
      sum(s.status = 'open') AS open,
      sum(s.status = 'open' AND s.action_due_on < ${asOf.day} AND ${actionsNotDoneAsOf(asOf)}) AS overdue,
      sum(s.status = 'closed' AND s.from_at >= ${bounds.closedSinceMs ?? 0}) AS closedSince
    FROM finding_states s JOIN findings f ON f.id = s.finding_id
    WHERE ${unitList(sql`s.unit_id`, unitIds)} AND s.from_at < ${asOf.at} AND (s.to_at IS NULL OR s.to_at >= ${asOf.at})
      AND s.found_on <= ${asOf.day}
    GROUP BY s.unit_id, f.grade_code`,
    )
    .map((r) => ({
      ...r,
      found: Number(r.found),
      foundSince: Number(r.foundSince ?? 0),
      inspection: Number(r.inspection ?? 0),
      open: Number(r.open ?? 0),
      overdue: Number(r.overdue ?? 0),
      closedSince: Number(r.closedSince ?? 0),
    }));
}
