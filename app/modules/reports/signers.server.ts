import { and, eq, like } from "drizzle-orm";
import { users } from "#db/schema";
import type { Ctx } from "../context";

/**
 * Who signs for a unit: its chair on record (an active leader titled "Chủ tịch…"), if it has one. Without one the
 * signature line is left blank (or names the head's function), never a made-up name.
 */
export function chairOf(ctx: Ctx, unitId: number): { name: string; title: string | null } | undefined {
  return ctx.db
    .select({ name: users.fullName, title: users.title })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, "leader"), eq(users.active, true), like(users.title, "Chủ tịch%")))
    .get();
}
