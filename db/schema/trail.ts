import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Append-only audit trail. No foreign keys on purpose: history outlives what it describes.
 * Each row's `hash` is SHA-256 over the previous row's hash and this row's content (a chain), so an
 * altered or removed row is detectable (`npm run trail:verify`).
 */
export const trail = sqliteTable(
  "trail",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorKind: text("actor_kind", { enum: ["user", "job", "system"] }).notNull(),
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull(),
    unitId: integer("unit_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: text("before"),
    after: text("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("trail_entity_idx").on(t.entity, t.entityId, t.id), index("trail_unit_idx").on(t.unitId, t.id), index("trail_at_idx").on(t.at)],
);
