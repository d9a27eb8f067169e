import type { Submission as ConformSubmission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { DomainError, ForbiddenError, NotFoundError, statusOf } from "./errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Submission<V> = ConformSubmission<any, string[], V>;

/**
 * Parse a form with its zod schema. On failure the action answers 400 with conform's reply: the browser shows
 * each error beside its field and keeps what the person typed.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S) {
  return parseWithZod(formData, { schema }) as unknown as Submission<z.output<S>>;
}

export function invalid<V>(submission: Submission<V>) {
  return data(submission.reply(), { status: 400 });
}

/**
 * Run a domain verb for a parsed form. A domain error with field errors (or any input/conflict error) comes
 * back as the form's reply; "not found" and "forbidden" go to the error page. Anything else is a real bug and
 * propagates (to the 500 page, logged with a reference).
 */
export async function attempt<V, R>(submission: Submission<V>, fn: () => R | Promise<R>) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) throw new Response(e.messageKey, { status: statusOf(e) });
    if (e instanceof DomainError) {
      return data(submission.reply({ fieldErrors: e.fieldErrors, formErrors: [e.messageKey] }), { status: statusOf(e) });
    }
    throw e;
  }
}

/** Convert domain errors thrown by loaders into HTTP responses for the error boundary. */
export function rethrowAsResponse(e: unknown): never {
  if (e instanceof DomainError) throw new Response(e.messageKey, { status: statusOf(e) });
  throw e;
}

/** A path parameter that must be a positive integer id; anything else is a 404, never a 500. */
export function idParam(v: string | undefined): number {
  const n = Number(v);
  if (!v || !/^\d{1,15}$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new Response("errors.notFound", { status: 404 });
  return n;
}
