import { z } from "zod";
import { CHECKLIST_RESULTS } from "#db/schema/enums";
import { vnDay } from "~/lib/zod";

// Form schemas of the audits area, shared by the browser (conform) and the server. Nothing server-side here.

const id = z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" });
const ids = z.array(z.coerce.number().int().positive()).max(50, { message: "errors.tooLong" }).default([]);
const text = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).optional();
const required = (max: number) =>
  z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(max, { message: "errors.tooLong" });
const clauseCodes = z
  .array(z.string().regex(/^\d+(\.\d+)*$/))
  .max(60)
  .default([]);

function datesOrdered<T extends { startOn: string; endOn: string }>(v: T) {
  return v.startOn <= v.endOn;
}

export const AuditPlanSchema = z
  .object({
    unitId: id,
    title: text(200),
    objectives: text(2000),
    startOn: vnDay,
    endOn: vnDay,
    leadAuditorId: id,
    teamIds: ids,
    clauseCodes,
    /** Process documents of the audited unit in the scope: their owners and participants may not audit them. */
    processDocIds: ids,
    processes: text(5000),
  })
  .refine(datesOrdered, { path: ["endOn"], message: "audits.errors.dates" })
  .refine((v) => v.clauseCodes.length > 0 || v.processDocIds.length > 0 || (v.processes ?? "").trim().length > 0, {
    path: ["clauseCodes"],
    message: "audits.errors.scope",
  });
export type AuditPlanInput = Omit<z.infer<typeof AuditPlanSchema>, "processDocIds"> & { processDocIds?: number[] };

/** One-step planning for many units (a district or province officer). */
export const AuditBatchSchema = z
  .object({
    startOn: vnDay,
    endOn: vnDay,
    leadAuditorId: id,
    teamIds: ids,
    clauseCodes,
    processes: text(5000),
    unitIds: z.array(z.coerce.number().int().positive()).min(1, { message: "audits.errors.noUnits" }).max(500),
  })
  .refine(datesOrdered, { path: ["endOn"], message: "audits.errors.dates" })
  .refine((v) => v.clauseCodes.length > 0 || (v.processes ?? "").trim().length > 0, { path: ["clauseCodes"], message: "audits.errors.scope" });
export type AuditBatchInput = z.infer<typeof AuditBatchSchema>;

export const AuditReportSchema = z.object({ reportedOn: vnDay, conclusion: required(5000) });
export type AuditReportInput = z.infer<typeof AuditReportSchema>;

export const AuditCopySchema = z.object({ startOn: vnDay, endOn: vnDay }).refine(datesOrdered, { path: ["endOn"], message: "audits.errors.dates" });
export type AuditCopyInput = z.infer<typeof AuditCopySchema>;

export const ChecklistAnswerSchema = z.object({
  itemId: id,
  result: z.enum(CHECKLIST_RESULTS, { message: "errors.choose" }).optional(),
  notes: text(4000),
});
export type ChecklistAnswerInput = z.infer<typeof ChecklistAnswerSchema>;

export const CustomQuestionSchema = z.object({
  question: required(1000),
  clauseCode: z
    .string()
    .regex(/^\d+(\.\d+)*$/)
    .optional(),
});
export type CustomQuestionInput = z.infer<typeof CustomQuestionSchema>;

export const ProgrammeSchema = z.object({ objectives: text(4000) });

/** The checklist page: every answer at once, and optionally "the rest conform" for the audit or one group. */
export const ChecklistPageSchema = z.object({
  conform: z
    .string()
    .regex(/^(all|custom|c\d{1,2}|p\d{1,12})$/)
    .optional(),
});

/** The answers of a checklist page: `r-<itemId>` (result, absent = none) and `n-<itemId>` (notes, always sent). */
export function pageAnswersFromForm(formData: FormData): { itemId: number; result: (typeof CHECKLIST_RESULTS)[number] | null; notes: string | null }[] {
  const out: { itemId: number; result: (typeof CHECKLIST_RESULTS)[number] | null; notes: string | null }[] = [];
  for (const [key, value] of formData.entries()) {
    const m = /^n-(\d{1,12})$/.exec(key);
    if (!m || typeof value !== "string" || out.length >= 1000) continue;
    const r = formData.get(`r-${m[1]}`);
    const result = typeof r === "string" && (CHECKLIST_RESULTS as readonly string[]).includes(r) ? (r as (typeof CHECKLIST_RESULTS)[number]) : null;
    out.push({ itemId: Number(m[1]), result, notes: value.slice(0, 4000) || null });
  }
  return out;
}
