import { createHash, createHmac } from "node:crypto";
import { desc } from "drizzle-orm";
import { trail } from "#db/schema";
import { notePendingCheckpoint, trailKeyState } from "~/lib/trail-key.server";
import { markFactsStale } from "../compliance/facts-cache.server";
import type { Ctx } from "../context";
import type { Tx } from "../tx.server";
import type { TrailAction } from "./vocabulary";

export const GENESIS_HASH = "0".repeat(64);

export type TrailInput = {
  entity: string;
  entityId: string | number;
  action: TrailAction;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
};

type TrailRowContent = {
  at: number;
  actorKind: "user" | "job" | "system";
  actorUserId: number | null;
  actorName: string;
  unitId: number | null;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
};

/**
 * The chained hash: any change to a row, or removal of one, breaks every link after it. With the data folder's
 * key (DATA_DIR/keys/trail.key) it is HMAC-SHA256(key, prev hash + row), so nobody without the key can recompute
 * the chain after editing a row; without a key (unit tests, a chain from before issue 15) plain SHA-256.
 */
export function trailHash(prevHash: string, row: TrailRowContent, key?: Buffer | null): string {
  const canonical = JSON.stringify([
    row.at,
    row.actorKind,
    row.actorUserId,
    row.actorName,
    row.unitId,
    row.entity,
    row.entityId,
    row.action,
    row.before,
    row.after,
  ]);
  const h = key ? createHmac("sha256", key) : createHash("sha256");
  return h.update(prevHash).update("\n").update(canonical).digest("hex");
}

function json(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return JSON.stringify(v, (_k, val) => (val instanceof Date ? val.toISOString() : val));
}

/** Never log secrets into the trail. */
const REDACT = new Set(["passwordHash", "password", "token"]);
export function redact<T>(row: T): T {
  if (!row || typeof row !== "object") return row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = REDACT.has(k) ? "[redacted]" : v;
  return out as T;
}

/** Entities whose changes never alter a unit's compliance facts. */
const FACT_NEUTRAL = new Set(["report"]);

/**
 * Append one trail row. Call it inside the same (immediate) transaction as the change it describes, with the
 * transaction handle as `tx`, so the change and its record commit or roll back together.
 */
export function recordTrail(tx: Tx | Ctx["db"], ctx: Pick<Ctx, "actor" | "now">, input: TrailInput) {
  const last = tx.select({ hash: trail.hash }).from(trail).orderBy(desc(trail.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const a = ctx.actor;
  const row: TrailRowContent = {
    at: ctx.now.getTime(),
    actorKind: a.kind,
    actorUserId: a.kind === "user" ? a.id : null,
    actorName: a.name,
    unitId: input.unitId ?? null,
    entity: input.entity,
    entityId: String(input.entityId),
    action: input.action,
    before: json(redact(input.before)),
    after: json(redact(input.after)),
  };
  const hash = trailHash(prevHash, row, trailKeyState()?.key);
  const inserted = tx
    .insert(trail)
    .values({ ...row, prevHash, hash })
    .returning({ id: trail.id })
    .get();
  notePendingCheckpoint(inserted.id, hash);
  // Every change passes here, so derived summaries are invalidated here, in the same transaction (a report
  // being produced changes no fact: a monthly run would otherwise clear every unit's).
  if (!FACT_NEUTRAL.has(row.entity)) markFactsStale(tx, row.unitId);
  return hash;
}

/**
 * SHA-256 of a record's canonical fields (a signature, an issued report), written into its trail row so that the
 * chain covers the record: an inserted, altered or removed one no longer matches (verify.server.ts).
 */
export function recordHash(fields: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}
