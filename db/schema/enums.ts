// Status and kind lists, `as const`, used by the columns, the rules and the UI. No imports here: the browser
// bundle (forms) reads this file too.

/** Kinds of administrative unit. District and township exist only before 1 July 2025. */
export const UNIT_KINDS = ["province", "district", "commune", "ward", "township", "special_zone", "department", "ministry"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ["admin", "officer", "leader", "inspector"] as const;
export type Role = (typeof ROLES)[number];

export const JOB_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** Where a finding comes from. */
export const FINDING_SOURCES = ["internal_audit", "inspection", "complaint", "management_review", "par_index"] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** A finding is open until closed: a nonconformity closes only when all its actions are verified effective. */
export const FINDING_STATUSES = ["open", "closed"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** What a quality objective measures; all but `manual` are computed from the one-stop service figures. */
export const OBJECTIVE_MEASURES = [
  "on_time_rate",
  "online_rate",
  "post_rate",
  "feedback_on_time_rate",
  "overdue_count",
  "satisfaction_rate",
  "manual",
] as const;
export type ObjectiveMeasure = (typeof OBJECTIVE_MEASURES)[number];
/**
 * Corrective action workflow (ISO 9001 clause 10.2). "proposed" waits for the leader's acknowledgement (again, when
 * an acknowledged action's content changed); "verified" = verified effective, waiting for its finding's other
 * actions; "closed" when the finding closes. Verified ineffective goes back to "in_progress".
 */
export const CA_STATUSES = ["proposed", "acknowledged", "in_progress", "implemented", "verified", "closed"] as const;
export type CaStatus = (typeof CA_STATUSES)[number];

/**
 * The capacity in which a leader signs (DOMAIN.md §3, §9): own name, KT. (ký thay: a deputy for the head),
 * TL. (thừa lệnh) and TUQ. (thừa ủy quyền: delegated staff), TM. (thay mặt: the head for the collective).
 */
export const SIGN_CAPACITIES = ["own", "tm", "kt", "tl", "tuq"] as const;
export type SignCapacity = (typeof SIGN_CAPACITIES)[number];

export const ROOT_CAUSE_METHODS = ["five_whys", "free_text"] as const;
export type RootCauseMethod = (typeof ROOT_CAUSE_METHODS)[number];

export const CA_EXTENSION_STATUSES = ["pending", "approved", "refused"] as const;
export type CaExtensionStatus = (typeof CA_EXTENSION_STATUSES)[number];

export const CA_REVIEW_OUTCOMES = ["effective", "ineffective"] as const;
export type CaReviewOutcome = (typeof CA_REVIEW_OUTCOMES)[number];

/** In-app notification kinds (the message key is `notifications.kind.<kind>`). */
export const NOTIFICATION_KINDS = [
  "ca.ack_requested",
  "ca.acknowledged",
  "ca.reminder_7d",
  "ca.reminder_1d",
  "ca.overdue",
  "ca.overdue_leader",
  "ca.escalated",
  "ca.extension_requested",
  "ca.extension_decided",
  "ca.implemented",
  "ca.ineffective",
  "finding.closed",
  "finding.recorded",
  "inspection.minutes_signed",
  "document.approval_requested",
  "deadline.moved",
  "report.draft_waiting",
  "report.awaiting_issue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/**
 * Report kinds: (a) unit, (b) area summary, (c) annual QMS report, (d) audit report, (e) action form, (f) minutes,
 * and the announcement of conformity (Phụ lục I of QĐ 19), issued by the unit's leader, never requested as a report.
 */
export const REPORT_KINDS = ["unit", "area", "annual", "audit", "action", "minutes", "announcement"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** The kinds cut by a period (the others are about one record, by id). */
export const PERIOD_REPORT_KINDS = ["unit", "area", "annual"] as const;
export type PeriodReportKind = (typeof PERIOD_REPORT_KINDS)[number];
/** The kinds drawn from one record: an audit (its report), a finding (its corrective action request form), an inspection (its minutes). */
export const RECORD_REPORT_KINDS = ["audit", "action", "minutes"] as const;
export type RecordReportKind = (typeof RECORD_REPORT_KINDS)[number];

export const REPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_TRIGGERS = ["schedule", "manual"] as const;
/** A report a unit sends: a draft (preview, never archived) until its head issues it (issue 14). */
export const REPORT_ISSUE_STATUSES = ["draft", "issued"] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];
/** Kinds of documented information. */
export const DOCUMENT_KINDS = ["manual", "policy", "objectives", "process", "form", "guideline"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document is a draft until its first revision takes effect; withdrawn documents are obsolete. */
export const DOCUMENT_STATUSES = ["draft", "effective", "obsolete"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** soạn thảo → xem xét → phê duyệt → hiệu lực; later replaced (superseded) or withdrawn with its document (obsolete). */
export const REVISION_STATUSES = ["draft", "in_review", "approved", "effective", "superseded", "obsolete"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** Outcome of a periodic review of a document. */
export const REVIEW_OUTCOMES = ["still_valid", "needs_revision"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Online public service level of an administrative procedure (levels 3/4 before 2022, full/partial since). */
export const ONLINE_LEVELS = ["none", "level3", "level4", "partial", "full"] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
/** Internal audit life cycle: planned → in progress → reported → closed; rules.ts guards each step. */
export const AUDIT_STATUSES = ["planned", "in_progress", "reported", "closed"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** The result of one checklist question. */
export const CHECKLIST_RESULTS = ["conforms", "nonconformity", "observation", "not_applicable"] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];

/** A checklist question comes from an ISO clause of the scope, a process document of the scope, or the auditor. */
export const CHECKLIST_ITEM_KINDS = ["clause", "process", "custom"] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];

/** TT 26/2014: every unit is inspected by report at least yearly, at least a third on site. */
export const INSPECTION_METHODS = ["report", "on_site"] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];

/** Announcement of a QMS conforming to TCVN ISO 9001, or a re-announcement after a scope change. */
export const ANNOUNCEMENT_KINDS = ["announcement", "re_announcement"] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];
