import { z } from "zod";
import { OBJECTIVE_MEASURES, type ObjectiveMeasure } from "#db/schema/enums";
import { formatDecimal, formatPct } from "~/lib/locale";

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
    /** A manual objective's unit ("buổi", "lượt", "%"); computed measures have theirs. */
    targetUnit: z.string().trim().max(30, { message: "errors.tooLong" }).optional(),
    note: z.string().trim().max(1000, { message: "errors.tooLong" }).optional(),
  })
  .refine((v) => v.target <= 100 || !isPercent(v.measure, v.targetUnit), { path: ["target"], message: "objectives.errors.percent" })
  .refine((v) => v.measure !== "manual" || v.manualValue !== undefined, { path: ["manualValue"], message: "objectives.errors.manualValue" });

export type ObjectiveInput = z.infer<typeof ObjectiveSchema>;

/** Rates are percentages; a manual objective is one only when its unit says "%"; the overdue count never is. */
export function isPercent(measure: ObjectiveMeasure, targetUnit?: string | null): boolean {
  return measure === "manual" ? targetUnit?.trim() === "%" : measure !== "overdue_count";
}

/** An objective's target as a person reads it: "≥ 95 %", "≤ 0", "≥ 2 buổi" (a manual one in its own unit). */
export function formatTarget(o: { measure: ObjectiveMeasure; target: number; targetUnit?: string | null }): string {
  if (o.measure === "overdue_count") return `≤ ${formatDecimal(o.target)}`;
  return `≥ ${formatResult(o, o.target)}`;
}

/** A value of an objective in its unit: "95,5 %", "3", "2 buổi". */
export function formatResult(o: { measure: ObjectiveMeasure; targetUnit?: string | null }, v: number): string {
  if (isPercent(o.measure, o.targetUnit)) return formatPct(v);
  const unit = o.measure === "manual" ? o.targetUnit?.trim() : undefined;
  return unit ? `${formatDecimal(v)} ${unit}` : formatDecimal(v);
}

/** The list's "state" filter: attained, not attained, not measured yet (no figures and no value entered). */
export const OBJECTIVE_STATES = ["met", "notMet", "noData"] as const;
export type ObjectiveState = (typeof OBJECTIVE_STATES)[number];
