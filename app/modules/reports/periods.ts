import { TZDate } from "@date-fns/tz";
import { format, subHours } from "date-fns";

/**
 * Reporting periods: "YYYY-MM" (month), "YYYY-Qn" (quarter), "YYYY" (year), cut on Vietnamese calendar days.
 * Pure (no clock): callers pass the instant.
 */
export const CADENCES = ["month", "quarter", "year"] as const;
export type Cadence = (typeof CADENCES)[number];

export type Period = { key: string; cadence: Cadence; year: number; index: number; start: string; end: string; label: string };

const ROMAN = ["I", "II", "III", "IV"];
const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function makePeriod(cadence: Cadence, year: number, index: number): Period {
  if (cadence === "month") {
    return {
      key: `${year}-${pad(index)}`,
      cadence,
      year,
      index,
      start: `${year}-${pad(index)}-01`,
      end: `${year}-${pad(index)}-${pad(lastDay(year, index))}`,
      label: `tháng ${index} năm ${year}`,
    };
  }
  if (cadence === "quarter") {
    const m1 = (index - 1) * 3 + 1;
    const m3 = m1 + 2;
    return {
      key: `${year}-Q${index}`,
      cadence,
      year,
      index,
      start: `${year}-${pad(m1)}-01`,
      end: `${year}-${pad(m3)}-${pad(lastDay(year, m3))}`,
      label: `quý ${ROMAN[index - 1]} năm ${year}`,
    };
  }
  return { key: String(year), cadence, year, index: 1, start: `${year}-01-01`, end: `${year}-12-31`, label: `năm ${year}` };
}

/** The period a key names, or undefined for anything else ("2026-13", "2026-Q5", "26"…). */
export function parsePeriod(key: string): Period | undefined {
  const s = key.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 && validYear(Number(m[1])) ? makePeriod("month", Number(m[1]), month) : undefined;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return validYear(Number(m[1])) ? makePeriod("quarter", Number(m[1]), Number(m[2])) : undefined;
  m = /^(\d{4})$/.exec(s);
  if (m) return validYear(Number(m[1])) ? makePeriod("year", Number(m[1]), 1) : undefined;
  return undefined;
}

const validYear = (y: number) => y >= 2000 && y <= 2100;

/** The period containing a calendar day. */
export function periodOfDay(cadence: Cadence, day: string): Period {
  const [y, m] = day.split("-").map(Number) as [number, number];
  if (cadence === "month") return makePeriod("month", y, m);
  if (cadence === "quarter") return makePeriod("quarter", y, Math.ceil(m / 3));
  return makePeriod("year", y, 1);
}

export function previousPeriod(p: Period): Period {
  if (p.cadence === "year") return makePeriod("year", p.year - 1, 1);
  const perYear = p.cadence === "month" ? 12 : 4;
  return p.index === 1 ? makePeriod(p.cadence, p.year - 1, perYear) : makePeriod(p.cadence, p.year, p.index - 1);
}

/**
 * Scheduled reports fire at 01:00 (Vietnam) on the first day of the next period. Shifting the instant back by
 * the fire hour maps "1 Nov 01:00" to "1 Nov 00:00": the period containing the shifted instant is the one in
 * progress, and the one before it is the newest that is due.
 */
export function inProgressPeriod(cadence: Cadence, now: Date, fireHour = 1): Period {
  const shifted = subHours(new TZDate(now.getTime(), "Asia/Ho_Chi_Minh"), fireHour);
  return periodOfDay(cadence, format(shifted, "yyyy-MM-dd"));
}

/** The `count` most recent due periods at `now`, newest first (what a restart catches up on). */
export function duePeriodKeys(cadence: Cadence, now: Date, count: number): string[] {
  const out: string[] = [];
  let p = previousPeriod(inProgressPeriod(cadence, now));
  for (let i = 0; i < count; i++) {
    out.push(p.key);
    p = previousPeriod(p);
  }
  return out;
}

/** What a run fired at `at` produces: the period just ended. */
export function justEndedPeriodKey(cadence: Cadence, at: Date): string {
  return previousPeriod(inProgressPeriod(cadence, at)).key;
}
