import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * TCVN ISO 9001:2015 clauses (DOMAIN.md §4), as reference data loaded by a migration, not code: pickers,
 * checklists and reports read titles from here.
 */
export const isoClauses = sqliteTable("iso_clauses", {
  code: text("code").primaryKey(),
  parentCode: text("parent_code"),
  titleVi: text("title_vi").notNull(),
  titleEn: text("title_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
  /** e.g. 8.3 is usually declared not applicable in public administration. */
  usuallyExcluded: integer("usually_excluded", { mode: "boolean" }).notNull().default(false),
});

/** Finding grades (practice, not law: DOMAIN.md §3), as reference data so a province can adapt them. */
export const findingGrades = sqliteTable("finding_grades", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  /** A nonconformity needs corrective action before its finding closes; an observation or OFI may close without. */
  requiresAction: integer("requires_action", { mode: "boolean" }).notNull(),
  sortOrder: integer("sort_order").notNull(),
});
