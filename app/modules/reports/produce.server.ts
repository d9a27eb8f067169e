import { now as clockNow } from "~/lib/clock.server";
import { createHash } from "node:crypto";
import path from "node:path";
import { and, asc, desc, eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { processOwner, ownerGone } from "~/lib/process-owner.server";
import { RECORD_REPORT_KINDS, reports, trail, units, type RecordReportKind } from "#db/schema";
import type { ReportData } from "#templates/types";
import type { Actor } from "../context";
import { makeCtx } from "../context.server";
import { announcementReportData } from "./announcement-data.server";
import { signPdf, unitKeysDir, UnitSigners, type UnitSigner, type UnsignedReason } from "../certificates/sign.server";
import { recordTrail } from "../trail/record.server";
import { reportRowHash } from "../trail/verify.server";
import { write } from "../tx.server";
import { issuingBodyName, periodReportData, withIssue } from "./data.server";
import type { ProduceDeps } from "./deps.server";
import { issueOverlayFor } from "./issue.server";
import { parsePeriod } from "./periods";
import { recordReportData } from "./record-data.server";
import { renderPdf } from "./render.server";
import type { ReportRow } from "./request.server";
import { reportFilePath, STALE_RUNNING_MS } from "./rules";
import { storeFile } from "./storage.server";

// Producing reports: gather, render, store, record. On-demand reports wait in a queue (rows "queued") that is
// drained outside the request; scheduled ones (schedule.server.ts) are produced by their job.

const isRecordKind = (k: string): k is RecordReportKind => (RECORD_REPORT_KINDS as readonly string[]).includes(k);

/** "25/11/2026 10:00:00 +07:00": the signing time as the visible block prints it (Vietnam, ISO 8601 offset). */
export function vnDateTime(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())} +07:00`;
}

/** The run's signers (one per deps object: a job run, a drain), keys beside the archive: DATA_DIR/keys/units. */
function signersOf(deps: ProduceDeps): UnitSigners {
  return (deps.signers ??= new UnitSigners(unitKeysDir(path.dirname(deps.reportsDir))));
}

function setProgress(db: DB, id: number, progress: string) {
  db.update(reports).set({ progress }).where(eq(reports.id, id)).run();
}

/**
 * Collect the data, render (in the worker), store, and mark done; on any failure mark the row failed with its
 * error. The row must already be claimed (status running) by the caller. The data is read by `actor` (a job or
 * the queue: everywhere), whoever asked for the report: the request checked the asker's scope.
 */
export async function renderAndStore(db: DB, row: ReportRow, deps: ProduceDeps, actor: Actor, now: Date): Promise<ReportRow> {
  const ctx = makeCtx(db, actor, now);
  // The finish is `now` plus the time spent (monotonic): on the clock the run was given, as a ctx's clock runs on.
  const t0 = performance.now();
  const finishedAt = () => now.getTime() + Math.round(performance.now() - t0);
  try {
    const unit = db.select().from(units).where(eq(units.id, row.unitId)).get();
    if (!unit) throw new Error(`unknown unit (${row.unitId})`);
    // The chain's head as the report is issued, printed in its footer: an outside anchor of the trail (issue 15).
    const head = db.select({ lastId: trail.id, head: trail.hash }).from(trail).orderBy(desc(trail.id)).limit(1).get();
    const meta = { verifyCode: row.verifyCode, baseUrl: deps.baseUrl, now, trail: head };
    let data: ReportData;
    if (row.kind === "announcement") {
      if (!row.subjectId) throw new Error(`report ${row.id} of kind announcement has no subject`);
      data = announcementReportData(ctx, row.subjectId, meta);
    } else if (isRecordKind(row.kind)) {
      if (!row.subjectId) throw new Error(`report ${row.id} of kind ${row.kind} has no subject`);
      data = recordReportData(ctx, row.kind, row.subjectId, meta);
    } else {
      const period = parsePeriod(row.periodKey);
      if (!period) throw new Error(`unknown period (${row.periodKey})`);
      // An issued report a unit sends carries its narrative, number, date and signer (issue 14).
      data = withIssue(periodReportData(ctx, row.kind, unit, period, meta), issueOverlayFor(db, row.subjectId));
    }
    // Signed with the unit's certificate when it has a usable one; otherwise issued unsigned, and its page says why.
    const signer: UnitSigner | UnsignedReason = signersOf(deps).forUnit(db, unit.id, now);
    if (typeof signer !== "string") {
      const sig = data.meta.signature;
      data.meta.digitalSignature = {
        body: issuingBodyName(unit),
        signer: signer.certificate.subject,
        capacity: [sig.title, sig.capacity ? `(${sig.capacity})` : ""].filter(Boolean).join(" ") || undefined,
        time: vnDateTime(now),
        demo: signer.certificate.isDemo,
        reason: `Ban hành: ${[data.meta.title, data.meta.subtitle].filter(Boolean).join(" – ")}`,
        location: unit.placeName,
      };
    }
    setProgress(db, row.id, "reports.progress.rendering");
    const rendered = await (deps.render ?? renderPdf)(data);
    const pages = rendered.pages;
    // The archive, its SHA-256 and the verification page all hold the signed bytes.
    const bytes = typeof signer === "string" ? rendered.bytes : await signPdf(rendered.bytes, signer);
    setProgress(db, row.id, "reports.progress.storing");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const rel = reportFilePath({ id: row.id, kind: row.kind, unitCode: unit.code, periodKey: row.periodKey, attempt: row.attempts, createdAt: now });
    storeFile(deps.reportsDir, rel, bytes);
    const issued = write(ctx, (tx) => {
      const done = tx
        .update(reports)
        .set({
          status: "done",
          progress: null,
          sha256,
          size: bytes.length,
          pages,
          file: rel,
          error: null,
          finishedAt: finishedAt(),
          owner: null,
          certificateId: typeof signer === "string" ? null : signer.certificate.id,
          unsignedReason: typeof signer === "string" ? signer : null,
        })
        .where(eq(reports.id, row.id))
        .returning()
        .get();
      // The issued report's row is in the chain (reportHash), with the head printed in the file (issue 15).
      recordTrail(tx, ctx, {
        entity: "report",
        entityId: row.id,
        action: "generate",
        unitId: row.unitId,
        after: {
          kind: row.kind,
          periodKey: row.periodKey,
          sha256,
          size: bytes.length,
          reportHash: reportRowHash(done),
          trailAt: head ?? null,
          signedWith: typeof signer === "string" ? null : { certificateId: signer.certificate.id, serial: signer.certificate.serial },
        },
      });
      return done;
    });
    return issued;
  } catch (e) {
    const error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 2000);
    return write(ctx, (tx) => {
      const failed = tx
        .update(reports)
        .set({ status: "failed", progress: null, error, finishedAt: finishedAt(), owner: null })
        .where(eq(reports.id, row.id))
        .returning()
        .get();
      recordTrail(tx, ctx, { entity: "report", entityId: row.id, action: "fail", unitId: row.unitId, after: { error } });
      return failed;
    });
  }
}

const QUEUE_ACTOR: Actor = { kind: "system", name: "report-queue" };

/**
 * Take a queued (or abandoned) on-demand report: one IMMEDIATE transaction, so two processes never both take it.
 * Abandoned = running while its producing process is gone (issue 15: freed at once, as job claims are), or
 * running for longer than STALE_RUNNING_MS (a process on another host).
 */
export function claimQueued(db: DB, now: Date, id?: number): ReportRow | undefined {
  return db.transaction(
    (tx) => {
      const only = id === undefined ? undefined : eq(reports.id, id);
      const abandoned = tx
        .select()
        .from(reports)
        .where(and(eq(reports.trigger, "manual"), eq(reports.status, "running"), only))
        .orderBy(asc(reports.id))
        .all()
        .filter((r) => ownerGone(r.owner) || (r.startedAt ?? 0) < now.getTime() - STALE_RUNNING_MS);
      const queued = tx
        .select()
        .from(reports)
        .where(and(eq(reports.trigger, "manual"), eq(reports.status, "queued"), only))
        .orderBy(asc(reports.id))
        .limit(1)
        .get();
      const next = [...abandoned, ...(queued ? [queued] : [])].sort((a, b) => a.id - b.id)[0];
      if (!next) return undefined;
      return tx
        .update(reports)
        .set({ status: "running", progress: "reports.progress.collecting", startedAt: now.getTime(), attempts: next.attempts + 1, owner: processOwner() })
        .where(eq(reports.id, next.id))
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

/** Produce one queued report by id (tests, CLI); undefined when it is not waiting. */
export async function produceQueued(db: DB, id: number, deps: ProduceDeps, now = clockNow()) {
  const row = claimQueued(db, now, id);
  return row ? renderAndStore(db, row, deps, QUEUE_ACTOR, now) : undefined;
}

const g = globalThis as unknown as { __isoXaReportDrain?: Promise<number> };

/**
 * Produce every waiting on-demand report, one after another, yielding between them. Single-flight per process:
 * a call while a drain runs joins it. Started after each request and by every poll of a waiting report, so a
 * restart picks the queue up again as soon as someone looks.
 */
export function drainQueue(db: DB, deps: ProduceDeps, clock: () => Date = clockNow): Promise<number> {
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
