import type { Ctx } from "./context";

type Tx = Parameters<Parameters<Ctx["db"]["transaction"]>[0]>[0];
export type { Tx };

/**
 * The one way to write: a synchronous IMMEDIATE transaction (takes the write lock up front, so the trail's
 * hash chain reads the true last row). The callback must not be async: better-sqlite3 would commit early.
 */
export function write<T>(ctx: Ctx, fn: (tx: Tx) => T): T {
  return ctx.db.transaction((tx) => fn(tx), { behavior: "immediate" });
}
