import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// State as of a date (docs/decisions/0013-state-as-of-a-date.md). Each row is one state of a record, in force from
// `fromAt` (inclusive, ms) to `toAt` (exclusive; null = still current). Written by triggers (migration
// 0016_state_history) inside the statement of every change, whatever verb made it; never written by the app.
// No foreign keys: history outlives what it describes.

export const findingStates = sqliteTable(
  "finding_states",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    findingId: integer("finding_id").notNull(),
    unitId: integer("unit_id").notNull(),
    status: text("status").notNull(),
    foundOn: text("found_on").notNull(),
    actionDueOn: text("action_due_on"),
    fromAt: integer("from_at").notNull(),
    toAt: integer("to_at"),
  },
  (t) => [index("finding_states_unit_idx").on(t.unitId, t.fromAt), index("finding_states_record_idx").on(t.findingId, t.fromAt)],
);

export const correctiveActionStates = sqliteTable(
  "corrective_action_states",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id").notNull(),
    findingId: integer("finding_id").notNull(),
    unitId: integer("unit_id").notNull(),
    status: text("status").notNull(),
    dueOn: text("due_on").notNull(),
    implementedOn: text("implemented_on"),
    fromAt: integer("from_at").notNull(),
    toAt: integer("to_at"),
  },
  (t) => [index("corrective_action_states_unit_idx").on(t.unitId, t.fromAt), index("corrective_action_states_record_idx").on(t.actionId, t.fromAt)],
);

export const documentStates = sqliteTable(
  "document_states",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull(),
    unitId: integer("unit_id").notNull(),
    status: text("status").notNull(),
    kind: text("kind").notNull(),
    currentRevisionId: integer("current_revision_id"),
    effectiveFrom: text("effective_from"),
    nextReviewOn: text("next_review_on"),
    updateDueOn: text("update_due_on"),
    fromAt: integer("from_at").notNull(),
    toAt: integer("to_at"),
  },
  (t) => [index("document_states_unit_idx").on(t.unitId, t.fromAt), index("document_states_record_idx").on(t.documentId, t.fromAt)],
);
