import type { InspectionMethod } from "#db/schema/enums";
import { addMonthsToDay } from "~/lib/time";

/** TT 26/2014: corrective actions are reported within two months of both sides signing the minutes. */
export const ACTION_MONTHS_AFTER_MINUTES = 2;

export function defaultActionDueOn(minutesSignedOn: string): string {
  return addMonthsToDay(minutesSignedOn, ACTION_MONTHS_AFTER_MINUTES);
}

/** TT 26/2014: every unit by report, at least a third of them on site. */
export function onSiteShare(entries: { method: InspectionMethod }[]) {
  const total = entries.length;
  const onSite = entries.filter((e) => e.method === "on_site").length;
  return { total, onSite, enough: total === 0 || onSite * 3 >= total, needed: Math.ceil(total / 3) };
}

/** A unit existed at some time during a calendar year. */
export function existedDuring(unit: { validFrom: string | null; validTo: string | null }, year: number): boolean {
  return (unit.validFrom === null || unit.validFrom <= `${year}-12-31`) && (unit.validTo === null || unit.validTo >= `${year}-01-01`);
}
