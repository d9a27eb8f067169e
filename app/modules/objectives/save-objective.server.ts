import { eq } from "drizzle-orm";
import { qualityObjectives } from "#db/schema";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import type { ObjectiveInput } from "./schema";

function checkUnit(ctx: Ctx, unitId: number) {
  try {
    getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  } catch {
    throw new InvalidInputError("errors.invalid", {}, { unitId: ["errors.choose"] });
  }
}

/** Only a manual objective keeps a unit of its own; a computed measure's unit is the measure's. */
function unitOf(input: ObjectiveInput) {
  return { targetUnit: input.measure === "manual" ? input.targetUnit || null : null };
}

export function createObjective(ctx: Ctx, input: ObjectiveInput) {
  requireCapability(ctx.actor, "qms.write");
  checkUnit(ctx, input.unitId);
  return writeOnce(ctx, (tx) => {
    const t = ctx.now.getTime();
    const row = tx
      .insert(qualityObjectives)
      .values({ ...input, ...unitOf(input), manualValue: input.manualValue ?? null, note: input.note ?? null, createdAt: t, updatedAt: t })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "quality_objective", entityId: row.id, action: "create", unitId: row.unitId, after: row });
    return row;
  });
}

export function updateObjective(ctx: Ctx, id: number, input: ObjectiveInput) {
  requireCapability(ctx.actor, "qms.write");
  const scope = ctx.scope;
  checkUnit(ctx, input.unitId);
  return write(ctx, (tx) => {
    const before = tx.select().from(qualityObjectives).where(eq(qualityObjectives.id, id)).get();
    if (!before) throw new NotFoundError("errors.notFound");
    getUnitInScopeOrThrow(ctx.db, scope, before.unitId);
    const after = tx
      .update(qualityObjectives)
      .set({ ...input, ...unitOf(input), manualValue: input.manualValue ?? null, note: input.note ?? null, updatedAt: ctx.now.getTime() })
      .where(eq(qualityObjectives.id, id))
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "quality_objective", entityId: id, action: "update", unitId: after.unitId, before, after });
    return after;
  });
}
