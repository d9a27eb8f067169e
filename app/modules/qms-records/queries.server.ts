import { and, desc, eq, sql } from "drizzle-orm";
import { addMonthsToDay } from "~/lib/time";
import { conformityAnnouncements, effectivenessConfirmations, files, managementReviews } from "#db/schema";
import type { Ctx } from "../context";
import { can } from "../permissions";
import { getUnitInScopeOrThrow, inScope, pathCondition } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";

export type QmsCycleRow = {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  /** Report date of the latest internal audit reported or closed on or before the day. */
  lastInternalAuditOn: string | null;
  lastInternalAuditId: number | null;
  lastManagementReviewOn: string | null;
  lastManagementReviewId: number | null;
  lastEffectivenessConfirmationOn: string | null;
  lastEffectivenessConfirmationId: number | null;
  lastAnnouncementOn: string | null;
  lastAnnouncementId: number | null;
  lastAnnouncementKind: "announcement" | "re_announcement" | null;
  /**
   * Inspections (minutes signed on or before the day, with findings) whose report back on corrective actions is
   * missing past its two-month deadline, or was sent late within the last year; and the earliest such deadline.
   */
  lateInspectionReports: number;
  oldestLateReportDueOn: string | null;
};

/**
 * The QMS cycle of every unit in `ctx.scope` that exists on `day` (YYYY-MM-DD), for the obligations of DOMAIN.md §6:
 * the dates (and ids, as evidence) of the last internal audit (reported/closed), management review,
 * effectiveness confirmation and announcement on or before the day, and the open inspection findings past their
 * due date. One statement; each figure is an indexed lookup per unit. `only` narrows it to those units (the compliance facts of one page). `day` is explicit: the
 * page may look at another day, the compliance facts are computed for a given day (a report's period end).
 */
export function qmsCycleForUnits(ctx: Ctx, day: string, only?: number[]): QmsCycleRow[] {
  if (only && !only.length) return [];
  const scope = ctx.scope;
  return ctx.db.all<QmsCycleRow>(sql`
    SELECT u.id AS unitId, u.code AS code, u.name AS name, u.kind AS kind, u.path AS path,
      la.reported_on AS lastInternalAuditOn, la.id AS lastInternalAuditId,
      mr.held_on AS lastManagementReviewOn, mr.id AS lastManagementReviewId,
      ec.confirmed_on AS lastEffectivenessConfirmationOn, ec.id AS lastEffectivenessConfirmationId,
      ca.decided_on AS lastAnnouncementOn, ca.id AS lastAnnouncementId, ca.kind AS lastAnnouncementKind,
      coalesce(od.n, 0) AS lateInspectionReports, od.oldest AS oldestLateReportDueOn
    FROM units u
    LEFT JOIN audits la ON la.id = (SELECT a.id FROM audits a WHERE a.unit_id = u.id AND a.status IN ('reported', 'closed')
         AND a.reported_on <= ${day} ORDER BY a.reported_on DESC, a.id DESC LIMIT 1)
    LEFT JOIN management_reviews mr ON mr.id = (SELECT m.id FROM management_reviews m WHERE m.unit_id = u.id AND m.held_on <= ${day}
         ORDER BY m.held_on DESC, m.id DESC LIMIT 1)
    LEFT JOIN effectiveness_confirmations ec ON ec.id = (SELECT e.id FROM effectiveness_confirmations e WHERE e.unit_id = u.id
         AND e.confirmed_on <= ${day} ORDER BY e.confirmed_on DESC, e.id DESC LIMIT 1)
    LEFT JOIN conformity_announcements ca ON ca.id = (SELECT c.id FROM conformity_announcements c WHERE c.unit_id = u.id
         AND c.decided_on <= ${day} ORDER BY c.decided_on DESC, c.id DESC LIMIT 1)
    -- Inspections whose report back on corrective actions (TT 26: within two months of the minutes) is missing past
    -- its deadline, or came late (within the last year): the report back measures it, not the closing of actions.
    LEFT JOIN (SELECT i.unit_id AS unit_id, count(*) AS n, min(i.report_due_on) AS oldest FROM inspections i
         WHERE i.minutes_signed_on <= ${day} AND i.report_due_on IS NOT NULL
           AND EXISTS (SELECT 1 FROM inspection_findings x WHERE x.inspection_id = i.id)
           AND ((i.report_due_on < ${day} AND (i.reported_back_on IS NULL OR i.reported_back_on > ${day}))
             OR (i.reported_back_on <= ${day} AND i.reported_back_on > i.report_due_on AND i.minutes_signed_on > ${addMonthsToDay(day, -12)}))
           AND ${only ? sql`i.unit_id IN ${only}` : inScope(sql`i.unit_id`, scope)}
         GROUP BY i.unit_id) od ON od.unit_id = u.id
    WHERE ${pathCondition(scope, sql`u.path`)} ${only ? sql`AND u.id IN ${only}` : sql``}
      AND (u.valid_from IS NULL OR u.valid_from <= ${day}) AND (u.valid_to IS NULL OR u.valid_to >= ${day})
    ORDER BY u.path`);
}

/** The cycle of every unit in scope on a day, in tree order (siblings by name), for the QMS page. */
export function qmsCycleList(ctx: Ctx, day: string): (QmsCycleRow & { id: number })[] {
  return inTreeOrder(
    ctx.db,
    qmsCycleForUnits(ctx, day).map((r) => ({ ...r, id: r.unitId })),
  );
}

/** A unit's management reviews, confirmations and announcements, newest first, for its QMS page. */
export function listQmsRecords(ctx: Ctx, unitId: number) {
  const { db, actor } = ctx;
  const unit = getUnitInScopeOrThrow(db, ctx.scope, unitId);
  const reviews = db
    .select({ r: managementReviews, fileName: files.originalName })
    .from(managementReviews)
    .leftJoin(files, eq(files.id, managementReviews.fileId))
    .where(eq(managementReviews.unitId, unit.id))
    .orderBy(desc(managementReviews.heldOn))
    .all()
    .map((x) => ({ ...x.r, fileName: x.fileName }));
  const confirmations = db
    .select()
    .from(effectivenessConfirmations)
    .where(eq(effectivenessConfirmations.unitId, unit.id))
    .orderBy(desc(effectivenessConfirmations.confirmedOn))
    .all();
  const announcements = db
    .select({ a: conformityAnnouncements, fileName: files.originalName })
    .from(conformityAnnouncements)
    .leftJoin(files, eq(files.id, conformityAnnouncements.fileId))
    .where(and(eq(conformityAnnouncements.unitId, unit.id)))
    .orderBy(desc(conformityAnnouncements.decidedOn))
    .all()
    .map((x) => ({ ...x.a, fileName: x.fileName }));
  return {
    unit,
    reviews,
    confirmations,
    announcements,
    can: {
      write: can(actor, "qms.write"),
      confirm: can(actor, "qms.approve") && actor.kind === "user" && actor.unitId === unit.id,
    },
  };
}
