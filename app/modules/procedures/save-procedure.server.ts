import { and, eq, ne } from "drizzle-orm";
import { procedures } from "#db/schema";
import { ConflictError } from "~/lib/errors";
import type { Ctx } from "../context";
import { unitForNewRecord } from "../documents/register.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { getProcedureInScopeOrThrow } from "./queries.server";
import type { ProcedureInput } from "./schema";

function checkCode(tx: Tx, unitId: number, code: string, selfId?: number) {
  const clash = tx
    .select({ id: procedures.id })
    .from(procedures)
    .where(and(eq(procedures.unitId, unitId), eq(procedures.code, code), selfId ? ne(procedures.id, selfId) : undefined))
    .get();
  if (clash) throw new ConflictError("errors.invalid", {}, { code: ["procedures.errors.codeTaken"] });
}

/** Add one procedure to a unit's catalogue by hand. */
export function createProcedure(ctx: Ctx, input: ProcedureInput) {
  requireCapability(ctx.actor, "procedures.write");
  const unit = unitForNewRecord(ctx, input.unitId);
  return writeOnce(ctx, (tx) => {
    checkCode(tx, unit.id, input.code);
    const t = ctx.now.getTime();
    const row = tx
      .insert(procedures)
      .values({
        unitId: unit.id,
        code: input.code,
        name: input.name,
        field: input.field,
        processingTime: input.processingTime || null,
        onlineLevel: input.onlineLevel,
        active: input.active,
        createdAt: t,
        updatedAt: t,
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "procedure", entityId: row.id, action: "create", unitId: unit.id, after: row });
    return row;
  });
}

/** Edit a procedure; unpublishing it (active off) takes it out of the coverage count but keeps its history. */
export function updateProcedure(ctx: Ctx, id: number, input: Omit<ProcedureInput, "unitId">) {
  requireCapability(ctx.actor, "procedures.write");
  const before = getProcedureInScopeOrThrow(ctx, id);
  return write(ctx, (tx) => {
    checkCode(tx, before.unitId, input.code, id);
    tx.update(procedures)
      .set({
        code: input.code,
        name: input.name,
        field: input.field,
        processingTime: input.processingTime || null,
        onlineLevel: input.onlineLevel,
        active: input.active,
        updatedAt: ctx.now.getTime(),
      })
      .where(eq(procedures.id, id))
      .run();
    const after = tx.select().from(procedures).where(eq(procedures.id, id)).get()!;
    const { unitName: _u, ...b } = before;
    recordTrail(tx, ctx, { entity: "procedure", entityId: id, action: "update", unitId: before.unitId, before: b, after });
    return after;
  });
}
