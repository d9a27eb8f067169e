import { and, eq } from "drizzle-orm";
import {
  auditChecklistItems,
  auditFindings,
  audits,
  auditTeamMembers,
  findingGrades,
  findings,
  inspectionFindings,
  inspections,
  isoClauses,
  type FindingSource,
} from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { gradesForResult } from "../audits/rules";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { noticeFindingRecorded } from "../notifications/events.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import type { DirectFindingSource } from "./schema";
import { duePolicyOf } from "./due.server";
import { inspectionReportDueOn, policyDueOn } from "./rules";

export type FindingOrigin =
  | { kind: "audit"; auditId: number; checklistItemId?: number }
  | { kind: "inspection"; inspectionId: number }
  | { kind: "direct"; unitId: number; source: DirectFindingSource };

export type RaiseFindingInput = {
  origin: FindingOrigin;
  gradeCode: string;
  clauseCode?: string | null;
  description: string;
  evidence?: string | null;
  /** Defaults: the audit day (today), the minutes' signing day, or today. */
  foundOn?: string;
  /**
   * Defaults to the rule: two months after the minutes were signed for inspections (law), the unit's policy by
   * grade otherwise. Another date needs `dueReason`.
   */
  actionDueOn?: string | null;
  dueReason?: string | null;
};

type Placement = {
  unitId: number;
  source: FindingSource;
  foundOn: string;
  actionDueOn: string;
  dueReason: string | null;
  link: (tx: Tx, findingId: number) => void;
};

/**
 * The finding's due date: the rule's, or the one typed with a stated reason (a deadline never moves silently).
 * Never before the finding itself.
 */
function dueDate(input: RaiseFindingInput, rule: string, foundOn: string, beforeKey = "findings.errors.dueBeforeFound") {
  const due = input.actionDueOn || rule;
  if (due < foundOn) throw new InvalidInputError("errors.invalid", {}, { actionDueOn: [beforeKey] });
  const reason = input.dueReason?.trim() || null;
  if (due !== rule && !reason) throw new InvalidInputError("errors.invalid", {}, { dueReason: ["findings.errors.dueReasonRequired"] });
  return { actionDueOn: due, dueReason: due !== rule ? reason : null };
}

function checkReference(tx: Tx, input: RaiseFindingInput) {
  if (!tx.select({ c: findingGrades.code }).from(findingGrades).where(eq(findingGrades.code, input.gradeCode)).get()) {
    throw new InvalidInputError("errors.invalid", {}, { gradeCode: ["errors.choose"] });
  }
  if (input.clauseCode && !tx.select({ c: isoClauses.code }).from(isoClauses).where(eq(isoClauses.code, input.clauseCode)).get()) {
    throw new InvalidInputError("errors.invalid", {}, { clauseCode: ["errors.choose"] });
  }
}

function placeAuditFinding(tx: Tx, ctx: Ctx, origin: Extract<FindingOrigin, { kind: "audit" }>, input: RaiseFindingInput): Placement {
  const audit = tx.select().from(audits).where(eq(audits.id, origin.auditId)).get();
  if (!audit) throw new NotFoundError("errors.notFound");
  const actor = ctx.actor;
  if (actor.kind === "user") {
    const onTeam =
      audit.leadAuditorId === actor.id ||
      !!tx
        .select({ u: auditTeamMembers.userId })
        .from(auditTeamMembers)
        .where(and(eq(auditTeamMembers.auditId, audit.id), eq(auditTeamMembers.userId, actor.id)))
        .get();
    if (!onTeam) {
      // A reader in scope learns they are not on the team; anyone else learns nothing.
      getUnitInScopeOrThrow(ctx.db, ctx.scope, audit.unitId);
      throw new ForbiddenError("audits.errors.notOnTeam");
    }
  }
  if (audit.status !== "in_progress") throw new PreconditionFailedError("audits.errors.notInProgress");
  let itemId: number | null = null;
  if (origin.checklistItemId !== undefined) {
    const item = tx.select().from(auditChecklistItems).where(eq(auditChecklistItems.id, origin.checklistItemId)).get();
    if (!item || item.auditId !== audit.id) throw new NotFoundError("errors.notFound");
    if (!gradesForResult(item.result).includes(input.gradeCode)) {
      throw new InvalidInputError("errors.invalid", {}, { gradeCode: [item.result ? "audits.errors.gradeForResult" : "audits.errors.answerFirst"] });
    }
    itemId = item.id;
  }
  const foundOn = input.foundOn ?? ctx.today;
  return {
    unitId: audit.unitId,
    source: "internal_audit",
    foundOn,
    ...dueDate(input, policyDueOn(duePolicyOf(tx, audit.unitId), input.gradeCode, foundOn), foundOn),
    link: (t, findingId) => t.insert(auditFindings).values({ findingId, auditId: audit.id, checklistItemId: itemId }).run(),
  };
}

function placeInspectionFinding(tx: Tx, ctx: Ctx, origin: Extract<FindingOrigin, { kind: "inspection" }>, input: RaiseFindingInput): Placement {
  requireCapability(ctx.actor, "inspection.write");
  const insp = tx.select().from(inspections).where(eq(inspections.id, origin.inspectionId)).get();
  if (!insp) throw new NotFoundError("errors.notFound");
  getUnitInScopeOrThrow(ctx.db, ctx.scope, insp.unitId);
  if (!insp.minutesSignedOn) throw new PreconditionFailedError("inspections.errors.minutesFirst");
  const rule = insp.reportDueOn ?? inspectionReportDueOn(insp.minutesSignedOn);
  return {
    unitId: insp.unitId,
    source: "inspection",
    foundOn: insp.minutesSignedOn,
    ...dueDate(input, rule, insp.minutesSignedOn, "inspections.errors.dueBeforeMinutes"),
    link: (t, findingId) => t.insert(inspectionFindings).values({ findingId, inspectionId: insp.id }).run(),
  };
}

function placeDirectFinding(tx: Tx, ctx: Ctx, origin: Extract<FindingOrigin, { kind: "direct" }>, input: RaiseFindingInput): Placement {
  requireCapability(ctx.actor, "qms.write");
  try {
    getUnitInScopeOrThrow(ctx.db, ctx.scope, origin.unitId);
  } catch {
    throw new InvalidInputError("errors.invalid", {}, { unitId: ["errors.choose"] });
  }
  const foundOn = input.foundOn ?? ctx.today;
  const rule = policyDueOn(duePolicyOf(tx, origin.unitId), input.gradeCode, foundOn);
  return { unitId: origin.unitId, source: origin.source, foundOn, ...dueDate(input, rule, foundOn), link: () => {} };
}

/**
 * Record a finding inside an open transaction (for verbs of other areas that raise one as part of their own
 * change). Checks permission and the origin's rules, writes the finding, its link and the trail row.
 */
export function insertFinding(tx: Tx, ctx: Ctx, input: RaiseFindingInput) {
  checkReference(tx, input);
  const o = input.origin;
  const placement =
    o.kind === "audit"
      ? placeAuditFinding(tx, ctx, o, input)
      : o.kind === "inspection"
        ? placeInspectionFinding(tx, ctx, o, input)
        : placeDirectFinding(tx, ctx, o, input);
  const now = ctx.now.getTime();
  const row = tx
    .insert(findings)
    .values({
      unitId: placement.unitId,
      source: placement.source,
      gradeCode: input.gradeCode,
      clauseCode: input.clauseCode || null,
      description: input.description.trim(),
      evidence: input.evidence?.trim() || null,
      foundOn: placement.foundOn,
      actionDueOn: placement.actionDueOn,
      dueReason: placement.dueReason,
      raisedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  placement.link(tx, row.id);
  recordTrail(tx, ctx, { entity: "finding", entityId: row.id, action: "raise", unitId: row.unitId, after: { ...row, origin: o } });
  noticeFindingRecorded(tx, ctx, row);
  return row;
}

/**
 * Raise a finding (phát hiện) from an audit (optionally from one checklist item), from inspection minutes, or
 * directly (complaint, management review, PAR index). One transaction: permission, rules, row, link, trail.
 */
export function raiseFinding(ctx: Ctx, input: RaiseFindingInput) {
  return writeOnce(ctx, (tx) => insertFinding(tx, ctx, input));
}
