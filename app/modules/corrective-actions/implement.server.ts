import { eq } from "drizzle-orm";
import { caEvidence, correctiveActions } from "#db/schema";
import type { Ctx } from "../context";
import { insertFileRow, storeUpload, type StoredFile } from "../files/store.server";
import { notify } from "../notifications/notify.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { actorId, getActionInScopeOrThrow } from "./access.server";
import { requireStep } from "./guard.server";
import { link } from "./notices";
import { peopleOf } from "./unit-people.server";

export type EvidenceUpload = { uploadsDir: string; maxBytes: number; files: File[] };

/**
 * The owner (or an officer for them) records the action as implemented, with a note and evidence files. Files are
 * checked and written before the transaction (async); their rows are inserted inside it.
 */
export async function implementCorrectiveAction(ctx: Ctx, actionId: number, input: { note: string }, upload?: EvidenceUpload) {
  const pre = getActionInScopeOrThrow(ctx.db, ctx, actionId);
  requireStep(ctx.db, ctx.actor, "implement", pre);
  const stored: StoredFile[] = [];
  for (const f of upload?.files ?? []) {
    if (f.size === 0) continue; // an empty file input sends an empty part
    stored.push(await storeUpload(upload!.uploadsDir, f, { field: "evidence", kinds: ["pdf", "docx", "xlsx", "image"], maxBytes: upload!.maxBytes }));
  }
  return write(ctx, (tx) => {
    const a = getActionInScopeOrThrow(tx, ctx, actionId);
    requireStep(tx, ctx.actor, "implement", a);
    const t = ctx.now.getTime();
    const after = tx
      .update(correctiveActions)
      .set({
        status: "implemented",
        implementedAt: t,
        implementedOn: ctx.today,
        implementedById: actorId(ctx.actor),
        implementationNote: input.note,
        updatedAt: t,
      })
      .where(eq(correctiveActions.id, actionId))
      .returning()
      .get();
    const fileIds: number[] = [];
    for (const s of stored) {
      const file = insertFileRow(tx, ctx, s, a.unitId);
      tx.insert(caEvidence)
        .values({ actionId, fileId: file.id, addedById: actorId(ctx.actor), addedAt: t })
        .run();
      fileIds.push(file.id);
    }
    recordTrail(tx, ctx, {
      entity: "corrective_action",
      entityId: actionId,
      action: "implement",
      unitId: a.unitId,
      before: { status: a.status },
      after: { status: after.status, note: input.note, fileIds },
    });
    const me = actorId(ctx.actor);
    notify(tx, ctx, {
      recipients: peopleOf(tx, a.unitId, ["officer"])
        .map((p) => p.id)
        .filter((id) => id !== me && id !== a.ownerId),
      kind: "ca.implemented",
      key: `ca:${a.id}:implemented:${t}`,
      params: { id: a.id, description: a.description.slice(0, 120) },
      link: link(a.id),
      unitId: a.unitId,
    });
    return after;
  });
}
