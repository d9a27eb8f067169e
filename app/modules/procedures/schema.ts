import { z } from "zod";
import { ONLINE_LEVELS } from "#db/schema/enums";

const text = (max: number, min = 1) =>
  z.string({ message: "errors.required" }).trim().min(min, { message: "errors.required" }).max(max, { message: "errors.tooLong" });

/** One procedure, from the form or from a row of an imported catalogue. */
export const procedureFields = {
  code: text(60).regex(/^[A-Za-z0-9.\-_]+$/, { message: "procedures.errors.code" }),
  name: text(500, 3),
  field: text(200, 2),
  processingTime: z.string().trim().max(200, { message: "errors.tooLong" }).optional(),
  onlineLevel: z.enum(ONLINE_LEVELS, { message: "procedures.errors.onlineLevel" }).default("none"),
};

export const ProcedureSchema = z.object({
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  ...procedureFields,
  active: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()).default(false),
});
export type ProcedureInput = z.infer<typeof ProcedureSchema>;

export const ImportRowSchema = z.object(procedureFields);
export type ImportRow = z.infer<typeof ImportRowSchema>;

/** Catalogue files are small (a commune publishes a few hundred procedures): refuse anything much bigger. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function importUploadSchema(maxBytes?: number) {
  return z.object({
    intent: z.literal("preview"),
    unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
    file: z
      .instanceof(File, { message: "files.errors.empty" })
      .refine((f) => f.size > 0, { message: "files.errors.empty" })
      .refine((f) => !maxBytes || f.size <= maxBytes, { message: "files.errors.tooLarge" }),
  });
}

export const ImportConfirmSchema = z.object({
  intent: z.literal("confirm"),
  unitId: z.coerce.number().int().positive(),
  /** The previewed rows, sent back as JSON and validated again on the server. */
  rows: z.string().max(2_000_000),
});
