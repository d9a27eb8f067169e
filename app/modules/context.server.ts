import type { DB } from "#db/client";
import { vnDay } from "~/lib/time";
import type { Actor, Ctx } from "./context";
import { scopeFor } from "./units/scope.server";
import type { Scope } from "./units/scope.server";

/** A ctx whose scope is read from the unit tree on first use (pages that read nothing scoped never pay for it). */
export function makeCtx<A extends Actor>(db: DB, actor: A, now: Date): Ctx & { readonly actor: A } {
  let scope: Scope | undefined;
  let today: string | undefined;
  return {
    db,
    actor,
    now,
    get scope() {
      return (scope ??= scopeFor(db, actor, this.today));
    },
    get today() {
      return (today ??= vnDay(now));
    },
  };
}

/** The same actor at another instant (scope and day follow the new clock). */
export function atTime<A extends Actor>(ctx: Ctx & { readonly actor: A }, now: Date): Ctx & { readonly actor: A } {
  return makeCtx(ctx.db, ctx.actor, now);
}

/**
 * The same actor and clock reading through another scope: a report about a unit reads what that unit may read,
 * whoever asked for it (the caller has already checked that the unit is in the asker's scope).
 */
export function withScope<A extends Actor>(ctx: Ctx & { readonly actor: A }, scope: Scope): Ctx & { readonly actor: A } {
  return { db: ctx.db, actor: ctx.actor, now: ctx.now, scope, today: ctx.today };
}
