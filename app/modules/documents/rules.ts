import type { DocumentStatus, RevisionStatus } from "#db/schema/enums";
import type { Actor } from "../context";
import { can, type Capability } from "../permissions";
import { addMonthsToDay, daysBetween } from "~/lib/time";

/** QĐ 19/2014/QĐ-TTg: the QMS is updated within 3 months after a relevant legal text takes effect. */
export const LEGAL_UPDATE_MONTHS = 3;
/** A review is "due soon" this many days before its date (shown as a warning, not counted as overdue). */
export const DUE_SOON_DAYS = 30;

export type ClockInput = {
  status: DocumentStatus;
  reviewCycleMonths: number;
  /** Day the current revision took effect. */
  effectiveFrom: string | null;
  lastReviewedOn: string | null;
  /** Effective days of the legal changes linked to the document and not yet answered by a newer revision. */
  openLegalChangeDays: string[];
  needsRevision?: boolean;
};

export type ClockState = {
  /** Next periodic review: a cycle after the later of the current revision's effective day and the last review. */
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  reviewDueSoon: boolean;
  /** Earliest deadline (legal effective day + 3 months) among open legal changes. */
  updateDueOn: string | null;
  updateOverdue: boolean;
  needsRevision: boolean;
  overdue: boolean;
};

function maxDay(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/**
 * A document's clocks on a given day (YYYY-MM-DD, Vietnam). Only an effective document runs clocks: a draft is
 * not yet part of the QMS and an obsolete one has left it. A deadline is met on its own day; the day after, it
 * is overdue. Pure: the register, the compliance dashboard and the PDF reports all use it.
 */
export function clockState(doc: ClockInput, day: string): ClockState {
  if (doc.status !== "effective") {
    return { nextReviewOn: null, reviewOverdue: false, reviewDueSoon: false, updateDueOn: null, updateOverdue: false, needsRevision: false, overdue: false };
  }
  const base = maxDay(doc.effectiveFrom, doc.lastReviewedOn);
  const nextReviewOn = base ? addMonthsToDay(base, Math.max(1, doc.reviewCycleMonths)) : null;
  const reviewOverdue = !!nextReviewOn && day > nextReviewOn;
  const reviewDueSoon = !!nextReviewOn && !reviewOverdue && daysBetween(day, nextReviewOn) <= DUE_SOON_DAYS;
  const earliest = [...doc.openLegalChangeDays].sort()[0];
  const updateDueOn = earliest ? addMonthsToDay(earliest, LEGAL_UPDATE_MONTHS) : null;
  const updateOverdue = !!updateDueOn && day > updateDueOn;
  return {
    nextReviewOn,
    reviewOverdue,
    reviewDueSoon,
    updateDueOn,
    updateOverdue,
    needsRevision: !!doc.needsRevision,
    overdue: reviewOverdue || updateOverdue,
  };
}

/** Revisions still on their way to taking effect: a document has at most one at a time. */
export const PENDING_REVISION_STATUSES = ["draft", "in_review", "approved"] as const satisfies readonly RevisionStatus[];
export function isPending(s: RevisionStatus): boolean {
  return (PENDING_REVISION_STATUSES as readonly string[]).includes(s);
}

/** Revisions kept for the record only: readable, never to be applied. */
export function isHistorical(s: RevisionStatus): boolean {
  return s === "superseded" || s === "obsolete";
}

export type WorkflowStep = "submit" | "return" | "review" | "approve" | "activate" | "update";

/** Which workflow step a revision in a given status allows (who may take it is checked by capability). */
export function stepAllowed(step: WorkflowStep, status: RevisionStatus): boolean {
  switch (step) {
    case "update":
    case "submit":
      return status === "draft";
    case "return":
    case "review":
    case "approve":
      return status === "in_review";
    case "activate":
      return status === "approved";
  }
}

/** An approved revision takes effect on its day: at approval when the day has come, else when activated later. */
export function dueToTakeEffect(effectiveFrom: string | null, day: string): boolean {
  return !!effectiveFrom && effectiveFrom <= day;
}

/** The capability each step needs. */
export const STEP_CAPABILITY = {
  update: "documents.draft",
  submit: "documents.draft",
  review: "documents.review",
  return: "documents.review",
  approve: "documents.approve",
  activate: "documents.review",
} as const satisfies Record<WorkflowStep, Capability>;

/** Steps that need a second pair of eyes: nobody reviews, returns or approves their own draft. */
const NOT_BY_DRAFTER: ReadonlySet<WorkflowStep> = new Set(["review", "return", "approve"]);

export type StepRefusal = "forbidden" | "step" | "selfReview" | "notYetDue";

/**
 * Why `actor` may not take `step` on this revision today, or null when they may. The one rule behind both the
 * verbs (which throw the matching error) and the revision page (which offers only the steps that would succeed).
 */
export function stepRefusal(
  actor: Actor,
  step: WorkflowStep,
  doc: { status: DocumentStatus },
  rev: { status: RevisionStatus; draftedById: number | null; effectiveFrom: string | null },
  day: string,
): StepRefusal | null {
  if (!can(actor, STEP_CAPABILITY[step])) return "forbidden";
  if (doc.status === "obsolete" || !stepAllowed(step, rev.status)) return "step";
  if (NOT_BY_DRAFTER.has(step) && actor.kind === "user" && rev.draftedById === actor.id) return "selfReview";
  if (step === "activate" && !dueToTakeEffect(rev.effectiveFrom, day)) return "notYetDue";
  return null;
}

export function mayTakeStep(...args: Parameters<typeof stepRefusal>): boolean {
  return stepRefusal(...args) === null;
}

/**
 * The name a revision downloads under: code, revision number, and, unless it is the one in force, a status
 * marker in front, so a copy saved to a desktop still says it must not be applied ("[ĐÃ BỊ THAY THẾ] …").
 */
export function downloadName(code: string, number: number, ext: string, marker: string | null, revisionWord: string): string {
  const safeCode = code
    .replace(/[\\/:*?"<>|]+/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  const base = `${safeCode} - ${revisionWord} ${number}.${ext}`;
  return marker ? `[${marker}] ${base}` : base;
}
