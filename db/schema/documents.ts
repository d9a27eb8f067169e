import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, REVIEW_OUTCOMES, REVISION_STATUSES } from "./enums";
import { files } from "./files";
import { users } from "./people";
import { procedures } from "./procedures";
import { isoClauses } from "./reference";
import { units } from "./units";

/**
 * A controlled document of a unit's QMS (TCVN ISO 9001:2015 clause 7.5): manual, policy, objectives, process
 * (quy trình), form, guideline. Its content lives in revisions; the row keeps the register data and the clock
 * columns derived by `documents/rules.ts` (kept in step by every verb that changes their inputs), so lists can
 * filter and count overdue documents in SQL.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** e.g. "QT 02/CX-HCTP"; unique within the unit. */
    code: text("code").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    /** Who keeps the document up to date (a post or section, e.g. "Công chức Tư pháp - Hộ tịch"). */
    owner: text("owner").notNull(),
    reviewCycleMonths: integer("review_cycle_months").notNull().default(12),
    status: text("status", { enum: DOCUMENT_STATUSES }).notNull().default("draft"),
    currentRevisionId: integer("current_revision_id").references((): AnySQLiteColumn => documentRevisions.id),
    /** Day the current revision took effect (YYYY-MM-DD). */
    effectiveFrom: text("effective_from"),
    /** Day of the last periodic review. */
    lastReviewedOn: text("last_reviewed_on"),
    /** The last periodic review found the document needs revising, and no newer revision has taken effect. */
    needsRevision: integer("needs_revision", { mode: "boolean" }).notNull().default(false),
    /** Derived clocks (rules.ts): next periodic review, and the earliest 3-month update deadline of an open legal change. */
    nextReviewOn: text("next_review_on"),
    updateDueOn: text("update_due_on"),
    /**
     * The unit publishes the file of the revision in force on its public page (/cong-khai/<code>). Off unless an
     * officer turns it on: register data (code, title, effective date) of a process in force is public anyway.
     */
    publicFile: integer("public_file", { mode: "boolean" }).notNull().default(false),
    withdrawnAt: integer("withdrawn_at"),
    withdrawnById: integer("withdrawn_by_id").references(() => users.id),
    withdrawReason: text("withdraw_reason"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("documents_unit_code_uq").on(t.unitId, t.code),
    index("documents_unit_status_idx").on(t.unitId, t.status),
    index("documents_next_review_idx").on(t.nextReviewOn),
    index("documents_update_due_idx").on(t.updateDueOn),
  ],
);

/** One version of a document's content, with its approval trail (who drafted, reviewed, approved; when). */
export const documentRevisions = sqliteTable(
  "document_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    /** Lần ban hành: 1, 2, 3… */
    number: integer("number").notNull(),
    changeSummary: text("change_summary").notNull(),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
    status: text("status", { enum: REVISION_STATUSES }).notNull().default("draft"),
    draftedById: integer("drafted_by_id").references(() => users.id),
    draftedAt: integer("drafted_at").notNull(),
    submittedAt: integer("submitted_at"),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewedAt: integer("reviewed_at"),
    /** Last note from review (a return to the drafter, or the reviewer's remark). */
    reviewNote: text("review_note"),
    approvedById: integer("approved_by_id").references(() => users.id),
    approvedAt: integer("approved_at"),
    /** Day the revision takes (took) effect, set at approval. */
    effectiveFrom: text("effective_from"),
    effectiveAt: integer("effective_at"),
    supersededAt: integer("superseded_at"),
    supersededById: integer("superseded_by_id").references((): AnySQLiteColumn => documentRevisions.id),
    obsoleteAt: integer("obsolete_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("document_revisions_doc_number_uq").on(t.documentId, t.number), index("document_revisions_status_idx").on(t.status)],
);

export const documentClauses = sqliteTable(
  "document_clauses",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    clauseCode: text("clause_code")
      .notNull()
      .references(() => isoClauses.code),
  },
  (t) => [primaryKey({ name: "document_clauses_pk", columns: [t.documentId, t.clauseCode] }), index("document_clauses_clause_idx").on(t.clauseCode)],
);

export const DOCUMENT_PERSON_ROLES = ["owner", "participant"] as const;
export type DocumentPersonRole = (typeof DOCUMENT_PERSON_ROLES)[number];

/**
 * The people who own a process document (phụ trách) or take part in it (tham gia): an auditor may not audit a
 * process of theirs (TCVN ISO 9001:2015, 9.2.2 c: auditors do not audit their own work).
 */
export const documentPeople = sqliteTable(
  "document_people",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: DOCUMENT_PERSON_ROLES }).notNull(),
  },
  (t) => [primaryKey({ name: "document_people_pk", columns: [t.documentId, t.userId] }), index("document_people_user_idx").on(t.userId)],
);

/** Which administrative procedures a process document covers (similar TTHC may share one process). */
export const documentProcedures = sqliteTable(
  "document_procedures",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id),
  },
  (t) => [primaryKey({ name: "document_procedures_pk", columns: [t.documentId, t.procedureId] }), index("document_procedures_proc_idx").on(t.procedureId)],
);

/** Periodic reviews of a document ("still valid" / "needs revision"). */
export const documentReviews = sqliteTable(
  "document_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    reviewedOn: text("reviewed_on").notNull(),
    outcome: text("outcome", { enum: REVIEW_OUTCOMES }).notNull(),
    note: text("note"),
    reviewerId: integer("reviewer_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("document_reviews_doc_idx").on(t.documentId, t.reviewedOn)],
);

/**
 * A legal text that changes what a unit's documents must say. From its effective date, QĐ 19 gives the unit
 * 3 months to update the QMS: each linked document stays open until a newer revision of it takes effect.
 */
export const legalChanges = sqliteTable(
  "legal_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** e.g. "Nghị định 120/2025/NĐ-CP". */
    textNumber: text("text_number").notNull(),
    title: text("title").notNull(),
    effectiveOn: text("effective_on").notNull(),
    note: text("note"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("legal_changes_unit_idx").on(t.unitId, t.effectiveOn)],
);

export const legalChangeDocuments = sqliteTable(
  "legal_change_documents",
  {
    legalChangeId: integer("legal_change_id")
      .notNull()
      .references(() => legalChanges.id),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    linkedAt: integer("linked_at").notNull(),
    /** The revision whose taking effect answered the change, and the day. */
    resolvedRevisionId: integer("resolved_revision_id").references(() => documentRevisions.id),
    resolvedOn: text("resolved_on"),
  },
  (t) => [
    primaryKey({ name: "legal_change_documents_pk", columns: [t.legalChangeId, t.documentId] }),
    index("legal_change_documents_doc_idx").on(t.documentId, t.resolvedOn),
  ],
);
