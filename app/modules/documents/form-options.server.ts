import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { users } from "#db/schema";
import { config } from "~/lib/config.server";
import type { Ctx } from "../context";
import { procedureOptions } from "../procedures/queries.server";
import { clauseOptions, writableUnits } from "./queries.server";

/** Choices for the document form: units still in existence in the scope, the clause list, their procedures. */
export function documentFormOptions(ctx: Ctx, unitIds?: number[]) {
  const units = writableUnits(ctx);
  const ids = unitIds ?? units.map((u) => u.id);
  return { units, clauses: clauseOptions(ctx.db), procedures: procedureOptions(ctx.db, ids), people: unitPeople(ctx, ids), maxBytes: config().uploadMaxBytes };
}

/** Active accounts of those units: who may own or take part in a process document. */
function unitPeople(ctx: Ctx, unitIds: number[]) {
  if (!unitIds.length) return [];
  return ctx.db
    .select({ id: users.id, fullName: users.fullName, title: users.title, unitId: users.unitId })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.active, true), ne(users.role, "admin")))
    .orderBy(asc(users.fullName))
    .all();
}
