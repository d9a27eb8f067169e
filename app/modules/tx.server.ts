import { appendCheckpoint, takePendingCheckpoint, trailKeyState } from "~/lib/trail-key.server";
import type { Ctx } from "./context";

type Tx = Parameters<Parameters<Ctx["db"]["transaction"]>[0]>[0];
export type { Tx };

/** What a reader may read through: the database, or a transaction in progress. */
export type Reader = Ctx["db"] | Tx;

/**
 * The one way to write: a synchronous IMMEDIATE transaction (takes the write lock up front, so the trail's
 * hash chain reads the true last row). The callback must not be async: better-sqlite3 would commit early.
 */
export function write<T>(ctx: Ctx, fn: (tx: Tx) => T): T {
  takePendingCheckpoint();
  let result: T;
  try {
    result = ctx.db.transaction((tx) => fn(tx), { behavior: "immediate" });
  } catch (e) {
    takePendingCheckpoint();
    throw e;
  }
  // Committed: anchor the chain's new head outside the database (DATA_DIR/checkpoints.log, issue 15).
  const pending = takePendingCheckpoint();
  const state = trailKeyState();
  if (pending && state) appendCheckpoint(state, "checkpoint", pending.id, pending.hash, ctx.now);
  return result;
}
