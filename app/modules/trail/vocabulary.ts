/**
 * What a trail row says happened, in one style: lower-case verbs in kebab-case, a dotted prefix for a part of the
 * record ("revision.submit", "legal.link"). Every name has a label in both languages (app/i18n/messages/trail-actions.ts).
 */
export const TRAIL_ACTIONS = [
  "create",
  "update",
  "edit",
  "edit-voids-acknowledgement",
  "seed",
  "activate",
  "deactivate",
  "lock",
  "reset-password",
  "change-password",
  "upload",
  "import",
  "reimport",
  "import.create",
  "import.update",
  "propose",
  "acknowledge",
  "start",
  "implement",
  "verify-effective",
  "verify-ineffective",
  "request-extension",
  "extension-approve",
  "extension-refuse",
  "mark-overdue",
  "escalate",
  "close",
  "reopen",
  "raise",
  "plan",
  "answer",
  "add-question",
  "report",
  "copy",
  "minutes",
  "confirm",
  "announce",
  "re-announce",
  "issue",
  "review",
  "withdraw",
  "publish-file",
  "unpublish-file",
  "revision.draft",
  "revision.update",
  "revision.submit",
  "revision.review",
  "revision.return",
  "revision.approve",
  "revision.take-effect",
  "legal.link",
  "legal.unlink",
  "request",
  "generate",
  "fail",
  "keyed",
  "void-acknowledgement",
  "restore-acknowledgement",
  "download",
  "export",
  "due",
  "report-back",
  "answer-page",
  "people",
] as const;
export type TrailAction = (typeof TRAIL_ACTIONS)[number];

/**
 * Names written before the vocabulary had one style. Rows keep what they were written with (the hash chain covers
 * it); they read under the current name.
 */
export const LEGACY_TRAIL_ACTIONS: Readonly<Record<string, TrailAction>> = {
  requested: "request",
  generated: "generate",
  failed: "fail",
  add_question: "add-question",
  "revision.effective": "revision.take-effect",
  revision_effective: "revision.take-effect",
  "extension-approved": "extension-approve",
  "extension-refused": "extension-refuse",
  announcement: "announce",
  re_announcement: "re-announce",
};

export function currentActionName(action: string): string {
  return LEGACY_TRAIL_ACTIONS[action] ?? action;
}
