import { makeCtx } from "../context.server";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, lt, or } from "drizzle-orm";
import type { DB } from "#db/client";
import { RECORD_REPORT_KINDS, reports, units, type PeriodReportKind, type RecordReportKind } from "#db/schema";
import type { ReportData } from "#templates/types";
import { config } from "~/lib/config.server";
import { InvalidInputError } from "~/lib/errors";
import { vnDay } from "~/lib/time";
import type { Actor, Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { getUnitInScopeOrThrow, scopeFor } from "../units/scope.server";
import { isAreaUnit, periodReportData } from "./data.server";
import { parsePeriod, type Period } from "./periods";
import { renderPdf } from "./render.server";
import { recordReportData, recordUnitId } from "./record-data.server";
import { formatVerifyCode, reportFilePath, requestProblems, STALE_RUNNING_MS, subjectKey } from "./rules";
import type { GenerateReportInput, RecordReportInput } from "./schema";

export type ReportRow = typeof reports.$inferSelect;
export type ProduceDeps = {
  reportsDir: string;
  /** Where the verification page lives (PUBLIC_URL, or the origin the request came from). */
  baseUrl: string;
  render?: (data: ReportData) => Promise<{ bytes: Buffer; pages: number }>;
};

export function newVerifyCode(): string {
  return formatVerifyCode(randomBytes(10));
}

/** The base URL printed in QR codes: PUBLIC_URL when configured, else the given origin, else localhost. */
export function reportsBaseUrl(origin?: string): string {
  const c = config();
  return c.publicUrl || origin || `http://localhost:${c.port}`;
}

/**
 * Ask for a report now (officers and inspectors, any unit of their subtree). Only records the request (queued);
 * `drainQueue` produces it outside the request, and the report page shows its progress.
 */
export function requestReport(ctx: Ctx, input: GenerateReportInput): ReportRow {
  requireCapability(ctx.actor, "reports.generate");
  const unit = getUnitInScopeOrThrow(ctx.db, scopeFor(ctx.db, ctx.actor), input.unitId);
  const period = parsePeriod(input.period);
  if (!period) throw new InvalidInputError("errors.invalid", {}, { period: ["reports.errors.period"] });
  const problems = requestProblems({ kind: input.kind, unitIsArea: isAreaUnit(unit), period, today: vnDay(ctx.now) });
  if (Object.keys(problems).length) throw new InvalidInputError("errors.invalid", {}, problems);
  return write(ctx, (tx) => {
    const row = tx
      .insert(reports)
      .values({
        kind: input.kind,
        unitId: unit.id,
        periodKey: period.key,
        status: "queued",
        progress: "reports.progress.queued",
        trigger: "manual",
        requestedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
        verifyCode: newVerifyCode(),
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "report", entityId: row.id, action: "requested", unitId: unit.id, after: { kind: row.kind, periodKey: row.periodKey } });
    return row;
  });
}

/**
 * Ask for the PDF of one record: an audit's report, a finding's corrective action request form, an inspection's
 * minutes. Officers and inspectors whose scope covers the record's unit; anyone else gets "not found", so the
 * record's existence is not revealed. Queued like any on-demand report; archived under the record's unit.
 */
export function requestRecordReport(ctx: Ctx, input: RecordReportInput): ReportRow {
  requireCapability(ctx.actor, "reports.generate");
  const unit = getUnitInScopeOrThrow(ctx.db, scopeFor(ctx.db, ctx.actor), recordUnitId(ctx.db, input.kind, input.subjectId));
  return write(ctx, (tx) => {
    const row = tx
      .insert(reports)
      .values({
        kind: input.kind,
        unitId: unit.id,
        periodKey: subjectKey(input.subjectId),
        subjectId: input.subjectId,
        status: "queued",
        progress: "reports.progress.queued",
        trigger: "manual",
        requestedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
        verifyCode: newVerifyCode(),
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "report", entityId: row.id, action: "requested", unitId: unit.id, after: { kind: row.kind, subjectId: input.subjectId } });
    return row;
  });
}

const isRecordKind = (k: string): k is RecordReportKind => (RECORD_REPORT_KINDS as readonly string[]).includes(k);

function setProgress(db: DB, id: number, progress: string) {
  db.update(reports).set({ progress }).where(eq(reports.id, id)).run();
}

/** Write the bytes under DATA_DIR/reports without ever replacing an existing file (hard link fails if it exists). */
function storeFile(reportsDir: string, rel: string, bytes: Buffer) {
  const abs = path.join(reportsDir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.${Date.now()}.partial`;
  fs.writeFileSync(tmp, bytes, { flag: "wx" });
  try {
    fs.linkSync(tmp, abs);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Collect the data, render (in the worker), store, and mark done; on any failure mark the row failed with its
 * error. The row must already be claimed (status running) by the caller.
 */
async function renderAndStore(db: DB, row: ReportRow, deps: ProduceDeps, actor: Actor, now: Date): Promise<ReportRow> {
  const ctx = makeCtx(db, actor, now);
  try {
    const unit = db.select().from(units).where(eq(units.id, row.unitId)).get();
    if (!unit) throw new Error(`unknown unit (${row.unitId})`);
    const meta = { verifyCode: row.verifyCode, baseUrl: deps.baseUrl, now };
    let data: ReportData;
    if (isRecordKind(row.kind)) {
      if (!row.subjectId) throw new Error(`report ${row.id} of kind ${row.kind} has no subject`);
      data = recordReportData(db, row.kind, row.subjectId, meta);
    } else {
      const period = parsePeriod(row.periodKey);
      if (!period) throw new Error(`unknown period (${row.periodKey})`);
      data = periodReportData(db, row.kind, unit, period, meta);
    }
    setProgress(db, row.id, "reports.progress.rendering");
    const { bytes, pages } = await (deps.render ?? renderPdf)(data);
    setProgress(db, row.id, "reports.progress.storing");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const rel = reportFilePath({ id: row.id, kind: row.kind, unitCode: unit.code, periodKey: row.periodKey, attempt: row.attempts, createdAt: now });
    storeFile(deps.reportsDir, rel, bytes);
    return write(ctx, (tx) => {
      const done = tx
        .update(reports)
        .set({ status: "done", progress: null, sha256, size: bytes.length, pages, file: rel, error: null, finishedAt: Date.now() })
        .where(eq(reports.id, row.id))
        .returning()
        .get();
      recordTrail(tx, ctx, {
        entity: "report",
        entityId: row.id,
        action: "generated",
        unitId: row.unitId,
        after: { kind: row.kind, periodKey: row.periodKey, sha256, size: bytes.length },
      });
      return done;
    });
  } catch (e) {
    const error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 2000);
    return write(ctx, (tx) => {
      const failed = tx
        .update(reports)
        .set({ status: "failed", progress: null, error, finishedAt: Date.now() })
        .where(eq(reports.id, row.id))
        .returning()
        .get();
      recordTrail(tx, ctx, { entity: "report", entityId: row.id, action: "failed", unitId: row.unitId, after: { error } });
      return failed;
    });
  }
}

const QUEUE_ACTOR: Actor = { kind: "system", name: "report-queue" };

/** Take a queued (or abandoned) on-demand report: one IMMEDIATE transaction, so two processes never both take it. */
export function claimQueued(db: DB, now: Date, id?: number): ReportRow | undefined {
  return db.transaction(
    (tx) => {
      const claimable = and(
        eq(reports.trigger, "manual"),
        or(eq(reports.status, "queued"), and(eq(reports.status, "running"), lt(reports.startedAt, now.getTime() - STALE_RUNNING_MS))),
        id === undefined ? undefined : eq(reports.id, id),
      );
      const next = tx.select().from(reports).where(claimable).orderBy(asc(reports.id)).limit(1).get();
      if (!next) return undefined;
      return tx
        .update(reports)
        .set({ status: "running", progress: "reports.progress.collecting", startedAt: now.getTime(), attempts: next.attempts + 1 })
        .where(eq(reports.id, next.id))
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

/** Produce one queued report by id (tests, CLI); undefined when it is not waiting. */
export async function produceQueued(db: DB, id: number, deps: ProduceDeps, now = new Date()) {
  const row = claimQueued(db, now, id);
  return row ? renderAndStore(db, row, deps, QUEUE_ACTOR, now) : undefined;
}

const g = globalThis as unknown as { __isoXaReportDrain?: Promise<number> };

/**
 * Produce every waiting on-demand report, one after another, yielding between them. Single-flight per process:
 * a call while a drain runs joins it. Started after each request and by every poll of a waiting report, so a
 * restart picks the queue up again as soon as someone looks.
 */
export function drainQueue(db: DB, deps: ProduceDeps, clock: () => Date = () => new Date()): Promise<number> {
  if (g.__isoXaReportDrain) return g.__isoXaReportDrain;
  const run = (async () => {
    let n = 0;
    for (;;) {
      const row = claimQueued(db, clock());
      if (!row) return n;
      await renderAndStore(db, row, deps, QUEUE_ACTOR, clock());
      n++;
      await new Promise((r) => setImmediate(r));
    }
  })().finally(() => {
    g.__isoXaReportDrain = undefined;
  });
  g.__isoXaReportDrain = run;
  return run;
}

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
