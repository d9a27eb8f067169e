import type { FormReply } from "~/components/form-reply";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { SessionUser } from "~/modules/auth/sessions.server";
import type { Ctx } from "~/modules/context";
import { makeCtx, withScope } from "~/modules/context.server";
import { can, type Capability } from "~/modules/permissions";
import { now } from "~/lib/clock.server";
import { DomainError, ForbiddenError, NotFoundError, statusOf } from "~/lib/errors";
import { FORM_TOKEN_FIELD, isFormToken } from "~/lib/form-token";
import { asFormInstance } from "~/modules/form-once.server";
import { getDb } from "./db.server";
import { redirectWithFlash } from "./flash.server";
import { BodyTooLargeError, formBodyRefusal, isBodyReadError } from "./guards.server";
import { requirePublicBudget } from "./public.server";
import { requireUser } from "./session.server";

/*
 * The edge: the one place where HTTP meets the domain. A route module is
 *
 *   export const loader = handle(async ({ request, params }) => {
 *     const ctx = await requireCtx(request, "documents.draft");   // 302 to sign-in, 403 without the capability
 *     return readSomething(ctx, idParam(params.id));                // a DomainError becomes its status
 *   });
 *   export const action = handle(async ({ request }) =>
 *     submit(await request.formData(), Schema, (value) => verb(ctx, value).then(() => redirect…)));
 *
 * and never catches a domain error itself.
 */

/** A signed-in person's ctx: `actor` is the session's user. */
export type UserCtx = Ctx & { readonly actor: SessionUser };

const perRequest = new WeakMap<Request, Promise<UserCtx>>();

/**
 * The signed-in person's ctx for this request (one per request: the clock is read once, the scope on first use).
 * Signed out: a redirect to sign-in. Without `capability`: a 403 page.
 */
export async function requireCtx(request: Request, capability?: Capability): Promise<UserCtx> {
  let p = perRequest.get(request);
  if (!p) {
    p = requireUser(request).then((user) => makeCtx(getDb(), user, now()));
    perRequest.set(request, p);
  }
  const ctx = await p;
  // An account made with a one-time password chooses its own before anything else (the account page and sign-out stay open).
  if (ctx.actor.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(new URL(request.url).pathname.replace(/\.data$/, ""))) {
    throw redirect("/account");
  }
  if (capability && !can(ctx.actor, capability)) throw new Response("errors.forbidden", { status: 403 });
  return ctx;
}

const OPEN_BEFORE_PASSWORD_CHANGE = new Set(["/account", "/logout"]);

/** A path prefix no unit has (paths are "/<id>/…" with numeric ids). */
const NO_UNIT_PATH = "/public-reads-no-unit/";

/**
 * The ctx of an anonymous visitor of the public pages (/cong-khai…), after the address's request budget (429 when
 * spent). Its scope reads nothing: a reader or verb written for signed-in people answers "not found" through it.
 * Public readers (app/modules/public) name the one unit and the published fields themselves.
 */
export function publicCtx(request: Request): Ctx {
  requirePublicBudget(request);
  return withScope(makeCtx(getDb(), { kind: "system", name: "public" }, now()), { prefixes: [NO_UNIT_PATH] });
}
/** The response a domain error stands for, with its message key as the body (the error page translates it). */
export function domainErrorResponse(e: DomainError): Response {
  return new Response(e.messageKey, { status: statusOf(e) });
}

/**
 * Wrap a loader or an action: a DomainError thrown anywhere inside becomes its HTTP status (404, 403, 409, …) for
 * the route's error page. A request whose body is not a form (JSON, text/plain, multipart without its boundary) is
 * refused before the action runs (415/400), and a body the platform cannot read as a form is a 400 (413 when it
 * passed its size limit): hostile input, not a bug. Anything else is a real bug and propagates (to the 500 page,
 * logged with a reference).
 */
export function handle<A, R>(fn: (args: A) => Promise<R>): (args: A) => Promise<R> {
  return async (args) => {
    const request = (args as { request?: Request }).request;
    const refusal = request && formBodyRefusal(request);
    if (refusal) throw refusal;
    try {
      return await fn(args);
    } catch (e) {
      if (e instanceof DomainError) throw domainErrorResponse(e);
      if (isBodyReadError(e, request)) throw new Response("errors.badRequest", { status: e instanceof BodyTooLargeError ? 413 : 400 });
      throw e;
    }
  };
}

export type SubmitOptions = {
  /** Which of the page's forms this is; the page shows the reply only in that form (`replyFor`). */
  intent?: string;
  /** Fields never sent back to the browser (passwords). */
  hideFields?: string[];
  /** A field whose upload was over the size limit (from parseMultipart): reported beside it, the rest kept. */
  tooLarge?: string;
  /** The message for `tooLarge` when the form has its own limit (default: the upload limit). */
  tooLargeMessage?: string;
};

/**
 * Parse a form with its schema and run one domain verb on the value. Invalid input, and a domain error that is
 * about the input (invalid, conflict, precondition), come back as a 400/409/412 reply: each error beside its
 * field, the person's input kept. "Not found" and "forbidden" go to the error page. The verb runs as the form
 * instance named by the form's token (`SubmitButton`), so a creating verb's `writeOnce` answers a resend with the
 * first result.
 */
export async function submit<S extends z.ZodType, R>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => R | Promise<R>,
  opts: SubmitOptions = {},
): Promise<R | ReturnType<typeof replyData>> {
  const submission = parseWithZod(formData, { schema });
  const reply = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) =>
    replyData({ ...submission.reply({ ...errors, hideFields: opts.hideFields }), ...(opts.intent ? { form: opts.intent } : {}) }, status);
  if (opts.tooLarge) return reply(400, { fieldErrors: { [opts.tooLarge]: [opts.tooLargeMessage ?? "files.errors.tooLarge"] } });
  if (submission.status !== "success") return reply(400);
  // A form instance's token makes its creating verb idempotent (`writeOnce`): sent twice, it creates once.
  const token = formData.get(FORM_TOKEN_FIELD);
  try {
    return await asFormInstance(isFormToken(token) ? token : undefined, () => run(submission.value as z.output<S>));
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) throw domainErrorResponse(e);
    if (e instanceof DomainError) return reply(statusOf(e), { fieldErrors: e.fieldErrors, formErrors: [e.messageKey] });
    throw e;
  }
}

function replyData(reply: FormReply, status: number) {
  return data(reply, { status });
}

/**
 * A step without a form (start, close, reopen…): run it and come back to `back` with a message. A step refused
 * by its rules reads as a message on the page; "not found" and "forbidden" go to the error page.
 */
export async function step(back: string, run: () => unknown, done: { key: string; params?: Record<string, string | number> }) {
  try {
    await run();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) throw domainErrorResponse(e);
    if (e instanceof DomainError) return redirectWithFlash(back, { key: e.messageKey, params: e.params, kind: "error" });
    throw e;
  }
  return redirectWithFlash(back, done);
}

/** A path parameter that must be a positive integer id; anything else is a 404, never a 500. */
export function idParam(v: string | undefined): number {
  const n = Number(v);
  if (!v || !/^\d{1,15}$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new Response("errors.notFound", { status: 404 });
  return n;
}
