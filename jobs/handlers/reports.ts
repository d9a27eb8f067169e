import type { Ctx } from "~/modules/context";
import { scheduledTargets } from "~/modules/reports/data.server";
import { reportsBaseUrl, type ProduceDeps } from "~/modules/reports/deps.server";
import { produceScheduled } from "~/modules/reports/schedule.server";
import { parsePeriod, type Cadence } from "~/modules/reports/periods";
import type { JobContext } from "../types";

/** Reports produced at once by a scheduled run (see runScheduledReports). */
export const IN_FLIGHT = 2;

export type ScheduledRunResult = { period: string; targets: number; produced: number; skipped: number; failed: number; ms: number };

/**
 * One scheduled run: every unit's report and every area's summary (and, yearly, each province's annual report)
 * for the period. Each (kind, unit, period) is produced once (see produceScheduled), so a run restarted after a
 * crash only does what is missing. Rendering happens in the worker thread and the loop yields between units,
 * so the web server keeps answering. A failure is recorded on its report row; the run then fails as a whole so
 * the runner records the error and retries (only the failed ones are redone).
 */
export async function runScheduledReports(
  ctx: Ctx & Pick<JobContext, "heartbeat" | "log"> & { config: { reportsDir: string } },
  jobName: string,
  cadence: Cadence,
  periodKey: string,
  deps: Partial<ProduceDeps> = {},
): Promise<ScheduledRunResult> {
  const started = performance.now();
  const period = parsePeriod(periodKey);
  if (!period || period.cadence !== cadence) throw new Error(`period ${periodKey} is not a ${cadence}`);
  const targets = scheduledTargets(ctx, period);
  const full: ProduceDeps = { reportsDir: ctx.config.reportsDir, baseUrl: reportsBaseUrl(), ...deps };
  const result = { period: period.key, targets: targets.length, produced: 0, skipped: 0, failed: 0, ms: 0 };
  // Two reports in flight: while the render worker draws one, this thread gathers the next one's data, so the
  // worker never waits for the database (the run takes about the render time alone, not render + gathering).
  // More would only queue in the one worker: it is left a core of its own, the web server keeps the other.
  let next = 0;
  const lane = async () => {
    while (next < targets.length) {
      const t = targets[next++]!;
      const outcome = await produceScheduled(ctx.db, { name: jobName, now: ctx.now }, { kind: t.kind, unitId: t.unit.id, period }, full);
      result[outcome]++;
      ctx.heartbeat();
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, targets.length) }, lane));
  result.ms = Math.round(performance.now() - started);
  ctx.log(`${result.produced} produced, ${result.skipped} already there, ${result.failed} failed of ${result.targets} (${result.ms} ms)`);
  if (result.failed > 0) throw new Error(`${result.failed}/${result.targets} reports failed for ${period.key} (see the reports list for each error)`);
  return result;
}
