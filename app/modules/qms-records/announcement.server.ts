import { and, desc, eq, max, sql } from "drizzle-orm";
import { announcementProcedures, conformityAnnouncements, documentProcedures, documents, procedures, reports } from "#db/schema";
import { ForbiddenError, PreconditionFailedError } from "~/lib/errors";
import { vnDay } from "~/lib/time";
import { reauthenticate } from "../auth/reauthenticate.server";
import type { Ctx } from "../context";
import { can, requireCapability, requireUserActor } from "../permissions";
import { newVerifyCode } from "../reports/request.server";
import { subjectKey } from "../reports/rules";
import { recordTrail } from "../trail/record.server";
import { write, type Reader } from "../tx.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { qmsCycleForUnits } from "./queries.server";
import { announcementNumber, reannouncementDue, scopeDiff, scopeSummary, sortScope, type ScopeItem } from "./rules";
import type { IssueAnnouncementInput } from "./schema";

// The announcement of conformity drawn from the unit's data (Phụ lục I of QĐ 19) and issued by its leader: a
// conformity_announcements row with its number and the procedures it covers, and a report row (kind
// "announcement") that the report queue turns into the archived, verifiable PDF.

/** People's Committees sign "TM. Ủy ban nhân dân" and number "…/TB-UBND"; other bodies (departments) do not. */
export const COMMITTEE_KINDS: readonly string[] = ["province", "district", "commune", "ward", "township", "special_zone"];

/** Covered: an effective process document of the unit lists the procedure (the same rule as the catalogue's coverage). */
const coveredSql = sql`EXISTS (SELECT 1 FROM ${documentProcedures} dp JOIN ${documents} d ON d.id = dp.document_id
                        WHERE dp.procedure_id = ${procedures.id} AND d.status = 'effective' AND d.kind = 'process')`;

/** The unit's published procedures covered by an effective process document today: the scope it can announce. */
export function coveredProcedures(db: Reader, unitId: number): ScopeItem[] {
  const rows = db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, field: procedures.field })
    .from(procedures)
    .where(and(eq(procedures.unitId, unitId), eq(procedures.active, true), coveredSql))
    .all();
  return sortScope(rows);
}

/** Published procedures of the unit that no effective process covers (they stay out of what it can announce). */
export function uncoveredCount(db: Reader, unitId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(procedures)
      .where(and(eq(procedures.unitId, unitId), eq(procedures.active, true), sql`NOT ${coveredSql}`))
      .get()?.n ?? 0
  );
}

export type AnnouncementRow = typeof conformityAnnouncements.$inferSelect;

/** The unit's announcement in force: the latest decided (ties: the latest recorded). */
export function latestAnnouncement(db: Reader, unitId: number): AnnouncementRow | undefined {
  return db
    .select()
    .from(conformityAnnouncements)
    .where(eq(conformityAnnouncements.unitId, unitId))
    .orderBy(desc(conformityAnnouncements.decidedOn), desc(conformityAnnouncements.id))
    .limit(1)
    .get();
}

/** The procedures an announcement issued in the app covers, as announced; null for one recorded from paper. */
export function announcedProcedures(db: Reader, a: Pick<AnnouncementRow, "id" | "issuedYear">): ScopeItem[] | null {
  if (a.issuedYear === null) return null;
  const rows = db
    .select({
      id: announcementProcedures.procedureId,
      code: announcementProcedures.code,
      name: announcementProcedures.name,
      field: announcementProcedures.field,
    })
    .from(announcementProcedures)
    .where(eq(announcementProcedures.announcementId, a.id))
    .all();
  return sortScope(rows);
}

/** The day the last procedure entered the unit's catalogue (Vietnam calendar), or null. */
export function lastCatalogueChangeOn(db: Reader, unitId: number): string | null {
  const r = db
    .select({ last: max(procedures.createdAt) })
    .from(procedures)
    .where(eq(procedures.unitId, unitId))
    .get();
  return r?.last ? vnDay(r.last) : null;
}

/** Whether the unit's scope moved since its announcement in force (false when it never announced: that is "not announced"). */
export function scopeState(db: Reader, unitId: number, latest = latestAnnouncement(db, unitId)) {
  const current = coveredProcedures(db, unitId);
  if (!latest) return { current, announced: null, diff: null, due: false };
  const announced = announcedProcedures(db, latest);
  const due = reannouncementDue({ announced, current, lastCatalogueChangeOn: lastCatalogueChangeOn(db, unitId), decidedOn: latest.decidedOn });
  return { current, announced, diff: announced ? scopeDiff(announced, current) : null, due };
}

/** The next number the unit would give an announcement this year. */
function nextSeq(db: Reader, unitId: number, year: number): number {
  const r = db
    .select({ n: max(conformityAnnouncements.issuedSeq) })
    .from(conformityAnnouncements)
    .where(and(eq(conformityAnnouncements.unitId, unitId), eq(conformityAnnouncements.issuedYear, year)))
    .get();
  return (r?.n ?? 0) + 1;
}

/** Whether the actor is a leader of this very unit (the head issues the unit's announcement, nobody above it). */
function leadsUnit(ctx: Ctx, unitId: number): boolean {
  return ctx.actor.kind === "user" && can(ctx.actor, "qms.approve") && ctx.actor.unitId === unitId;
}

/**
 * The draft announcement of a unit in the reader's scope: what it would announce today (the procedures covered),
 * its number and kind, the one in force and how the scope moved since, and the cycle it rests on.
 */
export function announcementDraft(ctx: Ctx, unitId: number) {
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  const latest = latestAnnouncement(ctx.db, unit.id);
  const state = scopeState(ctx.db, unit.id, latest);
  const committee = COMMITTEE_KINDS.includes(unit.kind);
  const cycle = qmsCycleForUnits(ctx, ctx.today, [unit.id])[0];
  const ended = !!unit.validTo && unit.validTo < ctx.today;
  const issued = ctx.db
    .select({
      id: conformityAnnouncements.id,
      number: conformityAnnouncements.decisionNumber,
      decidedOn: conformityAnnouncements.decidedOn,
      kind: conformityAnnouncements.kind,
      reportId: reports.id,
      status: reports.status,
    })
    .from(conformityAnnouncements)
    // The unit in the join lets SQLite seek the unit's reports (reports_unit_created_idx) instead of scanning them all.
    .leftJoin(
      reports,
      and(eq(reports.unitId, conformityAnnouncements.unitId), eq(reports.kind, "announcement"), eq(reports.subjectId, conformityAnnouncements.id)),
    )
    .where(and(eq(conformityAnnouncements.unitId, unit.id), sql`${conformityAnnouncements.issuedYear} IS NOT NULL`))
    .orderBy(desc(conformityAnnouncements.id))
    .limit(20)
    .all();
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, ended },
    covered: state.current,
    uncovered: uncoveredCount(ctx.db, unit.id),
    previous: latest
      ? { id: latest.id, kind: latest.kind, number: latest.decisionNumber, decidedOn: latest.decidedOn, fromPaper: latest.issuedYear === null }
      : null,
    diff: state.diff,
    due: state.due,
    kind: latest ? ("re_announcement" as const) : ("announcement" as const),
    nextNumber: announcementNumber(nextSeq(ctx.db, unit.id, Number(ctx.today.slice(0, 4))), committee),
    today: ctx.today,
    cycle: {
      auditOn: cycle?.lastInternalAuditOn ?? null,
      reviewOn: cycle?.lastManagementReviewOn ?? null,
      confirmedOn: cycle?.lastEffectivenessConfirmationOn ?? null,
    },
    issued,
    can: { issue: leadsUnit(ctx, unit.id) && !ended && state.current.length > 0 },
  };
}

/**
 * The head issues the announcement: a leader of the unit itself re-enters their password (as for a signature),
 * then, in one transaction, the announcement gets the next number of the unit and year ("Số: NN/TB-UBND"), today's
 * date and the procedures covered today (copied), and its PDF is queued as a report (archived with its SHA-256,
 * verifiable at /reports/verify). A unit with an announcement already issues a re-announcement. The page that
 * publishes it is the unit's public page, so it counts as posted on the website the same day.
 */
export async function issueAnnouncement(ctx: Ctx, unitId: number, input: IssueAnnouncementInput) {
  requireCapability(ctx.actor, "qms.approve");
  const me = requireUserActor(ctx.actor);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  if (me.unitId !== unit.id) throw new ForbiddenError("qms.errors.ownUnitLeader");
  if (unit.validTo && unit.validTo < ctx.today) throw new PreconditionFailedError("announce.errors.unitEnded");
  if (!coveredProcedures(ctx.db, unit.id).length) throw new PreconditionFailedError("announce.errors.nothingCovered");
  await reauthenticate(ctx, me.id, input.password);
  const committee = COMMITTEE_KINDS.includes(unit.kind);
  return write(ctx, (tx) => {
    // Read again inside the transaction: the catalogue or another issue may have moved meanwhile.
    const covered = coveredProcedures(tx, unit.id);
    if (!covered.length) throw new PreconditionFailedError("announce.errors.nothingCovered");
    const previous = latestAnnouncement(tx, unit.id);
    const year = Number(ctx.today.slice(0, 4));
    const seq = nextSeq(tx, unit.id, year);
    const kind = previous ? ("re_announcement" as const) : ("announcement" as const);
    const announcement = tx
      .insert(conformityAnnouncements)
      .values({
        unitId: unit.id,
        kind,
        decisionNumber: announcementNumber(seq, committee),
        decidedOn: ctx.today,
        scope: scopeSummary(covered),
        notifiedOn: null,
        postedOn: ctx.today,
        issuedYear: year,
        issuedSeq: seq,
        createdById: me.id,
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    tx.insert(announcementProcedures)
      .values(covered.map((p) => ({ announcementId: announcement.id, procedureId: p.id, code: p.code, name: p.name, field: p.field })))
      .run();
    const report = tx
      .insert(reports)
      .values({
        kind: "announcement",
        unitId: unit.id,
        periodKey: subjectKey(announcement.id),
        subjectId: announcement.id,
        status: "queued",
        progress: "reports.progress.queued",
        trigger: "manual",
        requestedById: me.id,
        verifyCode: newVerifyCode(),
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    const diff = previous ? scopeDiff(announcedProcedures(tx, previous) ?? [], covered) : null;
    recordTrail(tx, ctx, {
      entity: "conformity_announcement",
      entityId: announcement.id,
      action: kind === "announcement" ? "announce" : "re-announce",
      unitId: unit.id,
      after: {
        decisionNumber: announcement.decisionNumber,
        decidedOn: announcement.decidedOn,
        procedures: covered.map((p) => p.code),
        replaces: previous?.decisionNumber ?? null,
        added: diff?.added.map((p) => p.code) ?? [],
        removed: diff?.removed.map((p) => p.code) ?? [],
        reportId: report.id,
      },
    });
    recordTrail(tx, ctx, {
      entity: "report",
      entityId: report.id,
      action: "request",
      unitId: unit.id,
      after: { kind: report.kind, subjectId: announcement.id },
    });
    return { announcement, report };
  });
}
