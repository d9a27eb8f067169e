import type { DB } from "#db/client";
import type { Ctx } from "~/modules/context";
import type { Config } from "~/lib/config.server";

export type JobContext = Ctx & {
  config: Config;
  /** Mark the run alive, so a long run is not mistaken for one left behind by a crash. */
  heartbeat(): void;
  log(message: string): void;
};

/** A scheduled job as data: nothing is scheduled by defining one. */
export type JobDefinition = {
  name: string;
  /** node-cron expression (minute hour day month weekday), read in `timezone`. */
  cron: string;
  timezone: "Asia/Ho_Chi_Minh";
  description: string;
  /** The period a run fired at `at` produces: its key is unique per job, so each period is produced once. */
  periodKey(at: Date): string;
  /** Periods that should exist by `now` (newest first): what a restart catches up on. */
  duePeriods(now: Date): string[];
  /** Failed runs are retried until this many attempts. */
  maxAttempts: number;
  run(ctx: JobContext, periodKey: string): Promise<unknown> | unknown;
};

export type { DB };
