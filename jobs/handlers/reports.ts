import type { DB } from "#db/client";
import { scheduledTargets } from "~/modules/reports/data.server";
import { produceScheduled, reportsBaseUrl, type ProduceDeps } from "~/modules/reports/generate.server";
import { parsePeriod, type Cadence } from "~/modules/reports/periods";
import type { JobContext } from "../types";

export type ScheduledRunResult = { period: string; targets: number; produced: number; skipped: number; failed: number; ms: number };

/**
 * One scheduled run: every unit's report and every area's summary (and, yearly, each province's annual report)
 * for the period. Each (kind, unit, period) is produced once (see produceScheduled), so a run restarted after a
 * crash only does what is missing. Rendering happens in the worker thread and the loop yields between units,
 * so the web server keeps answering. A failure is recorded on its report row; the run then fails as a whole so
 * the runner records the error and retries (only the failed ones are redone).
 */
export async function runScheduledReports(
  ctx: Pick<JobContext, "db" | "now" | "heartbeat" | "log"> & { config: { reportsDir: string } },
  jobName: string,
  cadence: Cadence,
  periodKey: string,
  deps: Partial<ProduceDeps> = {},
): Promise<ScheduledRunResult> {
  const started = performance.now();
  const period = parsePeriod(periodKey);
  if (!period || period.cadence !== cadence) throw new Error(`period ${periodKey} is not a ${cadence}`);
  const targets = scheduledTargets(ctx.db as DB, period);
  const full: ProduceDeps = { reportsDir: ctx.config.reportsDir, baseUrl: reportsBaseUrl(), ...deps };
  const result = { period: period.key, targets: targets.length, produced: 0, skipped: 0, failed: 0, ms: 0 };
  for (const t of targets) {
    const outcome = await produceScheduled(ctx.db as DB, { name: jobName, now: ctx.now }, { kind: t.kind, unitId: t.unit.id, period }, full);
    result[outcome]++;
    ctx.heartbeat();
    await new Promise((r) => setImmediate(r));
  }
  result.ms = Math.round(performance.now() - started);
  ctx.log(`${result.produced} produced, ${result.skipped} already there, ${result.failed} failed of ${result.targets} (${result.ms} ms)`);
  if (result.failed > 0) throw new Error(`${result.failed}/${result.targets} reports failed for ${period.key} (see the reports list for each error)`);
  return result;
}
