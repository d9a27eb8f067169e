import { and, eq, inArray, ne } from "drizzle-orm";
import { documentClauses, documentPeople, documentProcedures, documents, isoClauses, procedures, users, type DocumentPersonRole } from "#db/schema";
import { ConflictError, InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import type { Tx } from "../tx.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { validOn } from "../units/rules";
import { vnDay } from "~/lib/time";
import type { DocumentEditInput } from "./schema";

/** The unit a new record is filed under: in the actor's scope and still in existence (not merged away). */
export function unitForNewRecord(ctx: Ctx, unitId: number, field = "unitId") {
  try {
    const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
    if (!validOn(unit, vnDay(ctx.now))) throw new InvalidInputError("errors.invalid", {}, { [field]: ["documents.errors.unitDissolved"] });
    return unit;
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    throw new InvalidInputError("errors.invalid", {}, { [field]: ["documents.errors.unit"] });
  }
}

/** Register checks that need the database: unique code in the unit, known clauses, the unit's own procedures. */
export function checkRegister(tx: Tx, unitId: number, input: DocumentEditInput, selfId?: number) {
  const clash = tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.unitId, unitId), eq(documents.code, input.code), selfId ? ne(documents.id, selfId) : undefined))
    .get();
  if (clash) throw new ConflictError("errors.invalid", {}, { code: ["documents.errors.codeTaken"] });
  const clauseCodes = [...new Set(input.clauseCodes)];
  if (clauseCodes.length) {
    const known = tx.select({ code: isoClauses.code }).from(isoClauses).where(inArray(isoClauses.code, clauseCodes)).all();
    if (known.length !== clauseCodes.length) throw new InvalidInputError("errors.invalid", {}, { clauseCodes: ["documents.errors.clause"] });
  }
  const procedureIds = [...new Set(input.procedureIds)];
  if (procedureIds.length) {
    if (input.kind !== "process") throw new InvalidInputError("errors.invalid", {}, { procedureIds: ["documents.errors.proceduresOnlyProcess"] });
    const own = tx
      .select({ id: procedures.id })
      .from(procedures)
      .where(and(inArray(procedures.id, procedureIds), eq(procedures.unitId, unitId)))
      .all();
    if (own.length !== procedureIds.length) throw new InvalidInputError("errors.invalid", {}, { procedureIds: ["documents.errors.procedure"] });
  }
  return { clauseCodes, procedureIds, people: checkPeople(tx, unitId, input) };
}

/** Owners and participants: accounts of the document's own unit; someone in both lists is an owner. Undefined: unchanged. */
function checkPeople(tx: Tx, unitId: number, input: DocumentEditInput): { userId: number; role: DocumentPersonRole }[] | undefined {
  if (!input.peopleSet && input.ownerIds === undefined && input.participantIds === undefined) return undefined;
  const owners = [...new Set(input.ownerIds ?? [])];
  const participants = [...new Set(input.participantIds ?? [])].filter((id) => !owners.includes(id));
  const all = [...owners, ...participants];
  if (all.length) {
    const own = tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, all), eq(users.unitId, unitId)))
      .all();
    if (own.length !== all.length) {
      const field = owners.some((id) => !own.some((o) => o.id === id)) ? "ownerIds" : "participantIds";
      throw new InvalidInputError("errors.invalid", {}, { [field]: ["documents.errors.person"] });
    }
  }
  return [...owners.map((userId) => ({ userId, role: "owner" as const })), ...participants.map((userId) => ({ userId, role: "participant" as const }))];
}

export function setPeople(tx: Tx, documentId: number, people: { userId: number; role: DocumentPersonRole }[] | undefined) {
  if (!people) return;
  tx.delete(documentPeople).where(eq(documentPeople.documentId, documentId)).run();
  for (const p of people)
    tx.insert(documentPeople)
      .values({ documentId, ...p })
      .run();
}

export function setLinks(tx: Tx, documentId: number, clauseCodes: string[], procedureIds: number[]) {
  tx.delete(documentClauses).where(eq(documentClauses.documentId, documentId)).run();
  tx.delete(documentProcedures).where(eq(documentProcedures.documentId, documentId)).run();
  for (const c of clauseCodes) tx.insert(documentClauses).values({ documentId, clauseCode: c }).run();
  for (const p of procedureIds) tx.insert(documentProcedures).values({ documentId, procedureId: p }).run();
}

export function linksOf(tx: Tx, documentId: number) {
  return {
    clauseCodes: tx
      .select({ c: documentClauses.clauseCode })
      .from(documentClauses)
      .where(eq(documentClauses.documentId, documentId))
      .all()
      .map((r) => r.c)
      .sort(),
    procedureIds: tx
      .select({ p: documentProcedures.procedureId })
      .from(documentProcedures)
      .where(eq(documentProcedures.documentId, documentId))
      .all()
      .map((r) => r.p)
      .sort((a, b) => a - b),
    ownerIds: peopleOf(tx, documentId, "owner"),
    participantIds: peopleOf(tx, documentId, "participant"),
  };
}

function peopleOf(tx: Tx, documentId: number, role: DocumentPersonRole) {
  return tx
    .select({ u: documentPeople.userId })
    .from(documentPeople)
    .where(and(eq(documentPeople.documentId, documentId), eq(documentPeople.role, role)))
    .all()
    .map((r) => r.u)
    .sort((a, b) => a - b);
}
