import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { audits, auditTeamMembers, units, users } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { can } from "../permissions";
import type { Reader } from "../tx.server";
import { pathCondition, pathInScope } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";
import { compareVi } from "~/lib/locale";

/** The lead auditor and every team member of an audit. */
export function teamIdsOf(db: Reader, audit: { id: number; leadAuditorId: number }): number[] {
  const team = db.select({ id: auditTeamMembers.userId }).from(auditTeamMembers).where(eq(auditTeamMembers.auditId, audit.id)).all();
  return [audit.leadAuditorId, ...team.map((t) => t.id)];
}

/** Is the actor the audit's lead auditor or on its team? */
export function onTeam(ctx: Ctx, audit: { id: number; leadAuditorId: number }): boolean {
  return ctx.actor.kind === "user" && teamIdsOf(ctx.db, audit).includes(ctx.actor.id);
}

/**
 * An audit is read by everyone whose scope covers the audited unit, and by its own auditors (who may come from
 * another unit: a cross audit between communes, or the province's staff). Anyone else gets "not found".
 */
export function getAuditOrThrow(ctx: Ctx, auditId: number) {
  const row = Number.isSafeInteger(auditId)
    ? ctx.db
        .select({ a: audits, unitPath: units.path, unitName: units.name })
        .from(audits)
        .innerJoin(units, eq(units.id, audits.unitId))
        .where(eq(audits.id, auditId))
        .get()
    : undefined;
  if (!row) throw new NotFoundError("errors.notFound");
  const inScope = pathInScope(ctx.scope, row.unitPath);
  const team = onTeam(ctx, row.a);
  if (!inScope && !team) throw new NotFoundError("errors.notFound");
  return { audit: row.a, unit: { id: row.a.unitId, path: row.unitPath, name: row.unitName }, inScope, onTeam: team };
}

/** May the actor plan, edit, start or close this unit's audits? (an officer whose scope covers the unit) */
export function canPlanFor(ctx: Ctx, unitPath: string): boolean {
  return can(ctx.actor, "audits.plan") && pathInScope(ctx.scope, unitPath);
}

/** Ids of the units above a materialised path ("/1/4/17/" → [1, 4]). */
export function ancestorIds(path: string): number[] {
  const ids = path.split("/").filter(Boolean).map(Number);
  return ids.slice(0, -1);
}

/**
 * People an actor may name as auditors: active accounts (not administrators) of the units the actor reads, and
 * of the units above the actor's own (a commune's secretary may ask the district's or province's staff to audit).
 */
export function auditorCandidates(ctx: Ctx) {
  const { actor } = ctx;
  const scopeCond = actor.kind === "user" ? pathCondition(ctx.scope) : sql`1 = 1`;
  const above = actor.kind === "user" ? [...ancestorIds(actor.unitPath)] : [];
  const rows = ctx.db
    .select({ id: users.id, fullName: users.fullName, title: users.title, role: users.role, unitId: users.unitId, unitName: units.name, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.active, true), ne(users.role, "admin"), above.length ? or(scopeCond, inArray(units.id, above)) : scopeCond))
    .orderBy(asc(units.path), asc(users.fullName))
    .limit(2000)
    .all();
  // By unit in tree order (siblings by name), then by name within a unit.
  const unitRows = [...new Map(rows.map((r) => [r.unitId, { id: r.unitId, name: r.unitName, path: r.unitPath }])).values()];
  const rank = new Map(inTreeOrder(ctx.db, unitRows).map((u, i) => [u.id, i]));
  return rows.sort((a, b) => rank.get(a.unitId)! - rank.get(b.unitId)! || compareVi(a.fullName, b.fullName));
}
export type AuditorCandidate = ReturnType<typeof auditorCandidates>[number];
