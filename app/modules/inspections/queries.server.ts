import { reportBackState } from "../findings/rules";
import { and, asc, count, desc, eq, sql, type SQLWrapper } from "drizzle-orm";
import {
  files,
  findingGrades,
  findings,
  inspectionFindings,
  inspectionPlans,
  inspectionPlanUnits,
  inspections,
  inspectionTeamMembers,
  units,
  users,
} from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { ListSort, SortKey } from "~/lib/list-sort";
import type { Ctx } from "../context";
import { auditorCandidates } from "../audits/access.server";
import { can } from "../permissions";
import { validOn } from "../units/rules";
import { inScope, pathInScope } from "../units/scope.server";
import { defaultActionDueOn, existedDuring, onSiteShare } from "./rules";
import { inspectableUnits } from "./save.server";

export const INSPECTIONS_PAGE_SIZE = 50;

/** Inspections of units in the actor's scope (the inspected unit reads its own), newest first or in the asked order; one page. */
export function listInspections(ctx: Ctx, filter: { year?: number; page?: number } & Partial<ListSort<"inspections">> = {}, pageSize = INSPECTIONS_PAGE_SIZE) {
  const where = and(inScope(inspections.unitId, ctx.scope), filter.year ? sql`substr(${inspections.decisionOn}, 1, 4) = ${String(filter.year)}` : undefined);
  const total = ctx.db.select({ n: count() }).from(inspections).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const by = filter.dir === "desc" ? desc : asc;
  const sortColumns = {
    decision: inspections.decisionOn,
    unit: units.name,
    method: inspections.method,
    minutes: inspections.minutesSignedOn,
  } satisfies Record<SortKey<"inspections">, SQLWrapper>;
  const rows = ctx.db
    .select({
      id: inspections.id,
      unitId: inspections.unitId,
      unitName: units.name,
      method: inspections.method,
      decisionNumber: inspections.decisionNumber,
      decisionOn: inspections.decisionOn,
      plannedOn: inspections.plannedOn,
      minutesSignedOn: inspections.minutesSignedOn,
      findings: sql<number>`(SELECT count(*) FROM inspection_findings x WHERE x.inspection_id = ${inspections.id})`,
    })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(where)
    .orderBy(...(filter.sort ? [by(sortColumns[filter.sort]), by(inspections.id)] : [desc(inspections.decisionOn), desc(inspections.id)]))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows, total, page, pages };
}

/** Plans of inspecting units the actor reads. */
export function listPlans(ctx: Ctx) {
  return ctx.db
    .select({
      id: inspectionPlans.id,
      year: inspectionPlans.year,
      unitName: units.name,
      documentNumber: inspectionPlans.documentNumber,
      issuedOn: inspectionPlans.issuedOn,
      total: sql<number>`(SELECT count(*) FROM inspection_plan_units p WHERE p.plan_id = ${inspectionPlans.id})`,
      onSite: sql<number>`(SELECT count(*) FROM inspection_plan_units p WHERE p.plan_id = ${inspectionPlans.id} AND p.method = 'on_site')`,
    })
    .from(inspectionPlans)
    .innerJoin(units, eq(units.id, inspectionPlans.unitId))
    .where(inScope(inspectionPlans.unitId, ctx.scope))
    .orderBy(desc(inspectionPlans.year))
    .all();
}

/** The plan form of the inspector's own unit for a year: candidate units and the current choices. */
export function planForm(ctx: Ctx, year: number) {
  const actor = ctx.actor.kind === "user" ? ctx.actor : undefined;
  const plan = actor
    ? ctx.db
        .select()
        .from(inspectionPlans)
        .where(and(eq(inspectionPlans.unitId, actor.unitId), eq(inspectionPlans.year, year)))
        .get()
    : undefined;
  const entries = plan ? ctx.db.select().from(inspectionPlanUnits).where(eq(inspectionPlanUnits.planId, plan.id)).all() : [];
  const candidates = inspectableUnits(ctx)
    .filter((u) => existedDuring(u, year))
    .map((u) => ({ id: u.id, name: u.name, code: u.code, depth: u.depth, method: entries.find((e) => e.unitId === u.id)?.method ?? "" }));
  return { plan, candidates, share: onSiteShare(entries) };
}

/** One inspection, for a reader whose scope covers the inspected unit. */
export function getInspectionDetail(ctx: Ctx, inspectionId: number) {
  const { db, actor } = ctx;
  const row = Number.isSafeInteger(inspectionId)
    ? db
        .select({ i: inspections, unitName: units.name, unitPath: units.path })
        .from(inspections)
        .innerJoin(units, eq(units.id, inspections.unitId))
        .where(eq(inspections.id, inspectionId))
        .get()
    : undefined;
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  const i = row.i;
  const byUnit = db.select({ name: units.name }).from(units).where(eq(units.id, i.byUnitId)).get();
  const team = db
    .select({ id: users.id, fullName: users.fullName, title: users.title, isLead: inspectionTeamMembers.isLead, unitName: units.name })
    .from(inspectionTeamMembers)
    .innerJoin(users, eq(users.id, inspectionTeamMembers.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(inspectionTeamMembers.inspectionId, i.id))
    .orderBy(desc(inspectionTeamMembers.isLead), asc(users.fullName))
    .all();
  const written = db
    .select({
      id: findings.id,
      gradeCode: findings.gradeCode,
      gradeVi: findingGrades.nameVi,
      gradeEn: findingGrades.nameEn,
      clauseCode: findings.clauseCode,
      description: findings.description,
      actionDueOn: findings.actionDueOn,
      status: findings.status,
    })
    .from(inspectionFindings)
    .innerJoin(findings, eq(findings.id, inspectionFindings.findingId))
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .where(eq(inspectionFindings.inspectionId, i.id))
    .orderBy(asc(findings.id))
    .all();
  const minutesFile = i.minutesFileId
    ? db.select({ id: files.id, name: files.originalName }).from(files).where(eq(files.id, i.minutesFileId)).get()
    : undefined;
  const writer = can(actor, "inspection.write");
  return {
    inspection: i,
    unit: { id: i.unitId, name: row.unitName },
    byUnitName: byUnit?.name ?? "",
    team,
    findings: written,
    minutesFile,
    defaultDueOn: i.minutesSignedOn ? defaultActionDueOn(i.minutesSignedOn) : null,
    reportBack: reportBackState(i, ctx.today),
    can: {
      minutes: writer,
      addFinding: writer && !!i.minutesSignedOn,
      reportBack: !!i.minutesSignedOn && (writer || can(actor, "ca.write")),
    },
  };
}

/** Choices of the inspection form: units below the inspector's that exist today, and possible team members. */
export function inspectionFormOptions(ctx: Ctx) {
  return {
    units: inspectableUnits(ctx)
      .filter((u) => validOn(u, ctx.today))
      .map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    people: auditorCandidates(ctx).map((c) => ({ id: c.id, label: `${c.fullName}${c.title ? ` – ${c.title}` : ""} (${c.unitName})` })),
  };
}
