import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { hashPassword, verifyPassword } from "./password.server";
import { deleteOtherSessions } from "./sessions.server";

/** Change one's own password; every other session of the account ends (a stolen cookie stops working). */
export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string; sessionId: string }) {
  const me = requireUserActor(ctx.actor);
  const row = ctx.db.select({ passwordHash: users.passwordHash, unitId: users.unitId }).from(users).where(eq(users.id, me.id)).get();
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new InvalidInputError("errors.invalid", {}, { currentPassword: ["people.errors.wrongPassword"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  write(ctx, (tx) => {
    const now = ctx.now.getTime();
    tx.update(users).set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now }).where(eq(users.id, me.id)).run();
    deleteOtherSessions(tx, me.id, input.sessionId);
    recordTrail(tx, ctx, { entity: "user", entityId: me.id, action: "change-password", unitId: row.unitId });
  });
}
