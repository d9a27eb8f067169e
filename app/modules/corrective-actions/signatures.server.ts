import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { caRequests, caSignatures, correctiveActions, findings, trail } from "#db/schema";
import type { Reader } from "../tx.server";
import { recordHash } from "../trail/record.server";
import type { ActionRow } from "./access.server";

// What a leader's acknowledgement covers (issue 15). Since version 2 the leader signs what the signing page shows:
// the finding (text, grade, clause), the correction, the root-cause analysis and every action of the finding with
// its owner and due date, as one canonical snapshot; its SHA-256 is the signature's content hash. Any change to
// any part voids the signature; a change reverted to exactly the signed content makes it count again (and the
// action's status follows: resync.server.ts). Signatures of version 1 (before issue 15) covered only the action's
// text, owner and due date and are still judged by that rule.

export type AckSnapshot = {
  v: 2;
  actionId: number;
  finding: { id: number; description: string; gradeCode: string; clauseCode: string | null };
  request: { correction: string | null; rootCauseMethod: string; whys: string[]; rootCause: string | null } | null;
  actions: { id: number; description: string; ownerId: number; dueOn: string }[];
};
type LegacyContent = { description: string; ownerId: number; dueOn: string };

/** The canonical snapshot a leader signs for action `a` (read through the verb's transaction or the page's db). */
export function acknowledgementSnapshot(db: Reader, a: Pick<ActionRow, "id" | "findingId">): AckSnapshot {
  const f = db
    .select({ id: findings.id, description: findings.description, gradeCode: findings.gradeCode, clauseCode: findings.clauseCode })
    .from(findings)
    .where(eq(findings.id, a.findingId))
    .get();
  const r = db.select().from(caRequests).where(eq(caRequests.findingId, a.findingId)).get();
  const actions = db
    .select({ id: correctiveActions.id, description: correctiveActions.description, ownerId: correctiveActions.ownerId, dueOn: correctiveActions.dueOn })
    .from(correctiveActions)
    .where(eq(correctiveActions.findingId, a.findingId))
    .orderBy(asc(correctiveActions.id))
    .all();
  return {
    v: 2,
    actionId: a.id,
    finding: { id: f?.id ?? a.findingId, description: f?.description ?? "", gradeCode: f?.gradeCode ?? "", clauseCode: f?.clauseCode ?? null },
    request: r
      ? { correction: r.correction, rootCauseMethod: r.rootCauseMethod, whys: r.whys ? (JSON.parse(r.whys) as string[]) : [], rootCause: r.rootCause ?? null }
      : null,
    actions: actions.map((x) => ({ id: x.id, description: x.description, ownerId: x.ownerId, dueOn: x.dueOn })),
  };
}

/** The stored form of a snapshot (fixed key order) and its SHA-256. */
export function snapshotJson(s: AckSnapshot): string {
  return JSON.stringify(s);
}
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Version 1 (before issue 15): the action's text, owner and due date only. Still used for the notices' dedupe key. */
export function contentHash(a: Pick<ActionRow, "description" | "ownerId" | "dueOn">): string {
  return sha256(JSON.stringify([a.description, a.ownerId, a.dueOn]));
}

export type SignatureRow = typeof caSignatures.$inferSelect;

/** The signature row's canonical hash, written into its acknowledgement's trail row (the chain covers the row). */
export function signatureRowHash(s: SignatureRow): string {
  return recordHash([s.id, s.actionId, s.unitId, s.signerId, s.signerName, s.signerTitle, s.capacity, s.comment, s.contentHash, s.content, s.signedAt]);
}

export function parseSignedContent(s: Pick<SignatureRow, "content">): { v: 2; snapshot: AckSnapshot } | { v: 1; legacy: LegacyContent } {
  const c = JSON.parse(s.content) as AckSnapshot | LegacyContent;
  return "v" in c && c.v === 2 ? { v: 2, snapshot: c } : { v: 1, legacy: c as LegacyContent };
}

/** The acknowledgement's trail row (action "acknowledge", after.signatureId = the row's id), if any. */
export function signatureTrailAfter(db: Reader, s: Pick<SignatureRow, "id" | "actionId">): Record<string, unknown> | undefined {
  const rows = db
    .select({ after: trail.after })
    .from(trail)
    .where(and(eq(trail.entity, "corrective_action"), eq(trail.entityId, String(s.actionId)), eq(trail.action, "acknowledge")))
    .all();
  for (const r of rows) {
    const after = r.after ? (JSON.parse(r.after) as Record<string, unknown>) : {};
    if (after.signatureId === s.id) return after;
  }
  return undefined;
}

/**
 * Why a signature row is not to be trusted, or null: its content does not hash to its content hash, or the trail
 * holds no acknowledgement for it, or the trail's record of it differs (a row inserted or rewritten in the file).
 */
export function signatureFault(db: Reader, s: SignatureRow): string | null {
  const c = parseSignedContent(s);
  const own = c.v === 2 ? sha256(s.content) : contentHash(c.legacy);
  if (own !== s.contentHash) return "content does not match its content hash";
  const after = signatureTrailAfter(db, s);
  if (!after) return "no acknowledgement in the trail records this signature (inserted outside the app?)";
  if (typeof after.signatureHash === "string") return after.signatureHash === signatureRowHash(s) ? null : "the row differs from what the trail recorded";
  return after.contentHash === s.contentHash ? null : "the content hash differs from what the trail recorded";
}

/** Whether `s` covers the current content of `a` (version 2: the whole snapshot; version 1: the action alone). */
export function coversCurrent(db: Reader, s: SignatureRow, a: ActionRow): boolean {
  const c = parseSignedContent(s);
  return c.v === 2 ? sha256(snapshotJson(acknowledgementSnapshot(db, a))) === s.contentHash : contentHash(a) === s.contentHash;
}

/** The newest signature, if it is sound and still matches the content: the acknowledgement that counts. */
export function validAcknowledgement(db: Reader, a: ActionRow) {
  const latest = db.select().from(caSignatures).where(eq(caSignatures.actionId, a.id)).orderBy(desc(caSignatures.id)).limit(1).get();
  return latest && coversCurrent(db, latest, a) && !signatureFault(db, latest) ? latest : undefined;
}

export function everAcknowledged(db: Reader, actionId: number): boolean {
  return !!db.select({ id: caSignatures.id }).from(caSignatures).where(eq(caSignatures.actionId, actionId)).limit(1).get();
}
