import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { JOB_RUN_STATUSES } from "./enums";

/** One row per job and period: the unique key is what makes a period run exactly once across schedulers. */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    job: text("job").notNull(),
    periodKey: text("period_key").notNull(),
    status: text("status", { enum: JOB_RUN_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    trigger: text("trigger", { enum: ["schedule", "catch-up", "manual"] }).notNull(),
    /** Which process holds the run (host:pid), so a stale "running" row left by a crash can be taken over. */
    owner: text("owner").notNull(),
    startedAt: integer("started_at").notNull(),
    heartbeatAt: integer("heartbeat_at").notNull(),
    finishedAt: integer("finished_at"),
    error: text("error"),
    output: text("output"),
  },
  (t) => [uniqueIndex("job_runs_job_period_uq").on(t.job, t.periodKey), index("job_runs_started_idx").on(t.startedAt)],
);
