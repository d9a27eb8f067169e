import { z } from "zod";
import { PERIOD_REPORT_KINDS, RECORD_REPORT_KINDS, REPORT_KINDS, REPORT_STATUSES, REPORT_TRIGGERS } from "#db/schema/enums";
import { LIST_SORTS } from "~/lib/list-sort";

/** On-demand generation (reports.new form). The period is typed as YYYY-MM, YYYY-Qn or YYYY (or picked). */
export const GenerateReportSchema = z.object({
  kind: z.enum(PERIOD_REPORT_KINDS, { message: "errors.choose" }),
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  period: z
    .string({ message: "errors.required" })
    .trim()
    .min(1, { message: "errors.required" })
    .max(10, { message: "reports.errors.period" })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])|-[Qq][1-4])?$/, { message: "reports.errors.period" })
    .transform((s) => s.toUpperCase()),
});
export type GenerateReportInput = z.infer<typeof GenerateReportSchema>;

/** A report about one record (the "Xuất PDF" buttons of an audit, a finding's corrective actions, an inspection). */
export const RecordReportSchema = z.object({
  kind: z.enum(RECORD_REPORT_KINDS, { message: "errors.choose" }),
  subjectId: z.coerce
    .number({ message: "errors.choose" })
    .int()
    .positive({ message: "errors.choose" })
    .max(Number.MAX_SAFE_INTEGER, { message: "errors.choose" }),
});
export type RecordReportInput = z.infer<typeof RecordReportSchema>;

/** Where a report came from: the schedule or a person's request (the list's "origin" filter). */
export const REPORT_ORIGINS = REPORT_TRIGGERS;

/** Filters of the reports list (query string); anything unknown is ignored rather than an error. */
export const ReportFiltersSchema = z.object({
  kind: z.enum(REPORT_KINDS).optional().catch(undefined),
  status: z.enum(REPORT_STATUSES).optional().catch(undefined),
  unitId: z.coerce.number().int().positive().optional().catch(undefined),
  period: z
    .string()
    .trim()
    .max(10)
    .regex(/^[0-9Qq-]*$/)
    .optional()
    .catch(undefined),
  origin: z.enum(REPORT_ORIGINS).optional().catch(undefined),
  sort: z.enum(LIST_SORTS.reports).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

/** Verification by a pasted hash or code. */
export const VerifySchema = z.object({
  q: z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(100, { message: "errors.tooLong" }),
});

/** One narrative part of a report a unit sends: optional while drafting, up to 5,000 characters. */
const narrativePart = z
  .string()
  .trim()
  .max(5000, { message: "errors.tooLong" })
  .optional()
  .transform((s) => (s ? s : undefined));

/** The officer's form on a draft report (issue 14): situation, results, difficulties, proposals. */
export const NarrativeSchema = z.object({
  situation: narrativePart,
  results: narrativePart,
  difficulties: narrativePart,
  proposals: narrativePart,
});
export type NarrativeInput = z.infer<typeof NarrativeSchema>;

/** The head issues a report with their password (as for a signature). */
export const IssueReportSchema = z.object({
  password: z.string({ message: "errors.required" }).min(1, { message: "errors.required" }).max(200, { message: "errors.tooLong" }),
});
export type IssueReportInput = z.infer<typeof IssueReportSchema>;
