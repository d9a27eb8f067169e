import { z } from "zod";
import { UNIT_KINDS } from "#db/schema/enums";
import { vnDay } from "~/lib/zod";

/** One schema for the unit form, used by the browser (conform) and the server. */
export const UnitSchema = z
  .object({
    code: z
      .string({ message: "errors.required" })
      .trim()
      .min(1, { message: "errors.required" })
      .max(32, { message: "errors.tooLong" })
      .regex(/^[A-Za-z0-9._-]+$/, { message: "units.errors.code" }),
    name: z.string({ message: "errors.required" }).trim().min(2, { message: "errors.required" }).max(200, { message: "errors.tooLong" }),
    kind: z.enum(UNIT_KINDS, { message: "errors.choose" }),
    parentId: z.coerce.number().int().positive().optional(),
    placeName: z.string({ message: "errors.required" }).trim().min(2, { message: "errors.required" }).max(100, { message: "errors.tooLong" }),
    validFrom: vnDay.optional(),
    validTo: vnDay.optional(),
    predecessorIds: z.array(z.coerce.number().int().positive()).max(50).default([]),
  })
  .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, {
    path: ["validTo"],
    message: "units.errors.validity",
  });

export type UnitInput = z.infer<typeof UnitSchema>;
