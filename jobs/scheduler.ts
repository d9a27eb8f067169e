import cron, { type ScheduledTask } from "node-cron";
import type { DB } from "#db/client";
import { now } from "~/lib/clock.server";
import type { Config } from "~/lib/config.server";
import { catchUp, runJob } from "./runner";
import type { JobDefinition } from "./types";

/**
 * Start node-cron tasks for the given jobs, then catch up on missed periods. Returns a stop function.
 * Every 15 minutes the catch-up runs again, which is also how failed runs are retried.
 */
export function startScheduler(db: DB, config: Config, jobs: JobDefinition[]): { stop: () => Promise<void> } {
  const tasks: ScheduledTask[] = [];
  for (const job of jobs) {
    const task = cron.createTask(
      job.cron,
      () => {
        const at = now();
        void runJob(db, config, job, job.periodKey(at), "schedule");
      },
      { timezone: job.timezone, name: job.name, noOverlap: true },
    );
    task.start();
    tasks.push(task);
  }
  const retry = cron.createTask(
    "*/15 * * * *",
    () => {
      void catchUp(db, config, jobs, now);
    },
    { timezone: "Asia/Ho_Chi_Minh", name: "catch-up", noOverlap: true },
  );
  retry.start();
  tasks.push(retry);
  void catchUp(db, config, jobs, now).then((r) => {
    if (r.length) console.log(`[scheduler] caught up: ${r.map((x) => `${x.job} ${x.periodKey} ${x.outcome.status}`).join(", ")}`);
  });
  console.log(`[scheduler] ${jobs.length} jobs: ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ")}`);
  return {
    async stop() {
      for (const t of tasks) await t.destroy();
    },
  };
}
