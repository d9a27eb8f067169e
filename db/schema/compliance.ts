import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { units } from "./units";

/**
 * Derived data, never a record of its own: each unit's compliance facts (the input of the obligation rules,
 * app/modules/compliance/rules.ts) as they stand on one calendar day, so that a province's dashboard reads a
 * hundred rows instead of recomputing them from ten years of records on every request. A row is valid for its
 * `day` only, and every change to a unit's records deletes the rows of that unit and the units below it in the
 * same transaction (recordTrail). Deleting every row is always safe: they are recomputed on the next read.
 */
export const complianceFacts = sqliteTable("compliance_facts", {
  unitId: integer("unit_id")
    .primaryKey()
    .references(() => units.id, { onDelete: "cascade" }),
  day: text("day").notNull(),
  /** ComplianceFacts as JSON, plus the version of the code that gathered them. */
  facts: text("facts").notNull(),
  computedAt: integer("computed_at").notNull(),
});
