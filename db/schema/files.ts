import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./people";
import { units } from "./units";

/**
 * Uploaded files (document revisions, evidence). The bytes live on disk under DATA_DIR/files by SHA-256, never
 * under a name the user chose; this row keeps what was uploaded, by whom, for which unit.
 */
export const files = sqliteTable(
  "files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    /** Type detected from the content (magic bytes), not from the name or the browser's claim. */
    mime: text("mime").notNull(),
    ext: text("ext").notNull(),
    /** The uploaded name, kept for display and download only (sanitised). */
    originalName: text("original_name").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("files_sha_idx").on(t.sha256), index("files_unit_idx").on(t.unitId)],
);

/**
 * A spreadsheet or CSV upload read once, when it was uploaded (issue 16): the figures import's preview and the
 * import itself read these rows, never the file again, so one upload cannot be replayed into repeated parsing.
 */
export const fileTables = sqliteTable("file_tables", {
  fileId: integer("file_id")
    .primaryKey()
    .references(() => files.id, { onDelete: "cascade" }),
  /** { headers: string[], rows: { line, cells }[] } as JSON (at most 20,000 rows: the reader's limits). */
  content: text("content", { mode: "json" }).$type<{ headers: string[]; rows: { line: number; cells: string[] }[] }>().notNull(),
  createdAt: integer("created_at").notNull(),
});
