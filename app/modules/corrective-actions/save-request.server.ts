import { eq } from "drizzle-orm";
import { caRequests } from "#db/schema";
import { ConflictError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { actorId, getFindingInScopeOrThrow } from "./access.server";
import { resyncAcknowledgements } from "./resync.server";
import type { RequestInput } from "./schema";

/** Create or update a finding's corrective action request (correction and root cause). */
export function saveCaRequest(ctx: Ctx, findingId: number, input: RequestInput) {
  requireCapability(ctx.actor, "ca.write");
  return write(ctx, (tx) => {
    const { f } = getFindingInScopeOrThrow(tx, ctx, findingId);
    if (f.status !== "open") throw new ConflictError("ca.errors.findingClosed");
    const whys = input.rootCauseMethod === "five_whys" ? [input.why1, input.why2, input.why3, input.why4, input.why5].filter((w): w is string => !!w) : [];
    const rootCause = input.rootCauseMethod === "five_whys" ? (input.rootCause ?? whys[whys.length - 1]!) : input.rootCause!;
    const values = {
      correction: input.correction,
      rootCauseMethod: input.rootCauseMethod,
      whys: whys.length ? JSON.stringify(whys) : null,
      rootCause,
      updatedAt: ctx.now.getTime(),
    };
    const before = tx.select().from(caRequests).where(eq(caRequests.findingId, findingId)).get();
    let row;
    if (before) {
      row = tx.update(caRequests).set(values).where(eq(caRequests.id, before.id)).returning().get();
    } else {
      row = tx
        .insert(caRequests)
        .values({ ...values, findingId, unitId: f.unitId, createdById: actorId(ctx.actor), createdAt: ctx.now.getTime() })
        .returning()
        .get();
    }
    recordTrail(tx, ctx, { entity: "ca_request", entityId: row.id, action: before ? "update" : "create", unitId: f.unitId, before, after: row });
    // The correction and the root cause are part of what the leader signed (issue 15).
    resyncAcknowledgements(tx, ctx, findingId);
    return row;
  });
}
