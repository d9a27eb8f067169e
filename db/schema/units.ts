import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { UNIT_KINDS } from "./enums";

export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id),
    /**
     * Materialised path of ids, "/1/4/17/". A subtree is one indexed prefix range, whatever the depth,
     * which keeps scope checks cheap for a national inspector over 3,321 communes.
     */
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    /** Place name used in documents: "Lai Vung, ngày … tháng … năm …". */
    placeName: text("place_name").notNull(),
    /** Calendar dates as ISO text (YYYY-MM-DD); see docs/decisions/0002-dates.md. */
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("units_code_uq").on(t.code),
    index("units_parent_idx").on(t.parentId),
    index("units_path_idx").on(t.path),
    index("units_name_idx").on(t.name),
  ],
);

/** Lineage: `unitId` was formed (wholly or partly) from `predecessorId` (e.g. the 1 July 2025 mergers). */
export const unitLineage = sqliteTable(
  "unit_lineage",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    predecessorId: integer("predecessor_id")
      .notNull()
      .references(() => units.id),
    note: text("note"),
  },
  (t) => [primaryKey({ name: "unit_lineage_pk", columns: [t.unitId, t.predecessorId] }), index("unit_lineage_pred_idx").on(t.predecessorId)],
);
