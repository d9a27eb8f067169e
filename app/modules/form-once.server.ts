import { AsyncLocalStorage } from "node:async_hooks";
import { eq, lt } from "drizzle-orm";
import { formSubmissions } from "#db/schema";
import { ConflictError } from "~/lib/errors";
import type { Ctx } from "./context";
import { write, type Tx } from "./tx.server";

/** How long a form's answer is kept for a replay: a resend comes within seconds, a stale tab within hours. */
const KEEP_MS = 24 * 3600 * 1000;
const SECRET = new Set(["passwordHash", "password", "token"]);

type Submission = { token: string; claimed: boolean };
const current = new AsyncLocalStorage<Submission>();

/**
 * Run `fn` (a form's verb) as the handling of one form instance, identified by its token (the edge's `submit` does
 * this for every form that sends one). `writeOnce` inside it claims the token.
 */
export function asFormInstance<R>(token: string | undefined, fn: () => R): R {
  return token ? current.run({ token, claimed: false }, fn) : fn();
}

/**
 * The write of a verb that creates something from a form. Outside a form instance it is `write`. Inside one, the
 * instance's token is claimed in the same transaction as the records: the same form sent again (a double press, a
 * resend after a slow answer) returns the first result, read back from the claim, and creates nothing. A verb whose
 * transaction fails claims nothing (the person corrects the form and sends it again). Only the first `writeOnce` of
 * a request claims: a verb that calls another creates once, as one.
 */
export function writeOnce<T>(ctx: Ctx, fn: (tx: Tx) => T): T {
  const submission = current.getStore();
  if (!submission || submission.claimed || ctx.actor.kind !== "user") return write(ctx, fn);
  submission.claimed = true;
  const { token } = submission;
  const actorUserId = ctx.actor.id;
  return write(ctx, (tx) => {
    const first = tx.select().from(formSubmissions).where(eq(formSubmissions.token, token)).get();
    if (first) {
      // A token is random: someone else's is a forged or leaked form, not a replay.
      if (first.actorUserId !== actorUserId) throw new ConflictError("errors.formReused");
      return JSON.parse(first.result) as T;
    }
    const result = fn(tx);
    const at = ctx.now.getTime();
    const json = JSON.stringify(result ?? null, (k, v) => (SECRET.has(k) ? undefined : v));
    tx.insert(formSubmissions).values({ token, actorUserId, result: json, at }).run();
    tx.delete(formSubmissions)
      .where(lt(formSubmissions.at, at - KEEP_MS))
      .run();
    return result;
  });
}
