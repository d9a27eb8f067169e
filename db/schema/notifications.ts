import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_KINDS } from "./enums";
import { users } from "./people";
import { units } from "./units";

/**
 * In-app notifications. `dedupeKey` is unique per recipient: a reminder, an overdue notice or an escalation is
 * inserted with a key such as "ca:12:overdue:2026-12-01" (action, kind, due date), so a job that runs again, or
 * every day, never notifies twice.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** Message parameters (JSON): the text is rendered in the reader's language when shown. */
    params: text("params").notNull().default("{}"),
    link: text("link"),
    unitId: integer("unit_id").references(() => units.id),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
    /** Mail: null = not sent (or mail is off); set once sent so a mail is never sent twice. */
    mailedAt: integer("mailed_at"),
  },
  (t) => [
    uniqueIndex("notifications_recipient_key_uq").on(t.recipientId, t.dedupeKey),
    index("notifications_recipient_unread_idx").on(t.recipientId, t.readAt, t.id),
    index("notifications_mail_idx").on(t.mailedAt),
  ],
);
