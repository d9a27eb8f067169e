import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { FINDING_SOURCES, FINDING_STATUSES } from "./enums";
import { users } from "./people";
import { findingGrades, isoClauses } from "./reference";
import { units } from "./units";

/**
 * A finding (phát hiện): raised by an internal audit, an inspection, a complaint, a management review or a PAR
 * index result, against one unit. Where it came from in detail (checklist item, inspection minutes) is linked
 * from those records' side, so this table stands on its own for corrective actions and reports.
 */
export const findings = sqliteTable(
  "findings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    source: text("source", { enum: FINDING_SOURCES }).notNull(),
    gradeCode: text("grade_code")
      .notNull()
      .references(() => findingGrades.code),
    clauseCode: text("clause_code").references(() => isoClauses.code),
    /** Short statement of the finding, and the evidence it rests on. */
    description: text("description").notNull(),
    evidence: text("evidence"),
    /** Calendar day (YYYY-MM-DD) the finding was made (audit day, minutes signed…): periods are cut on this. */
    foundOn: text("found_on").notNull(),
    /** Default due date of its corrective actions (e.g. two months after inspection minutes are signed). */
    actionDueOn: text("action_due_on"),
    /** Why the due date differs from the one the law or the unit's policy gives (required for such a change). */
    dueReason: text("due_reason"),
    status: text("status", { enum: FINDING_STATUSES }).notNull().default("open"),
    raisedById: integer("raised_by_id").references(() => users.id),
    closedAt: integer("closed_at"),
    closedById: integer("closed_by_id").references(() => users.id),
    closeNote: text("close_note"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("findings_unit_found_idx").on(t.unitId, t.foundOn),
    index("findings_status_idx").on(t.status, t.unitId),
    index("findings_source_idx").on(t.source, t.foundOn),
    // Per unit and source: the compliance facts (inspection findings of each unit) seek instead of scanning a source.
    index("findings_unit_source_idx").on(t.unitId, t.source, t.status, t.actionDueOn),
  ],
);

/**
 * A unit's policy for the due date of the findings it raises itself (internal audit, complaint, management
 * review): days after the finding, per grade. No row = the defaults (30 days major, 60 minor, 90 otherwise).
 * Inspection findings follow the law instead (two months after the minutes).
 */
export const findingDuePolicies = sqliteTable("finding_due_policies", {
  unitId: integer("unit_id")
    .primaryKey()
    .references(() => units.id),
  majorDays: integer("major_days").notNull().default(30),
  minorDays: integer("minor_days").notNull().default(60),
  otherDays: integer("other_days").notNull().default(90),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: integer("updated_at").notNull(),
});
