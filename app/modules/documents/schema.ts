import { z } from "zod";
import { DOCUMENT_KINDS, REVIEW_OUTCOMES } from "#db/schema/enums";
import { vnDay } from "~/lib/zod";

// Client-safe: shared by the browser (conform) and the server. Checks that need the database live in the verbs.

const text = (max: number, min = 1) =>
  z.string({ message: "errors.required" }).trim().min(min, { message: "errors.required" }).max(max, { message: "errors.tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).optional();

/** The attached file: present, not empty, not over the limit (the server checks the type from its content). */
export function fileField(maxBytes?: number) {
  return z
    .instanceof(File, { message: "files.errors.empty" })
    .refine((f) => f.size > 0, { message: "files.errors.empty" })
    .refine((f) => !maxBytes || f.size <= maxBytes, { message: "files.errors.tooLarge" });
}

const registerFields = {
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  code: text(40).regex(/^[\p{L}\p{N} ./_-]+$/u, { message: "documents.errors.code" }),
  title: text(300, 3),
  kind: z.enum(DOCUMENT_KINDS, { message: "errors.choose" }),
  owner: text(200, 2),
  reviewCycleMonths: z.coerce
    .number({ message: "documents.errors.cycle" })
    .int({ message: "documents.errors.cycle" })
    .min(1, { message: "documents.errors.cycle" })
    .max(60, { message: "documents.errors.cycle" }),
  clauseCodes: z.array(z.string().max(10)).max(60).default([]),
  procedureIds: z.array(z.coerce.number().int().positive()).max(1000).default([]),
  /**
   * Who owns the process and who takes part in it (auditors may not audit their own work). The form sends
   * `peopleSet` with them, so that unticking everyone clears the lists; a caller without it leaves them as they are.
   */
  ownerIds: z.array(z.coerce.number().int().positive()).max(100).optional(),
  participantIds: z.array(z.coerce.number().int().positive()).max(100).optional(),
  peopleSet: z.literal("1").optional(),
};

export const DocumentEditSchema = z.object(registerFields);
export type DocumentEditInput = z.infer<typeof DocumentEditSchema>;

export function documentCreateSchema(maxBytes?: number) {
  return z.object({ ...registerFields, changeSummary: text(2000, 2), file: fileField(maxBytes) });
}
export type DocumentCreateInput = z.infer<ReturnType<typeof documentCreateSchema>>;

export function revisionSchema(maxBytes?: number) {
  return z.object({ changeSummary: text(2000, 2), file: fileField(maxBytes) });
}
export type RevisionInput = z.infer<ReturnType<typeof revisionSchema>>;

/** Updating a returned draft: the summary, and optionally a corrected file. */
export function draftUpdateSchema(maxBytes?: number) {
  return z.object({ intent: z.literal("update"), changeSummary: text(2000, 2), file: fileField(maxBytes).optional() });
}

/** The workflow steps on a revision page, one schema per step, told apart by `intent`. */
export const SubmitSchema = z.object({ intent: z.literal("submit") });
export const ReviewNoteSchema = z.object({ intent: z.literal("review"), note: optionalText(2000) });
export const ReturnSchema = z.object({ intent: z.literal("return"), note: text(2000, 3) });
export const ApproveSchema = z.object({ intent: z.literal("approve"), effectiveFrom: vnDay });
export const ActivateSchema = z.object({ intent: z.literal("activate") });

export const PeriodicReviewSchema = z.object({
  reviewedOn: vnDay,
  outcome: z.enum(REVIEW_OUTCOMES, { message: "errors.choose" }),
  note: optionalText(2000),
});
export type PeriodicReviewInput = z.infer<typeof PeriodicReviewSchema>;

export const WithdrawSchema = z.object({ reason: text(1000, 3) });

export const LegalChangeSchema = z.object({
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  textNumber: text(120, 3),
  title: text(500, 3),
  effectiveOn: vnDay,
  note: optionalText(2000),
  documentIds: z.array(z.coerce.number().int().positive()).max(500).default([]),
});
export type LegalChangeInput = z.infer<typeof LegalChangeSchema>;

/** Query string of the register; anything unknown falls back to "no filter" (never a 400 for a bad link). */
export const LIST_PAGE_SIZE = 25;
export const LIST_STATUSES = ["draft", "pending", "effective", "obsolete"] as const;
export const OVERDUE_FILTERS = ["any", "review", "update", "needs_revision", "due_soon"] as const;

/** Whether the unit's public page offers the document's file ("1") or not ("0"). */
export const PublishFileSchema = z.object({ public: z.enum(["0", "1"], { message: "errors.choose" }) });

/** Step 1 of a bulk import: the unit, the archive of files and the spreadsheet describing them. */
export function bulkUploadSchema(maxBytes?: number) {
  return z.object({ intent: z.literal("preview"), unitId: registerFields.unitId, archive: fileField(maxBytes), sheet: fileField(5 * 1024 * 1024) });
}

/** Step 2: the previewed uploads (by hash) and how many rows the officer saw as valid. */
export const BulkConfirmSchema = z.object({
  intent: z.literal("confirm"),
  unitId: registerFields.unitId,
  token: z.string().max(200),
  expected: z.coerce.number().int().min(1).max(1000),
});
