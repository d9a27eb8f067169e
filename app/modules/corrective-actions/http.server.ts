import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { DomainError, ForbiddenError, NotFoundError, statusOf } from "~/utils/errors";

// why: the CA pages carry several forms (request, new action, implement, verify…); each form's reply comes back
// tagged with its intent so only that form shows the errors and keeps its input.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubmission = Submission<any, string[], any>;

export function invalidIntent(intent: string, submission: AnySubmission) {
  return data({ intent, result: submission.reply() }, { status: 400 });
}

export async function attemptIntent<R>(intent: string, submission: AnySubmission, fn: () => R | Promise<R>) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) throw new Response(e.messageKey, { status: statusOf(e) });
    if (e instanceof DomainError) {
      return data({ intent, result: submission.reply({ fieldErrors: e.fieldErrors, formErrors: [e.messageKey] }) }, { status: statusOf(e) });
    }
    throw e;
  }
}
