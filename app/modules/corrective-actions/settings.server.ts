import { eq } from "drizzle-orm";
import { settings } from "#db/schema";
import type { DB } from "#db/client";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { DEFAULT_ESCALATE_AFTER_DAYS } from "./rules";

export const ESCALATE_KEY = "ca.escalateAfterDays";

/** N: an action more than N days overdue is escalated to the officers of the parent unit. */
export function getEscalateAfterDays(db: DB | Tx): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, ESCALATE_KEY)).get();
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_ESCALATE_AFTER_DAYS;
}

export function setEscalateAfterDays(ctx: Ctx, days: number) {
  requireCapability(ctx.actor, "settings.manage");
  return write(ctx, (tx) => {
    const before = getEscalateAfterDays(tx);
    const updatedById = ctx.actor.kind === "user" ? ctx.actor.id : null;
    tx.insert(settings)
      .values({ key: ESCALATE_KEY, value: String(days), updatedById, updatedAt: ctx.now.getTime() })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(days), updatedById, updatedAt: ctx.now.getTime() } })
      .run();
    recordTrail(tx, ctx, { entity: "setting", entityId: ESCALATE_KEY, action: "update", before: { value: before }, after: { value: days } });
    return days;
  });
}
