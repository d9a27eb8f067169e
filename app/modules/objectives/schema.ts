import { z } from "zod";
import { OBJECTIVE_MEASURES } from "#db/schema/enums";

const number = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(",", ".") : v),
    z.coerce.number({ message: "errors.number" }).min(0, { message: "errors.number" }).max(max, { message: "errors.number" }),
  );

export const ObjectiveSchema = z
  .object({
    unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
    year: z.coerce.number({ message: "errors.number" }).int().min(2000, { message: "errors.number" }).max(2100, { message: "errors.number" }),
    title: z.string({ message: "errors.required" }).trim().min(3, { message: "errors.required" }).max(300, { message: "errors.tooLong" }),
    measure: z.enum(OBJECTIVE_MEASURES, { message: "errors.choose" }),
    target: number(1_000_000),
    manualValue: number(1_000_000).optional(),
    note: z.string().trim().max(1000, { message: "errors.tooLong" }).optional(),
  })
  .refine((v) => v.measure === "overdue_count" || v.target <= 100, { path: ["target"], message: "objectives.errors.percent" })
  .refine((v) => v.measure !== "manual" || v.manualValue !== undefined, { path: ["manualValue"], message: "objectives.errors.manualValue" });

export type ObjectiveInput = z.infer<typeof ObjectiveSchema>;

/** The list's "state" filter: attained, not attained, not measured yet (no figures and no value entered). */
export const OBJECTIVE_STATES = ["met", "notMet", "noData"] as const;
export type ObjectiveState = (typeof OBJECTIVE_STATES)[number];
