import { and, eq, inArray } from "drizzle-orm";
import { findings, inspectionFindings, inspectionPlans, inspectionPlanUnits, inspections, inspectionTeamMembers, units } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { auditorCandidates } from "../audits/access.server";
import { auditorIndependent } from "../audits/rules";
import type { Ctx } from "../context";
import { insertFileRow, storeUpload, type StoredFile } from "../files/store.server";
import { can, requireCapability, requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { noticeDeadlineMoved, noticeMinutesSigned, ownersAndSignersOf } from "../notifications/events.server";
import { getUnitInScopeOrThrow, pathInScope, workRootsOf } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";
import { defaultActionDueOn, existedDuring } from "./rules";
import type { InspectionInput, InspectionPlanInput, MinutesInput, ReportBackInput } from "./schema";

/**
 * Units an inspector may list or inspect: units strictly below their own, in their scope; when their own unit has
 * ended, also the units formed from it (their work moved there with the lineage).
 */
export function inspectableUnits(ctx: Ctx) {
  const actor = requireUserActor(ctx.actor);
  const scope = ctx.scope;
  const [, ...successorRoots] = workRootsOf(ctx.db, actor.unitPath, ctx.today);
  const below = (path: string) => (path !== actor.unitPath && path.startsWith(actor.unitPath)) || successorRoots.some((r) => path.startsWith(r));
  return inTreeOrder(
    ctx.db,
    ctx.db
      .select()
      .from(units)
      .all()
      .filter((u) => below(u.path) && pathInScope(scope, u.path)),
  );
}

/** Create or replace the inspecting unit's plan for a year (one plan per unit and year). */
export function saveInspectionPlan(ctx: Ctx, input: InspectionPlanInput) {
  requireCapability(ctx.actor, "inspection.write");
  const actor = requireUserActor(ctx.actor);
  const allowed = new Map(
    inspectableUnits(ctx)
      .filter((u) => existedDuring(u, input.year))
      .map((u) => [u.id, u]),
  );
  const entries = new Map(input.entries.map((e) => [e.unitId, e]));
  if ([...entries.keys()].some((id) => !allowed.has(id))) throw new InvalidInputError("inspections.errors.unitNotBelow");
  if (entries.size === 0) throw new InvalidInputError("inspections.errors.noUnits");
  return write(ctx, (tx) => {
    const now = ctx.now.getTime();
    const existing = tx
      .select()
      .from(inspectionPlans)
      .where(and(eq(inspectionPlans.unitId, actor.unitId), eq(inspectionPlans.year, input.year)))
      .get();
    const values = { documentNumber: input.documentNumber || null, issuedOn: input.issuedOn ?? null, notes: input.notes || null, updatedAt: now };
    const plan = existing
      ? tx.update(inspectionPlans).set(values).where(eq(inspectionPlans.id, existing.id)).returning().get()
      : tx
          .insert(inspectionPlans)
          .values({ ...values, unitId: actor.unitId, year: input.year, createdById: actor.id, createdAt: now })
          .returning()
          .get();
    const before = existing ? tx.select().from(inspectionPlanUnits).where(eq(inspectionPlanUnits.planId, plan.id)).all() : [];
    tx.delete(inspectionPlanUnits).where(eq(inspectionPlanUnits.planId, plan.id)).run();
    for (const e of entries.values()) tx.insert(inspectionPlanUnits).values({ planId: plan.id, unitId: e.unitId, method: e.method }).run();
    recordTrail(tx, ctx, {
      entity: "inspection_plan",
      entityId: plan.id,
      action: existing ? "update" : "create",
      unitId: actor.unitId,
      before: existing ? { ...existing, entries: before.map((b) => ({ unitId: b.unitId, method: b.method })) } : undefined,
      after: { ...plan, entries: [...entries.values()] },
    });
    return plan;
  });
}

function checkInspectionTeam(ctx: Ctx, inspectedPath: string, leadId: number, teamIds: number[]) {
  const candidates = new Map(auditorCandidates(ctx).map((c) => [c.id, c]));
  const all = [leadId, ...new Set(teamIds.filter((t) => t !== leadId))];
  for (const [i, uid] of all.entries()) {
    const field = i === 0 ? "leadId" : "teamIds";
    const c = candidates.get(uid);
    if (!c) throw new InvalidInputError("errors.invalid", {}, { [field]: ["audits.errors.auditorUnknown"] });
    if (!auditorIndependent(c.unitPath, inspectedPath))
      throw new InvalidInputError("inspections.errors.notIndependent", {}, { [field]: ["inspections.errors.ownUnit"] });
  }
  return all;
}

/** Record an inspection decision (form 20) for a unit below the inspector's own, with its team. */
export function createInspection(ctx: Ctx, input: InspectionInput) {
  requireCapability(ctx.actor, "inspection.write");
  const actor = requireUserActor(ctx.actor);
  const unit = inspectableUnits(ctx).find((u) => u.id === input.unitId);
  if (!unit) throw new InvalidInputError("errors.invalid", {}, { unitId: ["inspections.errors.unitNotBelow"] });
  return writeOnce(ctx, (tx) => {
    const team = checkInspectionTeam(ctx, unit.path, input.leadId, input.teamIds);
    const year = Number(input.decisionOn.slice(0, 4));
    const plan = tx
      .select({ id: inspectionPlans.id })
      .from(inspectionPlans)
      .innerJoin(inspectionPlanUnits, eq(inspectionPlanUnits.planId, inspectionPlans.id))
      .where(and(eq(inspectionPlans.unitId, actor.unitId), eq(inspectionPlans.year, year), eq(inspectionPlanUnits.unitId, unit.id)))
      .get();
    const now = ctx.now.getTime();
    const row = tx
      .insert(inspections)
      .values({
        planId: plan?.id ?? null,
        unitId: unit.id,
        byUnitId: actor.unitId,
        method: input.method,
        decisionNumber: input.decisionNumber,
        decisionOn: input.decisionOn,
        plannedOn: input.plannedOn ?? null,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    team.forEach((userId, i) =>
      tx
        .insert(inspectionTeamMembers)
        .values({ inspectionId: row.id, userId, isLead: i === 0 })
        .run(),
    );
    recordTrail(tx, ctx, { entity: "inspection", entityId: row.id, action: "create", unitId: unit.id, after: { ...row, team } });
    return row;
  });
}

/**
 * Record the minutes (form 21) with the day both sides signed. If the signing day is corrected later, findings
 * still carrying the old default due date move with it; dates set by hand stay.
 */
export async function recordMinutes(ctx: Ctx, inspectionId: number, input: MinutesInput, upload?: { file: File; uploadsDir: string; maxBytes: number }) {
  requireCapability(ctx.actor, "inspection.write");
  const insp = ctx.db.select().from(inspections).where(eq(inspections.id, inspectionId)).get();
  if (!insp) throw new NotFoundError("errors.notFound");
  getUnitInScopeOrThrow(ctx.db, ctx.scope, insp.unitId);
  if (input.signedOn < insp.decisionOn) throw new InvalidInputError("errors.invalid", {}, { signedOn: ["inspections.errors.minutesBeforeDecision"] });
  if (input.signedOn > ctx.today) throw new InvalidInputError("errors.invalid", {}, { signedOn: ["audits.errors.futureDate"] });
  let stored: StoredFile | undefined;
  if (upload) stored = await storeUpload(upload.uploadsDir, upload.file, { field: "file", kinds: ["pdf", "docx", "image"], maxBytes: upload.maxBytes });
  return write(ctx, (tx) => {
    const current = tx.select().from(inspections).where(eq(inspections.id, inspectionId)).get()!;
    const fileId = stored ? insertFileRow(tx, ctx, stored, current.unitId).id : current.minutesFileId;
    tx.update(inspections)
      .set({
        minutesSignedOn: input.signedOn,
        reportDueOn: defaultActionDueOn(input.signedOn),
        minutesSummary: input.summary.trim(),
        minutesFileId: fileId,
        updatedAt: ctx.now.getTime(),
      })
      .where(eq(inspections.id, inspectionId))
      .run();
    let moved = 0;
    if (current.minutesSignedOn && current.minutesSignedOn !== input.signedOn) {
      const oldDefault = defaultActionDueOn(current.minutesSignedOn);
      const ids = tx
        .select({ id: inspectionFindings.findingId })
        .from(inspectionFindings)
        .where(eq(inspectionFindings.inspectionId, inspectionId))
        .all()
        .map((r) => r.id);
      if (ids.length) {
        tx.update(findings).set({ foundOn: input.signedOn, updatedAt: ctx.now.getTime() }).where(inArray(findings.id, ids)).run();
        moved = tx
          .update(findings)
          .set({ actionDueOn: defaultActionDueOn(input.signedOn), updatedAt: ctx.now.getTime() })
          .where(and(inArray(findings.id, ids), eq(findings.actionDueOn, oldDefault)))
          .run().changes;
      }
    }
    if (current.minutesSignedOn !== input.signedOn) {
      noticeMinutesSigned(tx, ctx, current, input.signedOn, defaultActionDueOn(input.signedOn));
      if (moved && current.minutesSignedOn) {
        const ids = tx
          .select({ id: inspectionFindings.findingId })
          .from(inspectionFindings)
          .where(eq(inspectionFindings.inspectionId, inspectionId))
          .all()
          .map((r) => r.id);
        noticeDeadlineMoved(tx, ctx, {
          recipients: ownersAndSignersOf(tx, ids),
          what: { key: "notifications.what.inspection", params: { unit: unitNameOf(tx, current.unitId) } },
          from: defaultActionDueOn(current.minutesSignedOn),
          to: defaultActionDueOn(input.signedOn),
          key: `inspection:${inspectionId}`,
          link: `/inspections/${inspectionId}`,
          unitId: current.unitId,
        });
      }
    }
    recordTrail(tx, ctx, {
      entity: "inspection",
      entityId: inspectionId,
      action: "minutes",
      unitId: current.unitId,
      before: { minutesSignedOn: current.minutesSignedOn, minutesSummary: current.minutesSummary, minutesFileId: current.minutesFileId },
      after: {
        minutesSignedOn: input.signedOn,
        reportDueOn: defaultActionDueOn(input.signedOn),
        minutesSummary: input.summary.trim(),
        minutesFileId: fileId,
        findingsDueMoved: moved || undefined,
      },
    });
    return { moved };
  });
}

const unitNameOf = (tx: Tx, unitId: number) => tx.select({ name: units.name }).from(units).where(eq(units.id, unitId)).get()?.name ?? "";

/**
 * Record the inspected unit's report back on its corrective actions (TT 26/2014 Art. 37(2)(c)): what the two-month
 * deadline measures, not the closing of every action. Recorded by the unit's officer or by the inspector who
 * received it; a later correction keeps the earlier day in the trail.
 */
export function recordReportBack(ctx: Ctx, inspectionId: number, input: ReportBackInput) {
  if (!can(ctx.actor, "ca.write") && !can(ctx.actor, "inspection.write")) throw new ForbiddenError("errors.forbidden");
  const insp = Number.isSafeInteger(inspectionId) ? ctx.db.select().from(inspections).where(eq(inspections.id, inspectionId)).get() : undefined;
  if (!insp) throw new NotFoundError("errors.notFound");
  getUnitInScopeOrThrow(ctx.db, ctx.scope, insp.unitId);
  if (!insp.minutesSignedOn) throw new PreconditionFailedError("inspections.errors.minutesFirst");
  if (input.reportedOn < insp.minutesSignedOn) throw new InvalidInputError("errors.invalid", {}, { reportedOn: ["inspections.errors.reportBeforeMinutes"] });
  if (input.reportedOn > ctx.today) throw new InvalidInputError("errors.invalid", {}, { reportedOn: ["audits.errors.futureDate"] });
  return write(ctx, (tx) => {
    const current = tx.select().from(inspections).where(eq(inspections.id, inspectionId)).get()!;
    tx.update(inspections)
      .set({ reportedBackOn: input.reportedOn, reportBackNote: input.note?.trim() || null, updatedAt: ctx.now.getTime() })
      .where(eq(inspections.id, inspectionId))
      .run();
    recordTrail(tx, ctx, {
      entity: "inspection",
      entityId: inspectionId,
      action: "report-back",
      unitId: current.unitId,
      before: { reportedBackOn: current.reportedBackOn, reportBackNote: current.reportBackNote },
      after: { reportedBackOn: input.reportedOn, reportBackNote: input.note?.trim() || null, reportDueOn: current.reportDueOn },
    });
    return input.reportedOn;
  });
}
