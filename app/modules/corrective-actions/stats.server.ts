import { sql } from "drizzle-orm";
import { caSignatures, correctiveActions, units } from "#db/schema";
import type { Ctx } from "../context";
import { inScope } from "../units/scope.server";
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
 * Per unit in `ctx.scope` (only units that have actions): what the reports and the compliance checklist need.
 * Two grouped queries, whatever the number of actions. `day` is explicit because a report counts what was
 * overdue at its period's end, not today.
 */
export function correctiveActionStatsForUnits(ctx: Ctx, day: string): CorrectiveActionUnitStats[] {
  const { db, scope } = ctx;
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
