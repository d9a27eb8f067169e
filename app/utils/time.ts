import { TZDate } from "@date-fns/tz";
import { addMonths, format, subDays } from "date-fns";

/** All dates are shown and all periods are cut in Vietnam's time zone, whatever the server's. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function inVn(d: Date | number): TZDate {
  return new TZDate(typeof d === "number" ? d : d.getTime(), TIME_ZONE);
}

/** Calendar day in Vietnam, as YYYY-MM-DD. */
export function vnDay(d: Date | number): string {
  return format(inVn(d), "yyyy-MM-dd");
}

export function vnMonth(d: Date | number): string {
  return format(inVn(d), "yyyy-MM");
}

/** dd/mm/yyyy from an instant (ms or Date) or a calendar day (YYYY-MM-DD). */
export function formatDate(d: Date | number | string | null | undefined): string {
  if (d === null || d === undefined || d === "") return "";
  if (typeof d === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : d;
  }
  return format(inVn(d), "dd/MM/yyyy");
}

export function formatDateTime(d: Date | number | null | undefined): string {
  if (d === null || d === undefined) return "";
  return format(inVn(d), "dd/MM/yyyy HH:mm");
}

/** The instant at which a Vietnamese calendar day starts. */
export function startOfVnDay(day: string): Date {
  return new TZDate(`${day}T00:00:00`, TIME_ZONE);
}

export function previousVnDay(d: Date): string {
  return vnDay(subDays(inVn(d), 1));
}

/** Add months to a calendar day, clamping to the month's end (31/12 + 2 months = 28/02 or 29/02). */
export function addMonthsToDay(day: string, months: number): string {
  return format(addMonths(new TZDate(`${day}T12:00:00`, TIME_ZONE), months), "yyyy-MM-dd");
}
