import cron from "node-cron";
import { desc } from "drizzle-orm";
import type { DB } from "#db/client";
import { jobRuns } from "#db/schema";
import { JOBS } from "./schedule";

/** The schedule with each job's next fire time, and the latest runs, for the administrators' page. */
export function jobsOverview(db: DB, limit = 100) {
  const jobs = JOBS.map((j) => {
    const task = cron.createTask(j.cron, () => {}, { timezone: j.timezone });
    const next = task.getNextRun();
    void task.destroy();
    return { name: j.name, description: j.description, cron: j.cron, timezone: j.timezone, nextRun: next ? next.getTime() : null };
  });
  const runs = db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(limit).all();
  return { jobs, runs };
}
