import type { DB } from "#db/client";
import type { PeriodReportKind } from "#db/schema";
import type { Actor } from "../context";
import { makeCtx } from "../context.server";
import { ensureScheduledDraft } from "./issue.server";
import type { Period } from "./periods";

// Scheduled period reports: what a reports job makes for each target (scheduledTargets, data.server.ts).

// Every period report the scheduler makes (unit, area, annual) is one a unit sends to the level above, signed by its
// head, with parts only the unit can write (situation and results, difficulties, proposals): the scheduler seals
// none of them (decision 0017). It makes the draft; the officer writes; the head issues it with its number, and only
// then is it archived, hashed and signed (issue.server.ts).

/**
 * The scheduled draft of (kind, unit, period), exactly once: the unique index on report_issues (kind, unit, period)
 * means a second scheduler, a restart mid-run or a retry finds the row and makes nothing. No file, no hash, no
 * number: a draft is rendered on request, marked "DỰ THẢO".
 */
export async function produceScheduled(
  db: DB,
  job: { name: string; now: Date },
  target: { kind: PeriodReportKind; unitId: number; period: Period },
): Promise<"produced" | "skipped"> {
  const actor: Actor = { kind: "job", name: job.name };
  return ensureScheduledDraft(makeCtx(db, actor, job.now), target.kind, target.unitId, target.period.key) ? "produced" : "skipped";
}
