import { z } from "zod";
import { CA_REVIEW_OUTCOMES, CA_STATUSES, ROOT_CAUSE_METHODS, SIGN_CAPACITIES } from "#db/schema/enums";
import { vnDay } from "~/lib/zod";
import { LIST_SORTS } from "~/lib/list-sort";

const text = (max: number) => z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(max, { message: "errors.tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "errors.tooLong" })
    .transform((v) => (v ? v : undefined))
    .optional();

/** The request: immediate correction and root cause, by a guided "5 whys" (at least one answer) or free text. */
export const RequestSchema = z
  .object({
    correction: text(2000),
    rootCauseMethod: z.enum(ROOT_CAUSE_METHODS, { message: "errors.choose" }),
    why1: optionalText(500),
    why2: optionalText(500),
    why3: optionalText(500),
    why4: optionalText(500),
    why5: optionalText(500),
    rootCause: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.rootCauseMethod === "five_whys" && !v.why1) ctx.addIssue({ code: "custom", path: ["why1"], message: "ca.errors.whyFirst" });
    if (v.rootCauseMethod === "five_whys") {
      const whys = [v.why1, v.why2, v.why3, v.why4, v.why5];
      const gap = whys.findIndex((w, i) => !w && whys.slice(i + 1).some(Boolean));
      if (gap >= 0) ctx.addIssue({ code: "custom", path: [`why${gap + 1}`], message: "ca.errors.whyGap" });
    }
    if (v.rootCauseMethod === "free_text" && !v.rootCause) ctx.addIssue({ code: "custom", path: ["rootCause"], message: "errors.required" });
  });
export type RequestInput = z.infer<typeof RequestSchema>;

export const ActionSchema = z.object({
  description: text(2000),
  ownerId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  dueOn: vnDay,
  /** Required when the action is due after its finding's deadline; the leader who signs sees it. */
  lateReason: z.string().trim().max(1000, { message: "errors.tooLong" }).optional(),
});
export type ActionInput = z.infer<typeof ActionSchema>;

export const AcknowledgeSchema = z.object({
  password: z.string({ message: "errors.required" }).min(1, { message: "errors.required" }).max(200),
  capacity: z.enum(SIGN_CAPACITIES, { message: "errors.choose" }),
  comment: optionalText(1000),
  /** SHA-256 of the snapshot the signing page showed: a signature never covers content the leader was not shown. */
  shownHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .catch(undefined),
});
export type AcknowledgeInput = z.infer<typeof AcknowledgeSchema>;

export const ImplementSchema = z.object({ note: text(2000) });
export const VerifySchema = z.object({ outcome: z.enum(CA_REVIEW_OUTCOMES, { message: "errors.choose" }), note: text(2000) });
export const ExtensionRequestSchema = z.object({ proposedDueOn: vnDay, reason: text(1000) });
export const ExtensionDecisionSchema = z.object({
  extensionId: z.coerce.number().int().positive(),
  decision: z.enum(["approve", "refuse"], { message: "errors.choose" }),
  note: optionalText(1000),
});
export const CloseFindingSchema = z.object({ note: text(1000) });

/** The list's status choices, in the order its select offers them: what is still open first, "all" (history included) last. */
export const CA_LIST_STATUSES = ["open", "overdue", ...CA_STATUSES, "all"] as const;

export const ListFilterSchema = z.object({
  /** The list opens on what is still to be done; "all" includes verified and closed history. */
  status: z.enum(CA_LIST_STATUSES).catch("open"),
  sort: z.enum(LIST_SORTS["corrective-actions"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  unitId: z.coerce.number().int().positive().optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type ListFilter = z.infer<typeof ListFilterSchema>;

export const EscalationSettingSchema = z.object({
  escalateAfterDays: z.coerce
    .number({ message: "errors.required" })
    .int({ message: "ca.errors.days" })
    .min(1, { message: "ca.errors.days" })
    .max(365, { message: "ca.errors.days" }),
});
