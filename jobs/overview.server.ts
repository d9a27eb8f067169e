import cron from "node-cron";
import { and, desc, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { jobRuns } from "#db/schema";
import { JOBS } from "./schedule";

/** A schedule in words: a message key of the jobs catalogue and its parameters (the page translates it). */
export type ScheduleText = { key: string; params: Record<string, string | number> };

// Every job runs on Vietnam's clock, which has had no daylight saving since 1975: a fixed UTC+7.
const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** The cron fields of a job, as lists of numbers (node-cron's own parser). */
function fields(expr: string) {
  const f = cron.parse(expr);
  const nums = (xs: (number | string)[]) => xs.map(Number).filter(Number.isFinite);
  const dom = nums(f.dayOfMonth);
  const dow = nums(f.dayOfWeek);
  return { minutes: f.minute, hours: f.hour, dom, months: f.month, dow, anyDom: dom.length >= 31, anyDow: dow.length >= 7 };
}

/** "Every day at 02:00", "on the 1st of January, April, July and October at 01:00"… as a message key with params. */
export function describeSchedule(expr: string): ScheduleText {
  const f = fields(expr);
  const time = f.hours.length === 1 && f.minutes.length === 1 ? `${pad(f.hours[0]!)}:${pad(f.minutes[0]!)}` : undefined;
  if (!time || !f.anyDow) return { key: "jobs.schedule.other", params: {} };
  const everyMonth = f.months.length >= 12;
  if (f.anyDom && everyMonth) return { key: "jobs.schedule.daily", params: { time } };
  if (f.dom.length !== 1) return { key: "jobs.schedule.other", params: {} };
  const day = f.dom[0]!;
  if (everyMonth) return { key: "jobs.schedule.monthly", params: { day, time } };
  if (f.months.length === 1) return { key: "jobs.schedule.yearly", params: { day, month: f.months[0]!, time } };
  return { key: "jobs.schedule.months", params: { day, months: f.months.join(", "), time } };
}

/** The first instant after `from` at which `expr` fires on Vietnam's clock (within 400 days), or null. */
export function nextFire(expr: string, from: Date): Date | null {
  const f = fields(expr);
  const local = new Date(from.getTime() + VN_OFFSET_MS);
  const hours = [...f.hours].sort((a, b) => a - b);
  const minutes = [...f.minutes].sort((a, b) => a - b);
  for (let d = 0; d <= 400; d++) {
    const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + d));
    const domOk = f.dom.includes(day.getUTCDate());
    const dowOk = f.dow.includes(day.getUTCDay());
    // Cron's rule: with both day fields restricted, either one matching is enough.
    const dayOk = f.anyDom && f.anyDow ? true : f.anyDom ? dowOk : f.anyDow ? domOk : domOk || dowOk;
    if (!dayOk || !f.months.includes(day.getUTCMonth() + 1)) continue;
    for (const h of hours)
      for (const m of minutes) {
        const at = day.getTime() + (h * 60 + m) * 60_000 - VN_OFFSET_MS;
        if (at > from.getTime()) return new Date(at);
      }
  }
  return null;
}

/** The schedule with each job's next fire time on the app's clock, and the latest runs, for the administrators' page. */
export function jobsOverview(db: DB, now: Date, limit = 100) {
  const jobs = JOBS.map((j) => ({
    name: j.name,
    schedule: describeSchedule(j.cron),
    nextRun: nextFire(j.cron, now)?.getTime() ?? null,
  }));
  const runs = db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(limit).all();
  return { jobs, runs };
}

/** The run of a job's period, if any (why "run now" had nothing to do). */
export function periodRun(db: DB, job: string, periodKey: string) {
  return db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.periodKey, periodKey)))
    .get();
}
