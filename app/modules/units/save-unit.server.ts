import { eq, sql } from "drizzle-orm";
import { unitLineage, units } from "#db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { writeOnce } from "../form-once.server";
import { childPath, lineageCreatesCycle, parentAllowed, rootDepth } from "./rules";
import type { UnitInput } from "./schema";
import { getUnitInScopeOrThrow, pathInScope } from "./scope.server";

function checkParentAndCode(tx: Tx, ctx: Ctx, input: UnitInput, current?: { id: number; parentId: number | null }) {
  const selfId = current?.id;
  const scope = ctx.scope;
  const parent = input.parentId ? tx.select().from(units).where(eq(units.id, input.parentId)).get() : undefined;
  // Keeping a unit where it is needs no right over its parent (an administrator may edit their own unit).
  const parentUnchanged = current !== undefined && (input.parentId ?? null) === current.parentId;
  if (input.parentId && (!parent || (!parentUnchanged && !pathInScope(scope, parent.path)))) {
    throw new InvalidInputError("errors.invalid", {}, { parentId: ["units.errors.parent"] });
  }
  // A top-level unit (province) can only be placed at the top by someone whose scope is everywhere.
  if (!parent && !parentUnchanged && !scope.prefixes.includes("/"))
    throw new InvalidInputError("errors.invalid", {}, { parentId: ["units.errors.parentRequired"] });
  if (!parentAllowed(input.kind, parent?.kind ?? null)) {
    throw new InvalidInputError("errors.invalid", {}, { parentId: ["units.errors.parentKind"] });
  }
  if (parent && selfId !== undefined && parent.path.includes(`/${selfId}/`)) {
    throw new InvalidInputError("errors.invalid", {}, { parentId: ["units.errors.parentCycle"] });
  }
  const clash = tx.select({ id: units.id }).from(units).where(eq(units.code, input.code)).get();
  if (clash && clash.id !== selfId) throw new ConflictError("errors.invalid", {}, { code: ["units.errors.codeTaken"] });
  for (const pid of input.predecessorIds) {
    const p = tx.select({ id: units.id, path: units.path }).from(units).where(eq(units.id, pid)).get();
    if (!p || !pathInScope(scope, p.path) || pid === selfId)
      throw new InvalidInputError("errors.invalid", {}, { predecessorIds: ["units.errors.predecessor"] });
  }
  return parent;
}

function setLineage(tx: Tx, unitId: number, predecessorIds: number[]) {
  const predsOf = (id: number) =>
    tx
      .select({ id: unitLineage.predecessorId })
      .from(unitLineage)
      .where(eq(unitLineage.unitId, id))
      .all()
      .map((r) => r.id);
  if (lineageCreatesCycle(unitId, predecessorIds, predsOf)) {
    throw new InvalidInputError("errors.invalid", {}, { predecessorIds: ["units.errors.lineageCycle"] });
  }
  tx.delete(unitLineage).where(eq(unitLineage.unitId, unitId)).run();
  for (const pid of new Set(predecessorIds)) tx.insert(unitLineage).values({ unitId, predecessorId: pid }).run();
}

export function createUnit(ctx: Ctx, input: UnitInput) {
  requireCapability(ctx.actor, "units.manage");
  return writeOnce(ctx, (tx) => {
    const parent = checkParentAndCode(tx, ctx, input);
    const now = ctx.now.getTime();
    const row = tx
      .insert(units)
      .values({
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        placeName: input.placeName,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        path: "/pending/",
        depth: parent ? parent.depth + 1 : rootDepth(input.kind),
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    const path = childPath(parent?.path ?? null, row.id);
    tx.update(units).set({ path }).where(eq(units.id, row.id)).run();
    setLineage(tx, row.id, input.predecessorIds);
    const created = { ...row, path, predecessorIds: input.predecessorIds };
    recordTrail(tx, ctx, { entity: "unit", entityId: row.id, action: "create", unitId: row.id, after: created });
    return created;
  });
}

export function updateUnit(ctx: Ctx, unitId: number, input: UnitInput) {
  requireCapability(ctx.actor, "units.manage");
  const scope = ctx.scope;
  const before = getUnitInScopeOrThrow(ctx.db, scope, unitId);
  return write(ctx, (tx) => {
    const current = tx.select().from(units).where(eq(units.id, unitId)).get();
    if (!current) throw new NotFoundError("errors.notFound");
    const parent = checkParentAndCode(tx, ctx, input, current);
    const newPath = childPath(parent?.path ?? null, unitId);
    const beforePreds = tx
      .select({ id: unitLineage.predecessorId })
      .from(unitLineage)
      .where(eq(unitLineage.unitId, unitId))
      .all()
      .map((r) => r.id);
    tx.update(units)
      .set({
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        placeName: input.placeName,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        updatedAt: ctx.now.getTime(),
      })
      .where(eq(units.id, unitId))
      .run();
    if (newPath !== current.path) {
      // Moving a unit moves its whole subtree: rewrite every descendant's path prefix and depth.
      const depthDelta = (parent ? parent.depth + 1 : rootDepth(input.kind)) - current.depth;
      tx.run(sql`UPDATE units SET path = ${newPath} || substr(path, ${current.path.length + 1}), depth = depth + ${depthDelta}
                 WHERE path GLOB ${current.path + "*"}`);
    }
    setLineage(tx, unitId, input.predecessorIds);
    const after = tx.select().from(units).where(eq(units.id, unitId)).get()!;
    recordTrail(tx, ctx, {
      entity: "unit",
      entityId: unitId,
      action: "update",
      unitId,
      before: { ...before, predecessorIds: beforePreds },
      after: { ...after, predecessorIds: input.predecessorIds },
    });
    return after;
  });
}
