import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { reports, type PeriodReportKind } from "#db/schema";
import type { Actor } from "../context";
import { makeCtx } from "../context.server";
import { ensureScheduledDraft } from "./issue.server";
import type { ProduceDeps } from "./deps.server";
import type { Period } from "./periods";
import { renderAndStore } from "./produce.server";
import { newVerifyCode } from "./request.server";

// Scheduled period reports: what a reports job produces for each target (scheduledTargets, data.server.ts).

/**
 * A scheduled report for (kind, unit, period), exactly once: the partial unique index on scheduled rows means a
 * second scheduler, a restart mid-run or a retry finds the row; only a failed or abandoned one is taken again.
 */
export async function produceScheduled(
  db: DB,
  job: { name: string; now: Date },
  target: { kind: PeriodReportKind; unitId: number; period: Period },
  deps: ProduceDeps,
): Promise<"produced" | "skipped" | "failed"> {
  const actor: Actor = { kind: "job", name: job.name };
  // The yearly report needs the unit's narrative (difficulties, proposals): the job makes its draft, never a
  // sealed file with a placeholder; the head issues it (issue.server.ts).
  if (target.kind === "annual") {
    return ensureScheduledDraft(makeCtx(db, actor, job.now), target.kind, target.unitId, target.period.key) ? "produced" : "skipped";
  }
  const t = job.now.getTime();
  const claimed = db.transaction(
    (tx) => {
      const key = and(
        eq(reports.trigger, "schedule"),
        eq(reports.kind, target.kind),
        eq(reports.unitId, target.unitId),
        eq(reports.periodKey, target.period.key),
      );
      const existing = tx.select().from(reports).where(key).get();
      if (!existing) {
        return tx
          .insert(reports)
          .values({
            kind: target.kind,
            unitId: target.unitId,
            periodKey: target.period.key,
            status: "running",
            progress: "reports.progress.collecting",
            trigger: "schedule",
            jobName: job.name,
            verifyCode: newVerifyCode(),
            attempts: 1,
            createdAt: t,
            startedAt: t,
          })
          .returning()
          .get();
      }
      // A scheduled report is only produced under its job's claim on the period (job_runs), which one process holds
      // at a time: a row still "running" here was left by a run that died (killed mid-way), so it is redone now.
      const retry = existing.status !== "done";
      if (!retry) return undefined;
      return tx
        .update(reports)
        .set({ status: "running", progress: "reports.progress.collecting", startedAt: t, attempts: existing.attempts + 1, error: null })
        .where(eq(reports.id, existing.id))
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
  if (!claimed) return "skipped";
  const result = await renderAndStore(db, claimed, deps, actor, job.now);
  return result.status === "done" ? "produced" : "failed";
}
