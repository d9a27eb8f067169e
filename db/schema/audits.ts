import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { AUDIT_STATUSES, CHECKLIST_ITEM_KINDS, CHECKLIST_RESULTS } from "./enums";
import { files } from "./files";
import { findings } from "./findings";
import { users } from "./people";
import { isoClauses } from "./reference";
import { units } from "./units";

/** A unit's yearly internal audit programme (chương trình đánh giá nội bộ): the container of that year's audits. */
export const auditProgrammes = sqliteTable(
  "audit_programmes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year").notNull(),
    /** Objectives and notes of the programme (free text, e.g. "đánh giá toàn bộ HTQLCL ít nhất 1 lần/năm"). */
    objectives: text("objectives"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("audit_programmes_unit_year_uq").on(t.unitId, t.year)],
);

/** One internal audit (đợt đánh giá nội bộ) of one unit. */
export const audits = sqliteTable(
  "audits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => auditProgrammes.id),
    /** The audited unit (denormalised from the programme: every scope filter reads it). */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    title: text("title").notNull(),
    objectives: text("objectives"),
    /** Calendar days YYYY-MM-DD. */
    startOn: text("start_on").notNull(),
    endOn: text("end_on").notNull(),
    status: text("status", { enum: AUDIT_STATUSES }).notNull().default("planned"),
    leadAuditorId: integer("lead_auditor_id")
      .notNull()
      .references(() => users.id),
    /** Conclusion of the audit report; required to report. */
    conclusion: text("conclusion"),
    reportedOn: text("reported_on"),
    closedAt: integer("closed_at"),
    /** The audit this one was copied from (last year's), if any. */
    copiedFromId: integer("copied_from_id").references((): AnySQLiteColumn => audits.id),
    plannedById: integer("planned_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("audits_unit_status_idx").on(t.unitId, t.status, t.reportedOn),
    index("audits_programme_idx").on(t.programmeId),
    index("audits_lead_idx").on(t.leadAuditorId),
  ],
);

/** Audit team members besides the lead auditor. */
export const auditTeamMembers = sqliteTable(
  "audit_team_members",
  {
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ name: "audit_team_members_pk", columns: [t.auditId, t.userId] }), index("audit_team_members_user_idx").on(t.userId)],
);

/** ISO clauses in an audit's scope. */
export const auditScopeClauses = sqliteTable(
  "audit_scope_clauses",
  {
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    clauseCode: text("clause_code")
      .notNull()
      .references(() => isoClauses.code),
  },
  (t) => [primaryKey({ name: "audit_scope_clauses_pk", columns: [t.auditId, t.clauseCode] })],
);

/**
 * Process documents (quy trình) in an audit's scope, by code and name as typed. `documentId` is the link to the
 * controlled document once the documents area lands: nullable and without a foreign key for now, so wiring it
 * later needs no data change.
 */
export const auditScopeProcesses = sqliteTable(
  "audit_scope_processes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    code: text("code"),
    name: text("name").notNull(),
    documentId: integer("document_id"),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("audit_scope_processes_audit_idx").on(t.auditId, t.sortOrder), index("audit_scope_processes_document_idx").on(t.documentId)],
);

/**
 * Reference question bank for checklists (loaded by a migration): questions per ISO clause, and templates for
 * process documents ({process} is replaced by the process's code and name).
 */
export const auditQuestionBank = sqliteTable(
  "audit_question_bank",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appliesTo: text("applies_to", { enum: ["clause", "process"] }).notNull(),
    clauseCode: text("clause_code").references(() => isoClauses.code),
    question: text("question").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("audit_question_bank_clause_idx").on(t.clauseCode, t.sortOrder)],
);

/** One checklist question of an audit; the question text is copied, so later bank edits leave history intact. */
export const auditChecklistItems = sqliteTable(
  "audit_checklist_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CHECKLIST_ITEM_KINDS }).notNull(),
    clauseCode: text("clause_code").references(() => isoClauses.code),
    processId: integer("process_id").references(() => auditScopeProcesses.id, { onDelete: "set null" }),
    question: text("question").notNull(),
    sortOrder: integer("sort_order").notNull(),
    result: text("result", { enum: CHECKLIST_RESULTS }),
    notes: text("notes"),
    answeredById: integer("answered_by_id").references(() => users.id),
    answeredAt: integer("answered_at"),
  },
  (t) => [index("audit_checklist_items_audit_idx").on(t.auditId, t.sortOrder)],
);

/** Evidence files (shared files module) attached to a checklist item. */
export const auditChecklistEvidence = sqliteTable(
  "audit_checklist_evidence",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => auditChecklistItems.id, { onDelete: "cascade" }),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ name: "audit_checklist_evidence_pk", columns: [t.itemId, t.fileId] })],
);

/**
 * Findings raised by an audit, linked from the audit's side (findings stays independent): a finding belongs to
 * at most one audit, and to the checklist item it was raised from, if any.
 */
export const auditFindings = sqliteTable(
  "audit_findings",
  {
    findingId: integer("finding_id")
      .primaryKey()
      .references(() => findings.id),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id),
    checklistItemId: integer("checklist_item_id").references(() => auditChecklistItems.id),
  },
  (t) => [index("audit_findings_audit_idx").on(t.auditId), index("audit_findings_item_idx").on(t.checklistItemId)],
);
