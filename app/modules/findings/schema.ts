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

/** A finding raised from an audit's checklist item. */
export const AuditFindingSchema = z.object(fields);
export type AuditFindingInput = z.infer<typeof AuditFindingSchema>;

/** A finding written in inspection minutes: its action due date defaults to two months after signing. */
export const InspectionFindingSchema = z.object({ ...fields, actionDueOn: vnDay.optional() });
export type InspectionFindingInput = z.infer<typeof InspectionFindingSchema>;

/** A finding from a complaint, a management review or a PAR index result. */
export const DirectFindingSchema = z.object({
  ...fields,
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  source: z.enum(DIRECT_FINDING_SOURCES, { message: "errors.choose" }),
  foundOn: vnDay,
  actionDueOn: vnDay.optional(),
});
export type DirectFindingInput = z.infer<typeof DirectFindingSchema>;
