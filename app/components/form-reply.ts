import type { SubmissionResult } from "@conform-to/react";

/** What every form action answers on failure: conform's reply, tagged with the form (intent) it belongs to. */
export type FormReply = SubmissionResult<string[]> & { form?: string };

/** On a page with several forms: the action's reply if it belongs to the form `intent`, for its `lastResult`. */
export function replyFor(actionData: unknown, intent: string): FormReply | undefined {
  const r = actionData as FormReply | undefined;
  return r && typeof r === "object" && r.form === intent ? r : undefined;
}
