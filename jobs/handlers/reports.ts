import type { Ctx } from "~/modules/context";
import { scheduledTargets } from "~/modules/reports/data.server";
import { produceScheduled } from "~/modules/reports/schedule.server";
import { parsePeriod, type Cadence } from "~/modules/reports/periods";
import type { JobContext } from "../types";

export type ScheduledRunResult = { period: string; targets: number; produced: number; skipped: number; ms: number };

/**
 * One scheduled run: the draft of every unit's report and every area's summary (and, yearly, each province's
 * annual report) for the period, each unit's officers told (decision 0016: nothing is sealed by the scheduler).
 * Each (kind, unit, period) gets its draft once, in its own transaction, so a run killed mid-way and restarted only
 * makes what is missing. Nothing is rendered here: a draft's PDF is drawn when someone opens it.
 */
export async function runScheduledReports(
  ctx: Ctx & Pick<JobContext, "heartbeat" | "log">,
  jobName: string,
  cadence: Cadence,
  periodKey: string,
): Promise<ScheduledRunResult> {
  const started = performance.now();
  const period = parsePeriod(periodKey);
  if (!period || period.cadence !== cadence) throw new Error(`period ${periodKey} is not a ${cadence}`);
  const targets = scheduledTargets(ctx, period);
  const result = { period: period.key, targets: targets.length, produced: 0, skipped: 0, ms: 0 };
  for (const [i, t] of targets.entries()) {
    result[await produceScheduled(ctx.db, { name: jobName, now: ctx.now }, { kind: t.kind, unitId: t.unit.id, period })]++;
    ctx.heartbeat();
    // Yield now and then so the web server (same process) keeps answering during a national run.
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  result.ms = Math.round(performance.now() - started);
  ctx.log(`${result.produced} drafts made, ${result.skipped} already there, of ${result.targets} (${result.ms} ms)`);
  return result;
}
