import { addDays, addMonthsToDay } from "~/lib/time";

/** TT 26/2014 Art. 37(2)(c): the inspected unit reports its corrective actions within two months of the minutes. */
export const INSPECTION_REPORT_MONTHS = 2;

/** The legal deadline of an inspection's report back, from the day both sides signed the minutes. */
export function inspectionReportDueOn(minutesSignedOn: string): string {
  return addMonthsToDay(minutesSignedOn, INSPECTION_REPORT_MONTHS);
}

/** A unit's policy for its own findings' due dates: days after the finding, per grade (practice, not law). */
export type DuePolicy = { majorDays: number; minorDays: number; otherDays: number };
export const DEFAULT_DUE_POLICY: DuePolicy = { majorDays: 30, minorDays: 60, otherDays: 90 };

export function policyDays(policy: DuePolicy, gradeCode: string): number {
  return gradeCode === "major" ? policy.majorDays : gradeCode === "minor" ? policy.minorDays : policy.otherDays;
}

/** The due date the unit's policy gives a finding of that grade found on that day. */
export function policyDueOn(policy: DuePolicy, gradeCode: string, foundOn: string): string {
  return addDays(foundOn, policyDays(policy, gradeCode));
}

/** Nonconformities need corrective action; an observation or an opportunity for improvement does not. */
export function needsCorrectiveAction(gradeCode: string): boolean {
  return gradeCode === "major" || gradeCode === "minor";
}

/**
 * Is a finding overdue on `day`? Open past its due date, while nothing has been done: no corrective action yet,
 * or one still waiting to be implemented. (The SQL of the same rule: `findingOverdueSql`.)
 */
export function findingOverdue(f: { status: string; actionDueOn: string | null }, actions: { status: string }[], day: string): boolean {
  if (f.status !== "open" || !f.actionDueOn || f.actionDueOn >= day) return false;
  return actions.length === 0 || actions.some((a) => ACTION_NOT_DONE.includes(a.status));
}

export const ACTION_NOT_DONE = ["proposed", "acknowledged", "in_progress"];

/** An inspection's report back: due, on time, late, or not yet due. */
export function reportBackState(i: { reportDueOn: string | null; reportedBackOn: string | null }, day: string): "none" | "on_time" | "late" | "pending" {
  if (!i.reportDueOn) return "none";
  if (i.reportedBackOn) return i.reportedBackOn <= i.reportDueOn ? "on_time" : "late";
  return day > i.reportDueOn ? "late" : "pending";
}
