// Pure rules of the corrective-action workflow: no database, no clock, no server imports (the UI reads them too).
import { daysBetween } from "~/lib/time";
import type { CaStatus } from "#db/schema/enums";
import type { Actor } from "../context";
import { can } from "../permissions";

/** Which statuses each verb accepts. Anything else is a conflict ("the action is no longer in that step"). */
export const TRANSITIONS = {
  acknowledge: ["proposed"],
  start: ["acknowledged"],
  implement: ["in_progress"],
  verify: ["implemented"],
  edit: ["proposed", "acknowledged", "in_progress"],
  requestExtension: ["proposed", "acknowledged", "in_progress"],
} as const satisfies Record<string, readonly CaStatus[]>;
export type CaVerb = keyof typeof TRANSITIONS;

export function allows(verb: CaVerb, status: CaStatus): boolean {
  return (TRANSITIONS[verb] as readonly CaStatus[]).includes(status);
}

/** What the rules of a step need to know about an action, read inside the verb's transaction or by the page. */
export type CaState = {
  status: CaStatus;
  ownerId: number;
  implementedById: number | null;
  /** The latest signature covers the action's current content. */
  acknowledged: boolean;
  /** A leader signed it at least once (the due date then moves only by extension). */
  everAcknowledged: boolean;
  pendingExtension: boolean;
};

export type CaRefusal = "forbidden" | "wrongStep" | "verifierIndependent" | "notYetAcknowledged" | "extensionPending";

const isOwnerOrWriter = (actor: Actor, a: CaState) => actor.kind !== "user" || actor.id === a.ownerId || can(actor, "ca.write");

/**
 * Why `actor` may not take `verb` on the action now, or null when they may: the one rule behind both the verbs
 * (which throw the matching error) and the action page (which offers only the steps that would succeed).
 */
export function caRefusal(actor: Actor, verb: CaVerb | "decideExtension", a: CaState): CaRefusal | null {
  switch (verb) {
    case "acknowledge":
      if (!can(actor, "ca.acknowledge")) return "forbidden";
      return allows(verb, a.status) && !a.acknowledged ? null : "wrongStep";
    case "start":
    case "implement":
      if (!isOwnerOrWriter(actor, a)) return "forbidden";
      return allows(verb, a.status) && a.acknowledged ? null : "wrongStep";
    case "verify":
      if (!can(actor, "ca.verify") || actor.kind !== "user") return "forbidden";
      if (!allows(verb, a.status)) return "wrongStep";
      return actor.id === a.ownerId || actor.id === a.implementedById ? "verifierIndependent" : null;
    case "edit":
      if (!can(actor, "ca.write")) return "forbidden";
      return allows(verb, a.status) ? null : "wrongStep";
    case "requestExtension":
      if (!isOwnerOrWriter(actor, a)) return "forbidden";
      if (!allows(verb, a.status)) return "wrongStep";
      if (!a.everAcknowledged) return "notYetAcknowledged";
      return a.pendingExtension ? "extensionPending" : null;
    case "decideExtension":
      if (!can(actor, "ca.acknowledge")) return "forbidden";
      return a.pendingExtension ? null : "wrongStep";
  }
}

/** Still to be done by its owner (the daily job reminds and escalates these). */
export const PENDING_STATUSES = ["proposed", "acknowledged", "in_progress"] as const satisfies readonly CaStatus[];
/** Not yet verified effective: counts as "open" in reports. */
export const OPEN_STATUSES = ["proposed", "acknowledged", "in_progress", "implemented"] as const satisfies readonly CaStatus[];
export const DONE_STATUSES = ["verified", "closed"] as const satisfies readonly CaStatus[];

export function isPending(s: CaStatus) {
  return (PENDING_STATUSES as readonly CaStatus[]).includes(s);
}
export function isDone(s: CaStatus) {
  return (DONE_STATUSES as readonly CaStatus[]).includes(s);
}

export function isOverdue(a: { status: CaStatus; dueOn: string }, day: string): boolean {
  return isPending(a.status) && a.dueOn < day;
}

/** What the owner, the leader and the parent unit's officers hear about on `day` (the job dedupes per due date). */
export type DueNotice = "reminder_7d" | "reminder_1d" | "overdue" | "escalated";

/**
 * The notices an action due on `dueOn` warrants on `day`. Windows, not exact days, so a day the job missed is
 * caught up the next day; the dedupe key (action, notice, due date) keeps each notice to one per due date.
 */
export function dueNotices(dueOn: string, day: string, escalateAfterDays: number): DueNotice[] {
  const left = daysBetween(day, dueOn);
  if (left > 7) return [];
  if (left > 1) return ["reminder_7d"];
  if (left >= 0) return ["reminder_1d"];
  const late = -left;
  return late > escalateAfterDays ? ["overdue", "escalated"] : ["overdue"];
}

/** The status an action takes when the leader (re-)acknowledges it: back to work if work had started. */
export function statusAfterAcknowledgement(startedAt: number | null): CaStatus {
  return startedAt ? "in_progress" : "acknowledged";
}

/** A changed text, owner or due date voids the acknowledgement: a pending action waits for a new one. */
export function statusAfterContentChange(status: CaStatus, hadValidAck: boolean): CaStatus {
  return hadValidAck && isPending(status) ? "proposed" : status;
}

/** Percentage with no decimals, or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole ? Math.round((100 * part) / whole) : null;
}

export const DEFAULT_ESCALATE_AFTER_DAYS = 14;
