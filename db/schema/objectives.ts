import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { OBJECTIVE_MEASURES } from "./enums";
import { files } from "./files";
import { users } from "./people";
import { units } from "./units";

/**
 * Monthly figures from the one-stop software (DOMAIN.md §7), one row per unit and month ("YYYY-MM").
 * A re-import of the same month replaces the row (and the trail keeps the old values).
 */
export const serviceFigures = sqliteTable(
  "service_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    month: text("month").notNull(),
    received: integer("received").notNull(),
    resolvedEarly: integer("resolved_early").notNull(),
    resolvedOnTime: integer("resolved_on_time").notNull(),
    resolvedOverdue: integer("resolved_overdue").notNull(),
    receivedOnline: integer("received_online").notNull(),
    returnedByPost: integer("returned_by_post").notNull(),
    feedbackReceived: integer("feedback_received").notNull().default(0),
    feedbackOnTime: integer("feedback_on_time").notNull().default(0),
    /** Citizens surveyed and satisfied (optional: not every one-stop export has them). */
    surveyed: integer("surveyed"),
    satisfied: integer("satisfied"),
    sourceFileId: integer("source_file_id").references(() => files.id),
    updatedById: integer("updated_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("service_figures_unit_month_uq").on(t.unitId, t.month), index("service_figures_month_idx").on(t.month)],
);

/** A unit's quality objective (mục tiêu chất lượng) for a year: a measure, a target, and how attainment is read. */
export const qualityObjectives = sqliteTable(
  "quality_objectives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    measure: text("measure", { enum: OBJECTIVE_MEASURES }).notNull(),
    /** Percent for rates (0–100), a count for overdue_count. */
    target: real("target").notNull(),
    /** For `manual` objectives (and to override a computed one, with a note). */
    manualValue: real("manual_value"),
    /** What a manual objective counts ("buổi", "lượt", "%"); null for computed measures, whose unit is the measure's. */
    targetUnit: text("target_unit"),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("quality_objectives_unit_year_idx").on(t.unitId, t.year)],
);
