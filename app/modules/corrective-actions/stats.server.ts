import { inArray, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { caSignatures, correctiveActions, units } from "#db/schema";
import { inScope, type Scope } from "../units/scope.server";
import { percent } from "./rules";

export type CorrectiveActionUnitStats = {
  unitId: number;
  unitName: string;
  unitCode: string;
  /** Not yet verified effective (proposed … implemented). */
  open: number;
  /** Still to be done and past its due date on `day`. */
  overdue: number;
  /** Verified effective (or closed with their finding). */
  closed: number;
  /** Of the closed ones, implemented on or before their due date. */
  closedOnTime: number;
  closedOnTimePct: number | null;
  /** Signed acknowledgements recorded for the unit's actions (re-acknowledgements included). */
  acknowledgements: number;
};

/**
 * Per unit in scope (only units that have actions): what the reports and the compliance checklist need.
 * Two grouped queries, whatever the number of actions.
 */
export function correctiveActionStatsForUnits(db: DB, scope: Scope, day: string): CorrectiveActionUnitStats[] {
  const ca = correctiveActions;
  const rows = db
    .select({
      unitId: ca.unitId,
      unitName: units.name,
      unitCode: units.code,
      open: sql<number>`sum(case when ${ca.status} in ('proposed','acknowledged','in_progress','implemented') then 1 else 0 end)`,
      overdue: sql<number>`sum(case when ${ca.status} in ('proposed','acknowledged','in_progress') and ${ca.dueOn} < ${day} then 1 else 0 end)`,
      closed: sql<number>`sum(case when ${ca.status} in ('verified','closed') then 1 else 0 end)`,
      closedOnTime: sql<number>`sum(case when ${ca.status} in ('verified','closed') and ${ca.implementedOn} <= ${ca.dueOn} then 1 else 0 end)`,
    })
    .from(ca)
    .innerJoin(units, sql`${units.id} = ${ca.unitId}`)
    .where(inScope(ca.unitId, scope))
    .groupBy(ca.unitId)
    .orderBy(units.name)
    .all();
  const acks = new Map(
    db
      .select({ unitId: caSignatures.unitId, n: sql<number>`count(*)` })
      .from(caSignatures)
      .where(inScope(caSignatures.unitId, scope))
      .groupBy(caSignatures.unitId)
      .all()
      .map((r) => [r.unitId, r.n]),
  );
  return rows.map((r) => ({
    ...r,
    open: Number(r.open),
    overdue: Number(r.overdue),
    closed: Number(r.closed),
    closedOnTime: Number(r.closedOnTime),
    closedOnTimePct: percent(Number(r.closedOnTime), Number(r.closed)),
    acknowledgements: acks.get(r.unitId) ?? 0,
  }));
}

/** Statuses of an action not yet verified effective. */
const OPEN = ["proposed", "acknowledged", "in_progress", "implemented"] as const;

/**
 * Open and overdue actions per unit (only units that have open ones): what the dashboard and the compliance
 * checklist need. Reads the open actions alone through (unit_id, status), so its cost follows the work still
 * open, not ten years of closed history.
 */
export function openActionsByUnit(db: DB, unitsOrScope: number[] | Scope, day: string): { unitId: number; unitName: string; open: number; overdue: number }[] {
  const ca = correctiveActions;
  if (Array.isArray(unitsOrScope) && !unitsOrScope.length) return [];
  return db
    .select({
      unitId: ca.unitId,
      unitName: units.name,
      open: sql<number>`count(*)`,
      overdue: sql<number>`sum(${ca.status} in ('proposed','acknowledged','in_progress') and ${ca.dueOn} < ${day})`,
    })
    .from(ca)
    .innerJoin(units, sql`${units.id} = ${ca.unitId}`)
    .where(sql`${inArray(ca.status, [...OPEN])} AND ${Array.isArray(unitsOrScope) ? inArray(ca.unitId, unitsOrScope) : inScope(ca.unitId, unitsOrScope)}`)
    .groupBy(ca.unitId)
    .all()
    .map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue) }));
}
