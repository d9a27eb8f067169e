import { asc, desc, eq, gt } from "drizzle-orm";
import type { DB } from "#db/client";
import { trail } from "#db/schema";
import { appendCheckpoint, createTrailKey, readTrailKey, setTrailKeyState } from "~/lib/trail-key.server";
import { GENESIS_HASH, recordTrail, trailHash } from "./record.server";
import { write } from "../tx.server";
import { makeCtx } from "../context.server";

/** Whether the chain's first row was hashed without a key (a chain from before issue 15, or a freshly seeded one). */
export function chainIsUnkeyed(db: DB): boolean {
  const first = db.select().from(trail).orderBy(asc(trail.id)).limit(1).get();
  return !first || (first.prevHash === GENESIS_HASH && trailHash(GENESIS_HASH, first) === first.hash);
}

/**
 * Rehash the whole chain from `oldKey` (null: plain SHA-256) to `newKey`, after checking it under the old one:
 * a broken chain is never blessed by rehashing. One IMMEDIATE transaction; returns the number of rows.
 */
export function rehashChain(db: DB, oldKey: Buffer | null, newKey: Buffer): number {
  return db.transaction(
    (tx) => {
      let prevOld = GENESIS_HASH;
      let prevNew = GENESIS_HASH;
      let lastId = 0;
      let n = 0;
      for (;;) {
        const page = tx.select().from(trail).where(gt(trail.id, lastId)).orderBy(asc(trail.id)).limit(5000).all();
        if (!page.length) return n;
        for (const r of page) {
          if (r.prevHash !== prevOld || trailHash(prevOld, r, oldKey) !== r.hash) throw new Error(`trail broken at row ${r.id}: refusing to rehash it`);
          const hash = trailHash(prevNew, r, newKey);
          tx.update(trail).set({ prevHash: prevNew, hash }).where(eq(trail.id, r.id)).run();
          prevOld = r.hash;
          prevNew = hash;
          lastId = r.id;
          n++;
        }
      }
    },
    { behavior: "immediate" },
  );
}

/**
 * Called by every process that opens the data folder for writing (server, scheduler, job and report commands):
 * load the trail key, or create it on first start and key the existing chain with it (one trail row records
 * from which row on). A keyed chain whose key file is missing is an error: never a silent new key.
 */
export function prepareTrail(db: DB, dataDir: string, now: Date): { key: Buffer; keyedRows?: number } {
  let key = readTrailKey(dataDir);
  if (key) {
    setTrailKeyState({ key, dataDir });
    return { key };
  }
  if (!chainIsUnkeyed(db))
    throw new Error(
      `the audit trail is keyed but its key file ${dataDir}/keys/trail.key is missing: restore it from its backup (README, "Audit trail"); refusing to start with a new key`,
    );
  key = createTrailKey(dataDir);
  const rows = rehashChain(db, null, key);
  setTrailKeyState({ key, dataDir });
  const ctx = makeCtx(db, { kind: "system", name: "trail" }, now);
  write(ctx, (tx) => recordTrail(tx, ctx, { entity: "trail", entityId: "key", action: "keyed", after: { rowsKeyed: rows } }));
  return { key, keyedRows: rows };
}

/** Rotation: rehash the chain under a new key, write it, and mark the checkpoint log (README, "Audit trail"). */
export function rotateTrailKey(db: DB, dataDir: string, oldKey: Buffer, newKey: Buffer, now: Date) {
  const rows = rehashChain(db, oldKey, newKey);
  const last = db.select({ id: trail.id, hash: trail.hash }).from(trail).orderBy(desc(trail.id)).limit(1).get();
  setTrailKeyState({ key: newKey, dataDir });
  if (last) appendCheckpoint({ key: newKey, dataDir }, "rekey", last.id, last.hash, now);
  return rows;
}
