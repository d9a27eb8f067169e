import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { INSPECTION_METHODS } from "./enums";
import { files } from "./files";
import { findings } from "./findings";
import { users } from "./people";
import { units } from "./units";

/**
 * The yearly inspection plan (kế hoạch kiểm tra, form 19 of TT 26/2014) of an inspecting body (the province's
 * Department of Science and Technology, or before 2025 a district), listing the units to inspect.
 */
export const inspectionPlans = sqliteTable(
  "inspection_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The inspecting unit (whose staff inspect); the listed units lie below it. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year").notNull(),
    documentNumber: text("document_number"),
    issuedOn: text("issued_on"),
    notes: text("notes"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("inspection_plans_unit_year_uq").on(t.unitId, t.year)],
);

export const inspectionPlanUnits = sqliteTable(
  "inspection_plan_units",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    method: text("method", { enum: INSPECTION_METHODS }).notNull(),
    /** Planned month (1–12), optional. */
    plannedMonth: integer("planned_month"),
  },
  (t) => [primaryKey({ name: "inspection_plan_units_pk", columns: [t.planId, t.unitId] }), index("inspection_plan_units_unit_idx").on(t.unitId)],
);

/**
 * One inspection (form 20: the decision; form 21: the minutes signed by both sides). Findings written in the
 * minutes are linked through inspection_findings.
 */
export const inspections = sqliteTable(
  "inspections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id").references(() => inspectionPlans.id),
    /** The inspected unit. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The inspecting unit. */
    byUnitId: integer("by_unit_id")
      .notNull()
      .references(() => units.id),
    method: text("method", { enum: INSPECTION_METHODS }).notNull(),
    decisionNumber: text("decision_number").notNull(),
    decisionOn: text("decision_on").notNull(),
    /** Planned day of the visit or of the report's deadline. */
    plannedOn: text("planned_on"),
    /** The day both sides signed the minutes; corrective actions are due two months later (TT 26/2014). */
    minutesSignedOn: text("minutes_signed_on"),
    /** Derived from the minutes: the legal deadline of the report back (two months after signing, TT 26/2014). */
    reportDueOn: text("report_due_on"),
    /** The day the inspected unit reported its corrective actions to the inspecting body (what the deadline measures). */
    reportedBackOn: text("reported_back_on"),
    reportBackNote: text("report_back_note"),
    minutesSummary: text("minutes_summary"),
    minutesFileId: integer("minutes_file_id").references(() => files.id),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("inspections_unit_idx").on(t.unitId, t.decisionOn),
    index("inspections_plan_idx").on(t.planId),
    index("inspections_by_unit_idx").on(t.byUnitId),
  ],
);

export const inspectionTeamMembers = sqliteTable(
  "inspection_team_members",
  {
    inspectionId: integer("inspection_id")
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    isLead: integer("is_lead", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ name: "inspection_team_members_pk", columns: [t.inspectionId, t.userId] })],
);

/** Findings written in an inspection's minutes (linked from the inspection's side). */
export const inspectionFindings = sqliteTable(
  "inspection_findings",
  {
    findingId: integer("finding_id")
      .primaryKey()
      .references(() => findings.id),
    inspectionId: integer("inspection_id")
      .notNull()
      .references(() => inspections.id),
  },
  (t) => [index("inspection_findings_inspection_idx").on(t.inspectionId)],
);
