import { TZDate } from "@date-fns/tz";
import { subDays } from "date-fns";

/** All dates are shown and all periods are cut in Vietnam's time zone, whatever the server's. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function inVn(d: Date | number): TZDate {
  return new TZDate(typeof d === "number" ? d : d.getTime(), TIME_ZONE);
}

// One Intl formatter for the wall clock in Vietnam, reused: lists format a date per row, and building a TZDate for
// each costs far more (it was the largest JS cost of the compliance grid).
const WALL_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * Vietnam has kept UTC+7 all year, with no summer time, since 13 June 1975: from then on its wall clock is UTC's seven
 * hours on, worked out without the time-zone database (which costs more than a small query, and every request asks
 * for the day). Earlier instants go through the database, which knows the zone's history.
 */
const PLAIN_UTC7_FROM = Date.UTC(1976, 0, 1);
const pad2 = (n: number) => String(n).padStart(2, "0");

/** Year, month, day, hour and minute on the wall clock in Vietnam, zero-padded. */
function vnParts(d: Date | number) {
  const t = typeof d === "number" ? d : d.getTime();
  if (t >= PLAIN_UTC7_FROM && t < 8.64e15) {
    const w = new Date(t + 7 * 3_600_000);
    return {
      year: String(w.getUTCFullYear()),
      month: pad2(w.getUTCMonth() + 1),
      day: pad2(w.getUTCDate()),
      hour: pad2(w.getUTCHours()),
      minute: pad2(w.getUTCMinutes()),
    };
  }
  const p: Record<string, string> = {};
  for (const { type, value } of WALL_CLOCK.formatToParts(d)) p[type] = value;
  return p as { year: string; month: string; day: string; hour: string; minute: string };
}

/** Calendar day in Vietnam, as YYYY-MM-DD. */
export function vnDay(d: Date | number): string {
  const p = vnParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

export function vnMonth(d: Date | number): string {
  return vnDay(d).slice(0, 7);
}

/** dd/mm/yyyy from an instant (ms or Date) or a calendar day (YYYY-MM-DD). */
export function formatDate(d: Date | number | string | null | undefined): string {
  if (d === null || d === undefined || d === "") return "";
  if (typeof d === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : d;
  }
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

export function formatDateTime(d: Date | number | null | undefined): string {
  if (d === null || d === undefined) return "";
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The instant at which a Vietnamese calendar day starts. */
export function startOfVnDay(day: string): Date {
  // From the parts, not a string: TZDate reads "YYYY-MM-DDT00:00:00" in the machine's zone (midnight UTC on a UTC
  // server, 07:00 in Vietnam), which cut every period seven hours late.
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, TIME_ZONE).getTime());
}

export function previousVnDay(d: Date): string {
  return vnDay(subDays(inVn(d), 1));
}

/**
 * Add months to a calendar day, clamping to the month's end (31/12 + 2 months = 28/02 or 29/02). Pure calendar
 * arithmetic on the text: a calendar day has no time zone, and the compliance rules call this per unit.
 */
export function addMonthsToDay(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const dayMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** Add whole days to a calendar day (YYYY-MM-DD); calendar days have no time zone, so this is UTC arithmetic. */
export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / 86_400_000);
}
