import { eq } from "drizzle-orm";
import type { DB } from "#db/client";
import { correctiveActions, findings } from "#db/schema";
import { insertFinding, type FindingSeed } from "#db/seed-actions";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { implementCorrectiveAction } from "~/modules/corrective-actions/implement.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { startCorrectiveAction } from "~/modules/corrective-actions/start.server";
import { actorOf, ctxOf } from "../support/db";

export const PASSWORD = "IsoXa@2026";
export const NOW = new Date("2026-11-25T03:00:00Z"); // 25/11/2026 10:00 in Vietnam
export const at = (iso: string) => new Date(iso);

export function finding(db: DB, over: Partial<FindingSeed> = {}) {
  return insertFinding(db, {
    unitCode: "DT-LAIVUNG",
    source: "internal_audit",
    grade: "minor",
    clause: "8.5",
    description: "Hồ sơ thiếu phiếu kiểm soát",
    foundOn: "2026-11-20",
    actionDueOn: "2027-01-20",
    ...over,
  });
}

export function withRequest(db: DB, findingId: number, now = NOW) {
  return saveCaRequest(ctxOf(db, "thuky.laivung", now), findingId, {
    correction: "Đã bổ sung phiếu",
    rootCauseMethod: "five_whys",
    why1: "Không lập phiếu",
    why2: "Quy trình không quy định",
  });
}

export function proposed(db: DB, over: { owner?: string; dueOn?: string; grade?: FindingSeed["grade"] } = {}) {
  const f = finding(db, over.grade ? { grade: over.grade } : {});
  withRequest(db, f.id);
  const a = addCorrectiveAction(ctxOf(db, "thuky.laivung", NOW), f.id, {
    description: "Sửa quy trình QT 02",
    ownerId: actorOf(db, over.owner ?? "congchuc.laivung").id,
    dueOn: over.dueOn ?? "2026-12-31",
  });
  return { f, a };
}

export async function acknowledged(db: DB, over: Parameters<typeof proposed>[1] = {}) {
  const r = proposed(db, over);
  await acknowledgeCorrectiveAction(ctxOf(db, "chutich.laivung", NOW), r.a.id, { password: PASSWORD, capacity: "own" });
  return r;
}

export async function inProgress(db: DB, over: Parameters<typeof proposed>[1] = {}) {
  const r = await acknowledged(db, over);
  startCorrectiveAction(ctxOf(db, over.owner ?? "congchuc.laivung", NOW), r.a.id);
  return r;
}

export async function implemented(db: DB, over: Parameters<typeof proposed>[1] = {}) {
  const r = await inProgress(db, over);
  await implementCorrectiveAction(ctxOf(db, over.owner ?? "congchuc.laivung", NOW), r.a.id, { note: "Đã sửa" });
  return r;
}

export const statusOf = (db: DB, id: number) => db.select().from(correctiveActions).where(eq(correctiveActions.id, id)).get()!;
export const findingOf = (db: DB, id: number) => db.select().from(findings).where(eq(findings.id, id)).get()!;
