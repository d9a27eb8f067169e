import os from "node:os";
import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { jobRuns } from "#db/schema";
import { now } from "~/lib/clock.server";
import { makeCtx } from "~/modules/context.server";
import type { Config } from "~/lib/config.server";
import type { JobDefinition } from "./types";

/** A "running" row whose heartbeat is older than this was left by a dead process and may be taken over. */
export const STALE_MS = 10 * 60 * 1000;
export const OWNER = `${os.hostname()}:${process.pid}`;

type Trigger = "schedule" | "catch-up" | "manual";

/**
 * A "running" claim whose process is gone: on this host, a pid that no longer exists (a crash or a kill) frees the
 * period at once; elsewhere, the heartbeat going stale does.
 */
export function ownerIsDead(owner: string, heartbeatAt: number, now: number): boolean {
  if (now - heartbeatAt > STALE_MS) return true;
  const [host, pid] = owner.split(":");
  if (host !== os.hostname() || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
export type RunOutcome = { status: "succeeded" | "failed" | "skipped"; runId?: number; error?: string; output?: unknown };

/**
 * Claim (job, period) in one IMMEDIATE transaction. The unique key means two schedulers, or a scheduler and a
 * manual run, never both produce a period; a failed run is claimed again until maxAttempts.
 */
export function claimRun(db: DB, job: JobDefinition, periodKey: string, trigger: Trigger, now: Date, opts: { force?: boolean } = {}): number | undefined {
  const t = now.getTime();
  return db.transaction(
    (tx) => {
      const existing = tx
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, job.name), eq(jobRuns.periodKey, periodKey)))
        .get();
      if (!existing) {
        return tx
          .insert(jobRuns)
          .values({ job: job.name, periodKey, status: "running", trigger, owner: OWNER, startedAt: t, heartbeatAt: t })
          .returning({ id: jobRuns.id })
          .get().id;
      }
      const retryable =
        (existing.status === "failed" && (opts.force || existing.attempts < job.maxAttempts)) ||
        (existing.status === "running" && ownerIsDead(existing.owner, existing.heartbeatAt, t));
      if (!retryable) return undefined;
      tx.update(jobRuns)
        .set({ status: "running", trigger, owner: OWNER, startedAt: t, heartbeatAt: t, finishedAt: null, error: null, attempts: existing.attempts + 1 })
        .where(eq(jobRuns.id, existing.id))
        .run();
      return existing.id;
    },
    { behavior: "immediate" },
  );
}

export async function runJob(
  db: DB,
  config: Config,
  job: JobDefinition,
  periodKey: string,
  trigger: Trigger,
  clock: () => Date = now,
  opts: { force?: boolean } = {},
): Promise<RunOutcome> {
  const runId = claimRun(db, job, periodKey, trigger, clock(), opts);
  if (runId === undefined) return { status: "skipped" };
  const ctx = Object.assign(makeCtx(db, { kind: "job" as const, name: job.name }, clock()), {
    config,
    heartbeat: () => db.update(jobRuns).set({ heartbeatAt: clock().getTime() }).where(eq(jobRuns.id, runId)).run(),
    log: (m: string) => console.log(`[job ${job.name} ${periodKey}] ${m}`),
  });
  try {
    const output = await job.run(ctx, periodKey);
    db.update(jobRuns)
      .set({ status: "succeeded", finishedAt: clock().getTime(), output: output === undefined ? null : JSON.stringify(output) })
      .where(eq(jobRuns.id, runId))
      .run();
    return { status: "succeeded", runId, output };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    console.error(`[job ${job.name} ${periodKey}] failed`, e);
    db.update(jobRuns)
      .set({ status: "failed", finishedAt: clock().getTime(), error: error.slice(0, 4000) })
      .where(eq(jobRuns.id, runId))
      .run();
    return { status: "failed", runId, error };
  }
}

/** Run every due period that has not succeeded yet (missed while stopped, or failed and retryable). */
export async function catchUp(db: DB, config: Config, jobs: JobDefinition[], clock: () => Date = now) {
  const results: { job: string; periodKey: string; outcome: RunOutcome }[] = [];
  for (const job of jobs) {
    for (const periodKey of job.duePeriods(clock()).reverse()) {
      const outcome = await runJob(db, config, job, periodKey, "catch-up", clock);
      if (outcome.status !== "skipped") results.push({ job: job.name, periodKey, outcome });
    }
  }
  return results;
}
