import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Form instances that have created something. A form carries a random token made when it is first sent; the verb
 * that creates records claims it in its own write transaction and keeps its answer here, so the same form sent
 * again (a double press, a resend after a slow answer) gets the first answer back instead of a second record.
 * Rows are kept for a day (the claim deletes older ones); no foreign key, like the trail.
 */
export const formSubmissions = sqliteTable(
  "form_submissions",
  {
    token: text("token").primaryKey(),
    actorUserId: integer("actor_user_id").notNull(),
    /** The verb's result as JSON (secrets left out), returned to a replay. */
    result: text("result").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("form_submissions_at_idx").on(t.at)],
);
