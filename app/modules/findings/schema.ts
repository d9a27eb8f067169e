import { z } from "zod";
import { vnDay } from "~/lib/zod";

// Finding forms, shared by the browser and the server.

/** Sources a person records directly (audits and inspections raise theirs from their own pages). */
export const DIRECT_FINDING_SOURCES = ["complaint", "management_review", "par_index"] as const;
export type DirectFindingSource = (typeof DIRECT_FINDING_SOURCES)[number];

const fields = {
  gradeCode: z.string({ message: "errors.choose" }).trim().min(1, { message: "errors.choose" }).max(32),
  clauseCode: z
    .string()
    .regex(/^\d+(\.\d+)*$/, { message: "errors.choose" })
    .optional(),
  description: z.string({ message: "errors.required" }).trim().min(5, { message: "findings.errors.description" }).max(4000, { message: "errors.tooLong" }),
  evidence: z.string().trim().max(4000, { message: "errors.tooLong" }).optional(),
};

const reason = z.string().trim().max(1000, { message: "errors.tooLong" }).optional();

/** A finding raised from an audit's checklist item: its due date follows the unit's policy unless changed with a reason. */
export const AuditFindingSchema = z.object({ ...fields, actionDueOn: vnDay.optional(), dueReason: reason });
export type AuditFindingInput = z.infer<typeof AuditFindingSchema>;

/** A finding written in inspection minutes: its action due date defaults to two months after signing. */
export const InspectionFindingSchema = z.object({ ...fields, actionDueOn: vnDay.optional(), dueReason: reason });
export type InspectionFindingInput = z.infer<typeof InspectionFindingSchema>;

/** A finding from a complaint, a management review or a PAR index result. */
export const DirectFindingSchema = z.object({
  ...fields,
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  source: z.enum(DIRECT_FINDING_SOURCES, { message: "errors.choose" }),
  foundOn: vnDay,
  actionDueOn: vnDay.optional(),
  dueReason: reason,
});
export type DirectFindingInput = z.infer<typeof DirectFindingSchema>;

/** Moving a finding's due date: always with a reason (the trail keeps both). */
export const FindingDueSchema = z.object({
  dueOn: vnDay,
  reason: z.string({ message: "findings.errors.dueReason" }).trim().min(5, { message: "findings.errors.dueReason" }).max(1000, { message: "errors.tooLong" }),
});
export type FindingDueInput = z.infer<typeof FindingDueSchema>;

const days = z.coerce
  .number({ message: "findings.errors.policyDays" })
  .int({ message: "findings.errors.policyDays" })
  .min(1, { message: "findings.errors.policyDays" })
  .max(365, { message: "findings.errors.policyDays" });

/** A unit's policy for the due dates of its own findings, in days after the finding. */
export const DuePolicySchema = z.object({ majorDays: days, minorDays: days, otherDays: days });
export type DuePolicyInput = z.infer<typeof DuePolicySchema>;
