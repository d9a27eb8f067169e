import { and, eq, inArray, or, sql } from "drizzle-orm";
import { unitLineage, units, users, type Role } from "#db/schema";
import type { Reader } from "../tx.server";

// The people of an action's unit: who may own it, who hears about it. A finding of a merged commune is followed
// up by its successor, so the unit's successors count as the unit.

/** The unit and the units formed from it (a finding of a merged commune is followed up by its successor). */
export function unitAndSuccessors(db: Reader, unitId: number): number[] {
  const succ = db.select({ id: unitLineage.unitId }).from(unitLineage).where(eq(unitLineage.predecessorId, unitId)).all();
  return [unitId, ...succ.map((s) => s.id)];
}

/** Active people with a role in the unit (or its successors). */
export function peopleOf(db: Reader, unitId: number, roles: Role[]): { id: number; fullName: string; title: string | null; role: Role }[] {
  return db
    .select({ id: users.id, fullName: users.fullName, title: users.title, role: users.role })
    .from(users)
    .where(and(inArray(users.unitId, unitAndSuccessors(db, unitId)), inArray(users.role, roles), eq(users.active, true)))
    .orderBy(users.fullName)
    .all();
}

/** Officers of the unit above (who hears about escalations). */
export function parentOfficers(db: Reader, unitId: number) {
  const unit = db.select({ parentId: units.parentId }).from(units).where(eq(units.id, unitId)).get();
  if (!unit?.parentId) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unit.parentId), eq(users.role, "officer"), eq(users.active, true)))
    .all()
    .map((u) => u.id);
}

/** Who may own an action of this unit: its active people (any role), or those of its successors. */
export function ownerChoices(db: Reader, unitId: number) {
  return db
    .select({ id: users.id, fullName: users.fullName, title: users.title })
    .from(users)
    .where(and(or(inArray(users.unitId, unitAndSuccessors(db, unitId))), eq(users.active, true), sql`${users.role} <> 'admin'`))
    .orderBy(users.fullName)
    .all();
}
