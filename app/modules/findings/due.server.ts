import { eq, sql } from "drizzle-orm";
import { findingDuePolicies, findings, inspectionFindings, inspections } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { can, requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import type { Reader } from "../tx.server";
import { write } from "../tx.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { ACTION_NOT_DONE, DEFAULT_DUE_POLICY, inspectionReportDueOn, policyDueOn, type DuePolicy } from "./rules";
import type { DuePolicyInput, FindingDueInput } from "./schema";

/** The unit's policy for its own findings' due dates (the defaults when it has none). */
export function duePolicyOf(db: Reader, unitId: number): DuePolicy {
  const row = db.select().from(findingDuePolicies).where(eq(findingDuePolicies.unitId, unitId)).get();
  return row ? { majorDays: row.majorDays, minorDays: row.minorDays, otherDays: row.otherDays } : DEFAULT_DUE_POLICY;
}

/** SQL of `findingOverdue` (rules.ts): open past its due date, with no corrective action or one not yet implemented. */
export function findingOverdueSql(day: string) {
  const notDone = sql.join(
    ACTION_NOT_DONE.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`(${findings.status} = 'open' AND ${findings.actionDueOn} < ${day} AND (
    NOT EXISTS (SELECT 1 FROM corrective_actions ca WHERE ca.finding_id = ${findings.id})
    OR EXISTS (SELECT 1 FROM corrective_actions ca WHERE ca.finding_id = ${findings.id} AND ca.status IN (${notDone}))))`;
}

/**
 * The due date a finding gets by rule: for an inspection finding, the legal deadline of its inspection's report
 * back; for any other, the unit's policy by grade from the day it was found.
 */
export function ruleDueOn(db: Reader, f: { id: number; unitId: number; source: string; gradeCode: string; foundOn: string }): string {
  if (f.source === "inspection") {
    const insp = db
      .select({ signed: inspections.minutesSignedOn, due: inspections.reportDueOn })
      .from(inspectionFindings)
      .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
      .where(eq(inspectionFindings.findingId, f.id))
      .get();
    if (insp?.due) return insp.due;
    return inspectionReportDueOn(insp?.signed ?? f.foundOn);
  }
  return policyDueOn(duePolicyOf(db, f.unitId), f.gradeCode, f.foundOn);
}

/** Who may move a finding's due date: an inspector for inspection findings, an officer for the unit's own. */
function mayMoveDue(ctx: Ctx, source: string): boolean {
  return source === "inspection" ? can(ctx.actor, "inspection.write") : can(ctx.actor, "ca.write");
}

/**
 * Move a finding's due date, always with a stated reason (in the trail): a deadline never moves silently. An
 * inspection finding's legal deadline (two months after the minutes) stays what the obligation measures.
 */
export function setFindingDue(ctx: Ctx, findingId: number, input: FindingDueInput) {
  const f = Number.isSafeInteger(findingId) ? ctx.db.select().from(findings).where(eq(findings.id, findingId)).get() : undefined;
  if (!f) throw new NotFoundError("errors.notFound");
  getUnitInScopeOrThrow(ctx.db, ctx.scope, f.unitId);
  if (!mayMoveDue(ctx, f.source)) throw new ForbiddenError("errors.forbidden");
  if (f.status !== "open") throw new PreconditionFailedError("findings.errors.closed");
  if (input.dueOn < f.foundOn) throw new InvalidInputError("errors.invalid", {}, { dueOn: ["findings.errors.dueBeforeFound"] });
  return write(ctx, (tx) => {
    const before = tx.select().from(findings).where(eq(findings.id, findingId)).get()!;
    tx.update(findings).set({ actionDueOn: input.dueOn, dueReason: input.reason.trim(), updatedAt: ctx.now.getTime() }).where(eq(findings.id, findingId)).run();
    recordTrail(tx, ctx, {
      entity: "finding",
      entityId: findingId,
      action: "due",
      unitId: f.unitId,
      before: { actionDueOn: before.actionDueOn, dueReason: before.dueReason },
      after: { actionDueOn: input.dueOn, dueReason: input.reason.trim(), ruleDueOn: ruleDueOn(tx, before) },
    });
    return input.dueOn;
  });
}

/** Save a unit's policy for its own findings' due dates (findings raised later follow it). */
export function saveDuePolicy(ctx: Ctx, unitId: number, input: DuePolicyInput) {
  requireCapability(ctx.actor, "ca.write");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  return write(ctx, (tx) => {
    const before = duePolicyOf(tx, unit.id);
    const values = {
      majorDays: input.majorDays,
      minorDays: input.minorDays,
      otherDays: input.otherDays,
      updatedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
      updatedAt: ctx.now.getTime(),
    };
    tx.insert(findingDuePolicies)
      .values({ unitId: unit.id, ...values })
      .onConflictDoUpdate({ target: findingDuePolicies.unitId, set: values })
      .run();
    recordTrail(tx, ctx, { entity: "finding_due_policy", entityId: unit.id, action: "update", unitId: unit.id, before, after: input });
    return unit.id;
  });
}
