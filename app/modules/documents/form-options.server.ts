import { config } from "~/lib/config.server";
import type { Ctx } from "../context";
import { procedureOptions } from "../procedures/queries.server";
import { clauseOptions, writableUnits } from "./queries.server";

/** Choices for the document form: units still in existence in the scope, the clause list, their procedures. */
export function documentFormOptions(ctx: Ctx, unitIds?: number[]) {
  const units = writableUnits(ctx);
  const ids = unitIds ?? units.map((u) => u.id);
  return { units, clauses: clauseOptions(ctx.db), procedures: procedureOptions(ctx.db, ids), maxBytes: config().uploadMaxBytes };
}
