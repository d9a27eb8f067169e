import { asc, gt } from "drizzle-orm";
import type { DB } from "#db/client";
import { trail } from "#db/schema";
import { GENESIS_HASH, trailHash } from "./record.server";

export type TrailVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: number; reason: string };

/** Walk the chain in id order, in pages so memory stays flat on a national database. */
export function verifyTrail(db: DB, pageSize = 5000): TrailVerdict {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = db.select().from(trail).where(gt(trail.id, lastId)).orderBy(asc(trail.id)).limit(pageSize).all();
    if (page.length === 0) return { ok: true, rows };
    for (const r of page) {
      if (r.prevHash !== prev)
        return { ok: false, rows, brokenAtId: r.id, reason: "prev_hash does not match the previous row (a row was removed or reordered)" };
      if (trailHash(prev, r) !== r.hash) return { ok: false, rows, brokenAtId: r.id, reason: "content does not match its hash (the row was altered)" };
      prev = r.hash;
      lastId = r.id;
      rows++;
    }
  }
}
