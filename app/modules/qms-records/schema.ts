import { z } from "zod";
import { ANNOUNCEMENT_KINDS } from "#db/schema/enums";
import { vnDay } from "~/lib/zod";

// Forms for management reviews, effectiveness confirmations and announcements (browser and server).

const optText = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).optional();
const required = (max: number) =>
  z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(max, { message: "errors.tooLong" });

export const ManagementReviewSchema = z.object({
  heldOn: vnDay,
  chairedBy: required(200),
  participants: optText(2000),
  inputs: required(8000),
  decisions: required(8000),
});
export type ManagementReviewInput = z.infer<typeof ManagementReviewSchema>;

export const ConfirmationSchema = z.object({
  confirmedOn: vnDay,
  statement: required(4000),
  documentNumber: optText(100),
});
export type ConfirmationInput = z.infer<typeof ConfirmationSchema>;

export const AnnouncementSchema = z
  .object({
    kind: z.enum(ANNOUNCEMENT_KINDS, { message: "errors.choose" }),
    decisionNumber: required(100),
    decidedOn: vnDay,
    scope: required(8000),
    notifiedOn: vnDay.optional(),
    postedOn: vnDay.optional(),
  })
  .refine((v) => !v.notifiedOn || v.notifiedOn >= v.decidedOn, { path: ["notifiedOn"], message: "qms.errors.beforeDecision" })
  .refine((v) => !v.postedOn || v.postedOn >= v.decidedOn, { path: ["postedOn"], message: "qms.errors.beforeDecision" });
export type AnnouncementInput = z.infer<typeof AnnouncementSchema>;

/** The head issues the drafted announcement: their password again, as for a signature. */
export const IssueAnnouncementSchema = z.object({
  password: z.string({ message: "errors.required" }).min(1, { message: "errors.required" }).max(200, { message: "errors.tooLong" }),
});
export type IssueAnnouncementInput = z.infer<typeof IssueAnnouncementSchema>;
