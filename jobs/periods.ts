import { TZDate } from "@date-fns/tz";
import { format, subDays, subMonths } from "date-fns";
import { TIME_ZONE } from "~/lib/time";

/**
 * The most recent Vietnamese calendar day whose daily fire time (hh:mm) has passed at `now`.
 * E.g. a 02:00 job at 01:30 on 25/11 → 24/11; at 02:30 → 25/11.
 */
export function lastDailyFireDay(now: Date, hour: number, minute = 0): string {
  const vn = new TZDate(now.getTime(), TIME_ZONE);
  const passed = vn.getHours() > hour || (vn.getHours() === hour && vn.getMinutes() >= minute);
  return format(passed ? vn : subDays(vn, 1), "yyyy-MM-dd");
}

/** The last `n` days up to and including `day`, newest first. */
export function daysBack(day: string, n: number): string[] {
  const d = new TZDate(`${day}T12:00:00`, TIME_ZONE);
  return Array.from({ length: n }, (_, i) => format(subDays(d, i), "yyyy-MM-dd"));
}

/** "YYYY-MM" of the month before the one `at` falls in (Vietnam time): what a run on the 1st reports on. */
export function previousMonthKey(at: Date): string {
  return format(subMonths(new TZDate(at.getTime(), TIME_ZONE), 1), "yyyy-MM");
}
