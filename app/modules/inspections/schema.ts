import { z } from "zod";
import { INSPECTION_METHODS, type InspectionMethod } from "#db/schema/enums";
import { vnDay } from "~/lib/zod";

// Inspection forms, shared by the browser and the server.

const id = z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" });
const optText = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).optional();
const required = (max: number) =>
  z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(max, { message: "errors.tooLong" });

export const InspectionPlanSchema = z.object({
  year: z.coerce
    .number({ message: "errors.required" })
    .int()
    .min(2000, { message: "inspections.errors.year" })
    .max(2100, { message: "inspections.errors.year" }),
  documentNumber: optText(100),
  issuedOn: vnDay.optional(),
  notes: optText(2000),
});
export type InspectionPlanHeader = z.infer<typeof InspectionPlanSchema>;
export type InspectionPlanEntry = { unitId: number; method: InspectionMethod };
export type InspectionPlanInput = InspectionPlanHeader & { entries: InspectionPlanEntry[] };

/** The per-unit choices of the plan form: one radio group per unit named `m-<unitId>` (report / on site / none). */
export function planEntriesFromForm(formData: FormData): InspectionPlanEntry[] {
  const out: InspectionPlanEntry[] = [];
  for (const [key, value] of formData.entries()) {
    const m = /^m-(\d{1,12})$/.exec(key);
    if (!m || typeof value !== "string" || !(INSPECTION_METHODS as readonly string[]).includes(value)) continue;
    out.push({ unitId: Number(m[1]), method: value as InspectionMethod });
  }
  return out;
}

export const InspectionSchema = z
  .object({
    unitId: id,
    method: z.enum(INSPECTION_METHODS, { message: "errors.choose" }),
    decisionNumber: required(100),
    decisionOn: vnDay,
    plannedOn: vnDay.optional(),
    leadId: id,
    teamIds: z.array(z.coerce.number().int().positive()).max(30).default([]),
  })
  .refine((v) => !v.plannedOn || v.plannedOn >= v.decisionOn, { path: ["plannedOn"], message: "inspections.errors.plannedBeforeDecision" });
export type InspectionInput = z.infer<typeof InspectionSchema>;

export const MinutesSchema = z.object({ signedOn: vnDay, summary: required(8000) });
export type MinutesInput = z.infer<typeof MinutesSchema>;

/** The inspected unit's report back on its corrective actions (the day it was sent to the inspecting body). */
export const ReportBackSchema = z.object({ reportedOn: vnDay, note: optText(2000) });
export type ReportBackInput = z.infer<typeof ReportBackSchema>;
