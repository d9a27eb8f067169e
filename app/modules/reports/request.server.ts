import { randomBytes } from "node:crypto";
import { reports } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { isAreaUnit } from "./data.server";
import { parsePeriod } from "./periods";
import { recordUnitId } from "./record-data.server";
import { formatVerifyCode, requestProblems, subjectKey } from "./rules";
import type { GenerateReportInput, RecordReportInput } from "./schema";

// Asking for a report on demand: a row in the queue. Producing it is produce.server.ts's part.

export type ReportRow = typeof reports.$inferSelect;

/** The code printed in a report's footer and QR code (a new row's, on demand or scheduled). */
export function newVerifyCode(): string {
  return formatVerifyCode(randomBytes(10));
}

/**
 * Ask for a report now (officers and inspectors, any unit of their subtree). Only records the request (queued);
 * `drainQueue` produces it outside the request, and the report page shows its progress.
 */
export function requestReport(ctx: Ctx, input: GenerateReportInput): ReportRow {
  requireCapability(ctx.actor, "reports.generate");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, input.unitId);
  const period = parsePeriod(input.period);
  if (!period) throw new InvalidInputError("errors.invalid", {}, { period: ["reports.errors.period"] });
  const problems = requestProblems({ kind: input.kind, unitIsArea: isAreaUnit(unit), period, today: ctx.today, unitValidTo: unit.validTo });
  if (Object.keys(problems).length) throw new InvalidInputError("errors.invalid", {}, problems);
  // The yearly report is only archived as issued by the head, with the unit's narrative (issue 14): its draft.
  if (input.kind === "annual") throw new InvalidInputError("errors.invalid", {}, { kind: ["reports.errors.annualIsIssued"] });
  return writeOnce(ctx, (tx) => {
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
    recordTrail(tx, ctx, { entity: "report", entityId: row.id, action: "request", unitId: unit.id, after: { kind: row.kind, periodKey: row.periodKey } });
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
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, recordUnitId(ctx, input.kind, input.subjectId));
  return writeOnce(ctx, (tx) => {
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
    recordTrail(tx, ctx, { entity: "report", entityId: row.id, action: "request", unitId: unit.id, after: { kind: row.kind, subjectId: input.subjectId } });
    return row;
  });
}
