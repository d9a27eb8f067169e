import type { DB } from "#db/client";
import { config } from "~/lib/config.server";
import { procedureOptions } from "../procedures/queries.server";
import type { Scope } from "../units/scope.server";
import { clauseOptions, writableUnits } from "./queries.server";

/** Choices for the document form: units still in existence in the scope, the clause list, their procedures. */
export function documentFormOptions(db: DB, scope: Scope, day: string, unitIds?: number[]) {
  const units = writableUnits(db, scope, day);
  const ids = unitIds ?? units.map((u) => u.id);
  return { units, clauses: clauseOptions(db), procedures: procedureOptions(db, ids), maxBytes: config().uploadMaxBytes };
}
