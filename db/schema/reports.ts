import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PERIOD_REPORT_KINDS, REPORT_ISSUE_STATUSES, REPORT_KINDS, REPORT_STATUSES, REPORT_TRIGGERS } from "./enums";
import { unitCertificates } from "./certificates";
import { users } from "./people";
import { units } from "./units";

/**
 * The archive of generated reports (PDF). A row is created queued (on demand) or running (by a job), and ends
 * done (with the file's SHA-256, size and place under DATA_DIR/reports) or failed (with its error). Rows and
 * files are never overwritten or deleted from the interface; a new edition of the same report is a new row.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: REPORT_KINDS }).notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** "YYYY-MM", "YYYY-Qn" or "YYYY"; for an audit report, action form or minutes: the subject's id ("#12"). */
    periodKey: text("period_key").notNull(),
    /** Audit, corrective action or inspection the document is about (kinds audit, action, minutes). */
    subjectId: integer("subject_id"),
    status: text("status", { enum: REPORT_STATUSES }).notNull(),
    /** What it is doing now, as an i18n key (shown while the person waits). */
    progress: text("progress"),
    trigger: text("trigger", { enum: REPORT_TRIGGERS }).notNull(),
    /** Who made it: a person (on demand) or a job (scheduled). */
    requestedById: integer("requested_by_id").references(() => users.id),
    jobName: text("job_name"),
    /** Short random code printed in the footer and in the QR code: leads to the verification page. */
    verifyCode: text("verify_code").notNull(),
    sha256: text("sha256"),
    size: integer("size"),
    pages: integer("pages"),
    /** Path under DATA_DIR/reports (never absolute, never chosen by a user). */
    file: text("file"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    /** "host:pid" of the process producing it while running: a dead pid frees the report at once (issue 15). */
    owner: text("owner"),
    /** The unit certificate the file is signed with (decision 0012); null: issued unsigned, see `unsignedReason`. */
    certificateId: integer("certificate_id").references(() => unitCertificates.id),
    /** Why a done report is not signed, as an i18n key (no certificate, expired, key file missing). */
    unsignedReason: text("unsigned_reason"),
    createdAt: integer("created_at").notNull(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    uniqueIndex("reports_verify_code_uq").on(t.verifyCode),
    // Exactly once per (kind, unit, period) for scheduled reports; on-demand editions may repeat.
    uniqueIndex("reports_scheduled_uq")
      .on(t.kind, t.unitId, t.periodKey)
      .where(sql`trigger = 'schedule'`),
    index("reports_sha_idx").on(t.sha256),
    index("reports_unit_created_idx").on(t.unitId, t.createdAt),
    index("reports_status_idx").on(t.status, t.createdAt),
  ],
);

/**
 * A report a unit sends (kinds unit, area, annual) from draft to issued (issue 14): the narrative the officer
 * writes, then the head's number (NN/BC-UBND, per unit and year, allocated inside the issuing transaction), date,
 * capacity and the archived report row. Only the issued file is archived and hashed; the draft is a preview.
 */
export const reportIssues = sqliteTable(
  "report_issues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: PERIOD_REPORT_KINDS }).notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    periodKey: text("period_key").notNull(),
    status: text("status", { enum: REPORT_ISSUE_STATUSES }).notNull().default("draft"),
    situation: text("situation"),
    results: text("results"),
    difficulties: text("difficulties"),
    proposals: text("proposals"),
    issuedYear: integer("issued_year"),
    issuedSeq: integer("issued_seq"),
    number: text("number"),
    issuedOn: text("issued_on"),
    issuedById: integer("issued_by_id").references(() => users.id),
    capacity: text("capacity", { enum: ["tm", "kt"] }),
    reportId: integer("report_id").references(() => reports.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("report_issues_period_uq").on(t.kind, t.unitId, t.periodKey),
    uniqueIndex("report_issues_number_uq")
      .on(t.unitId, t.issuedYear, t.issuedSeq)
      .where(sql`issued_seq IS NOT NULL`),
    index("report_issues_report_idx").on(t.reportId),
  ],
);
