import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./people";

/**
 * Small key/value settings an administrator changes at run time (recorded in the trail), e.g.
 * "ca.escalateAfterDays". Code reads them with a default, so a missing row is never an error.
 */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: integer("updated_at").notNull(),
});
