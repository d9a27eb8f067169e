import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CA_EXTENSION_STATUSES, CA_REVIEW_OUTCOMES, CA_STATUSES, ROOT_CAUSE_METHODS, SIGN_CAPACITIES } from "./enums";
import { files } from "./files";
import { findings } from "./findings";
import { users } from "./people";
import { units } from "./units";

/**
 * The corrective action request (Phiếu yêu cầu hành động khắc phục) of one finding: the immediate correction and
 * the root-cause analysis. Its actions are rows of `corrective_actions`.
 */
export const caRequests = sqliteTable(
  "ca_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    findingId: integer("finding_id")
      .notNull()
      .references(() => findings.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The immediate correction (khắc phục), as opposed to the corrective action that removes the cause. */
    correction: text("correction"),
    rootCauseMethod: text("root_cause_method", { enum: ROOT_CAUSE_METHODS }).notNull().default("five_whys"),
    /** JSON array of up to five answers to "why?", when the guided method is used. */
    whys: text("whys"),
    /** The root cause as concluded (the last "why", or free text). */
    rootCause: text("root_cause"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("ca_requests_finding_uq").on(t.findingId), index("ca_requests_unit_idx").on(t.unitId)],
);

export const correctiveActions = sqliteTable(
  "corrective_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => caRequests.id),
    findingId: integer("finding_id")
      .notNull()
      .references(() => findings.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    description: text("description").notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    dueOn: text("due_on").notNull(),
    /** Why the action is due after its finding's deadline (required then; shown to the leader who signs). */
    lateReason: text("late_reason"),
    status: text("status", { enum: CA_STATUSES }).notNull().default("proposed"),
    /** First day (VN) the daily job found it past due; cleared when an extension moves the due date. */
    overdueSince: text("overdue_since"),
    startedAt: integer("started_at"),
    implementedAt: integer("implemented_at"),
    implementedOn: text("implemented_on"),
    implementedById: integer("implemented_by_id").references(() => users.id),
    implementationNote: text("implementation_note"),
    verifiedAt: integer("verified_at"),
    verifiedById: integer("verified_by_id").references(() => users.id),
    closedAt: integer("closed_at"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("corrective_actions_finding_idx").on(t.findingId),
    // With due_on: the open work of a province, in due-date order, is read from the index alone (list page).
    index("corrective_actions_unit_status_due_idx").on(t.unitId, t.status, t.dueOn),
    index("corrective_actions_owner_idx").on(t.ownerId, t.status),
    index("corrective_actions_due_idx").on(t.status, t.dueOn),
  ],
);

/**
 * The leader's signed acknowledgement of a corrective action. Append-only: triggers (migration
 * ca_signatures_immutable) abort any UPDATE or DELETE, for everyone. `contentHash` is SHA-256 over the action's
 * text, owner and due date at the moment of signing; a signature counts only while it matches the action.
 */
export const caSignatures = sqliteTable(
  "ca_signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => correctiveActions.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    signerId: integer("signer_id")
      .notNull()
      .references(() => users.id),
    /** Name and title as they were when signing (a later rename does not rewrite a signature). */
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title"),
    capacity: text("capacity", { enum: SIGN_CAPACITIES }).notNull(),
    comment: text("comment"),
    contentHash: text("content_hash").notNull(),
    /** The signed content, as JSON, so a reader sees what was signed even after it changed. */
    content: text("content").notNull(),
    signedAt: integer("signed_at").notNull(),
  },
  (t) => [index("ca_signatures_action_idx").on(t.actionId, t.signedAt), index("ca_signatures_unit_idx").on(t.unitId, t.signedAt)],
);

/** Effectiveness verifications, effective or not; an ineffective one keeps its reason here. */
export const caReviews = sqliteTable(
  "ca_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => correctiveActions.id),
    verifierId: integer("verifier_id")
      .notNull()
      .references(() => users.id),
    outcome: text("outcome", { enum: CA_REVIEW_OUTCOMES }).notNull(),
    note: text("note").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("ca_reviews_action_idx").on(t.actionId, t.at)],
);

/** Due-date extension requests: the only way a due date moves once an action has been acknowledged. */
export const caExtensions = sqliteTable(
  "ca_extensions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => correctiveActions.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    requestedById: integer("requested_by_id")
      .notNull()
      .references(() => users.id),
    requestedAt: integer("requested_at").notNull(),
    currentDueOn: text("current_due_on").notNull(),
    proposedDueOn: text("proposed_due_on").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: CA_EXTENSION_STATUSES }).notNull().default("pending"),
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: integer("decided_at"),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("ca_extensions_action_idx").on(t.actionId),
    index("ca_extensions_unit_status_idx").on(t.unitId, t.status),
    // At most one open request per action.
    uniqueIndex("ca_extensions_pending_uq")
      .on(t.actionId)
      .where(sql`status = 'pending'`),
  ],
);

/** Evidence of implementation: uploaded files linked to an action (notes live on the action and in reviews). */
export const caEvidence = sqliteTable(
  "ca_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => correctiveActions.id),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
    addedById: integer("added_by_id").references(() => users.id),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [index("ca_evidence_action_idx").on(t.actionId)],
);
