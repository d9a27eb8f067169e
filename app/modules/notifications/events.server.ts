import { and, eq, inArray } from "drizzle-orm";
import { caSignatures, correctiveActions, findingGrades, units, users } from "#db/schema";
import type { Ctx } from "../context";
import { peopleOf } from "../corrective-actions/unit-people.server";
import type { Reader, Tx } from "../tx.server";
import { notify } from "./notify.server";

// Notices of events people must hear about, each sent inside the write transaction of the event itself (so a
// notice never exists for a change that rolled back, and a change never commits without its notice). The person
// who acted is never told of their own act.

const others = (ctx: Ctx, ids: Iterable<number>) => [...new Set(ids)].filter((id) => ctx.actor.kind !== "user" || id !== ctx.actor.id);

const short = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const unitName = (db: Reader, unitId: number) => db.select({ name: units.name }).from(units).where(eq(units.id, unitId)).get()?.name ?? "";

/** The unit's quality officers and leaders (chair, vice-chairs), or those of the units formed from it. */
export function officersAndLeaders(db: Reader, unitId: number): number[] {
  return peopleOf(db, unitId, ["officer", "leader"]).map((p) => p.id);
}

/**
 * Who approves a document of this unit: its chair and vice-chairs (the leaders of the unit, or of the units formed
 * from it), never the person who drafted the revision.
 */
export function approversOf(db: Reader, unitId: number, drafterId: number | null) {
  return peopleOf(db, unitId, ["leader"]).filter((p) => p.id !== drafterId);
}

/** The approvers named on a revision's page while it awaits approval (the author is told whom it waits for). */
export function approversFor(ctx: Ctx, unitId: number, drafterId: number | null) {
  return approversOf(ctx.db, unitId, drafterId).map((p) => ({ id: p.id, name: p.fullName, title: p.title }));
}

/** A finding was recorded (audit, inspection or direct): the unit's officer and leaders hear of it. */
export function noticeFindingRecorded(
  tx: Tx,
  ctx: Ctx,
  finding: { id: number; unitId: number; gradeCode: string; description: string; actionDueOn: string | null },
) {
  const grade =
    tx.select({ nameVi: findingGrades.nameVi }).from(findingGrades).where(eq(findingGrades.code, finding.gradeCode)).get()?.nameVi ?? finding.gradeCode;
  return notify(tx, ctx, {
    recipients: others(ctx, officersAndLeaders(tx, finding.unitId)),
    kind: "finding.recorded",
    key: `finding:${finding.id}:recorded`,
    params: { id: finding.id, grade, unit: unitName(tx, finding.unitId), description: short(finding.description) },
    link: `/findings/${finding.id}`,
    unitId: finding.unitId,
  });
}

/** Inspection minutes were signed: the two-month clock for the report back starts; the unit hears the deadline. */
export function noticeMinutesSigned(tx: Tx, ctx: Ctx, inspection: { id: number; unitId: number }, signedOn: string, deadline: string) {
  return notify(tx, ctx, {
    recipients: others(ctx, officersAndLeaders(tx, inspection.unitId)),
    kind: "inspection.minutes_signed",
    key: `inspection:${inspection.id}:minutes:${signedOn}`,
    params: { unit: unitName(tx, inspection.unitId), signedOn, deadline },
    link: `/inspections/${inspection.id}`,
    unitId: inspection.unitId,
  });
}

/** A revision awaits approval: the unit's chair and vice-chairs hear of it. */
export function noticeApprovalRequested(
  tx: Tx,
  ctx: Ctx,
  doc: { id: number; unitId: number; code: string; title: string },
  rev: { id: number; number: number; draftedById: number | null; submittedAt: number },
) {
  return notify(tx, ctx, {
    recipients: others(
      ctx,
      approversOf(tx, doc.unitId, rev.draftedById).map((p) => p.id),
    ),
    kind: "document.approval_requested",
    key: `revision:${rev.id}:submitted:${rev.submittedAt}`,
    params: { author: ctx.actor.kind === "user" ? ctx.actor.name : "", code: doc.code, title: short(doc.title, 80), revision: rev.number },
    link: `/documents/${doc.id}/revisions/${rev.id}`,
    unitId: doc.unitId,
  });
}

/** The owners of the findings' open actions and the leaders who signed them. */
export function ownersAndSignersOf(db: Reader, findingIds: number[]): number[] {
  if (!findingIds.length) return [];
  const actions = db
    .select({ id: correctiveActions.id, ownerId: correctiveActions.ownerId })
    .from(correctiveActions)
    .where(inArray(correctiveActions.findingId, findingIds))
    .all();
  if (!actions.length) return [];
  const signers = db
    .select({ id: caSignatures.signerId })
    .from(caSignatures)
    .where(
      and(
        inArray(
          caSignatures.actionId,
          actions.map((a) => a.id),
        ),
      ),
    )
    .all();
  return [...new Set([...actions.map((a) => a.ownerId), ...signers.map((s) => s.id)])].filter((id): id is number => typeof id === "number");
}

/** A deadline moved: its owners and signers (and whoever else the caller names) hear the old and new dates. */
export function noticeDeadlineMoved(
  tx: Tx,
  ctx: Ctx,
  input: {
    recipients: number[];
    what: { key: string; params: Record<string, string | number> };
    from: string;
    to: string;
    key: string;
    link: string;
    unitId: number;
  },
) {
  if (input.from === input.to) return 0;
  return notify(tx, ctx, {
    recipients: others(ctx, input.recipients),
    kind: "deadline.moved",
    key: `${input.key}:due:${input.from}>${input.to}`,
    params: { ...input.what.params, whatKey: input.what.key, from: input.from, to: input.to },
    link: input.link,
    unitId: input.unitId,
  });
}

/** The leaders who ever signed this action (their signature covered the old date). */
export function signersOf(db: Reader, actionId: number): number[] {
  return db
    .select({ id: caSignatures.signerId })
    .from(caSignatures)
    .where(eq(caSignatures.actionId, actionId))
    .all()
    .map((s) => s.id)
    .filter((id): id is number => typeof id === "number");
}

/** The people of the unit itself (not its successors) in a role: who writes and who issues the unit's reports. */
function ownUnitPeople(db: Reader, unitId: number, role: "officer" | "leader"): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, role), eq(users.active, true)))
    .all()
    .map((u) => u.id);
}

type DraftRef = { id: number; kind: string; unitId: number; periodLabel: string; link: string };

/** A scheduled report's draft was made: the unit's quality officers hear that its narrative waits for them. */
export function noticeReportDraftWaiting(tx: Tx, ctx: Ctx, draft: DraftRef) {
  return notify(tx, ctx, {
    recipients: others(ctx, ownUnitPeople(tx, draft.unitId, "officer")),
    kind: "report.draft_waiting",
    key: `report_issue:${draft.id}:draft`,
    params: { whatKey: `reports.kind.${draft.kind}`, period: draft.periodLabel, unit: unitName(tx, draft.unitId) },
    link: draft.link,
    unitId: draft.unitId,
  });
}

/**
 * A draft's narrative became complete (difficulties and proposals written): the unit's chair and vice-chairs hear
 * that it awaits issuing. Keyed by the moment it became complete, so a draft emptied and completed again is told again.
 */
export function noticeReportAwaitingIssue(tx: Tx, ctx: Ctx, draft: DraftRef, completedAt: number) {
  return notify(tx, ctx, {
    recipients: others(ctx, ownUnitPeople(tx, draft.unitId, "leader")),
    kind: "report.awaiting_issue",
    key: `report_issue:${draft.id}:ready:${completedAt}`,
    params: { whatKey: `reports.kind.${draft.kind}`, period: draft.periodLabel, unit: unitName(tx, draft.unitId) },
    link: draft.link,
    unitId: draft.unitId,
  });
}
