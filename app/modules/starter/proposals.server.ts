import { and, asc, eq, inArray } from "drizzle-orm";
import { documentClauses, documentProcedures, documents, procedures } from "#db/schema";
import type { Ctx } from "../context";
import type { Reader } from "../tx.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { proposeStartingSystem, type CatalogueProcedure, type KeptDocument } from "./rules";

/** What the proposals are made from: the unit's active catalogue and its documents still managed (draft or in force). */
export function startingState(db: Reader, unitId: number): { procedures: CatalogueProcedure[]; docs: KeptDocument[] } {
  const catalogue = db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, field: procedures.field, processingTime: procedures.processingTime })
    .from(procedures)
    .where(and(eq(procedures.unitId, unitId), eq(procedures.active, true)))
    .orderBy(asc(procedures.field), asc(procedures.code))
    .all();
  const rows = db
    .select({ id: documents.id, code: documents.code, kind: documents.kind, status: documents.status })
    .from(documents)
    .where(eq(documents.unitId, unitId))
    .all();
  const managed = rows.filter((d) => d.status !== "obsolete").map((d) => d.id);
  const clauses = new Map<number, string[]>();
  const procs = new Map<number, number[]>();
  if (managed.length) {
    for (const c of db.select().from(documentClauses).where(inArray(documentClauses.documentId, managed)).all())
      clauses.set(c.documentId, [...(clauses.get(c.documentId) ?? []), c.clauseCode]);
    for (const p of db.select().from(documentProcedures).where(inArray(documentProcedures.documentId, managed)).all())
      procs.set(p.documentId, [...(procs.get(p.documentId) ?? []), p.procedureId]);
  }
  // Every code of the unit stays taken (a withdrawn document keeps its code); only managed documents cover anything.
  const docs: KeptDocument[] = rows.map((d) =>
    d.status === "obsolete"
      ? { code: d.code, kind: "form", clauseCodes: [], procedureIds: [] }
      : { code: d.code, kind: d.kind, clauseCodes: clauses.get(d.id) ?? [], procedureIds: procs.get(d.id) ?? [] },
  );
  return { procedures: catalogue, docs };
}

/** The starting-system screen of a unit in the reader's scope (another unit: not found). */
export function startingProposals(ctx: Ctx, unitId: number) {
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  const state = startingState(ctx.db, unit.id);
  return {
    unit: { id: unit.id, name: unit.name },
    catalogue: state.procedures.length,
    proposals: proposeStartingSystem(state.procedures, state.docs),
  };
}
