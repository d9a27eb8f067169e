import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ONLINE_LEVELS } from "./enums";
import { units } from "./units";

/**
 * A unit's catalogue of administrative procedures (TTHC) as published for it: the QMS scope is every one of
 * them (QĐ 19), so coverage is measured against this list. Imported from the one-stop software's export.
 */
export const procedures = sqliteTable(
  "procedures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** National procedure code, e.g. "1.001193". */
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Field (lĩnh vực), e.g. "Hộ tịch". */
    field: text("field").notNull(),
    /** Legal processing time as published, e.g. "03 ngày làm việc". */
    processingTime: text("processing_time"),
    onlineLevel: text("online_level", { enum: ONLINE_LEVELS }).notNull().default("none"),
    /** Unpublished (bãi bỏ) procedures leave the scope but keep their history. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("procedures_unit_code_uq").on(t.unitId, t.code), index("procedures_unit_field_idx").on(t.unitId, t.field)],
);
