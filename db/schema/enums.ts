// Status and kind lists, `as const`, used by the columns, the rules and the UI. No imports here: the browser
// bundle (forms) reads this file too.

/** Kinds of administrative unit. District and township exist only before 1 July 2025. */
export const UNIT_KINDS = ["province", "district", "commune", "ward", "township", "special_zone", "department"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ["admin", "officer", "leader", "inspector"] as const;
export type Role = (typeof ROLES)[number];

export const JOB_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** Where a finding comes from (issue: audits, inspections and findings). */
export const FINDING_SOURCES = ["internal_audit", "inspection", "complaint", "management_review", "par_index"] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** A finding is open until closed: a nonconformity closes only when all its actions are verified effective. */
export const FINDING_STATUSES = ["open", "closed"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Report kinds: (a) unit, (b) area summary, (c) annual QMS report, (d) audit report, (e) action form, (f) minutes. */
export const REPORT_KINDS = ["unit", "area", "annual", "audit", "action", "minutes"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** The kinds cut by a period (the others are about one record, by id). */
export const PERIOD_REPORT_KINDS = ["unit", "area", "annual"] as const;
export type PeriodReportKind = (typeof PERIOD_REPORT_KINDS)[number];

export const REPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_TRIGGERS = ["schedule", "manual"] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];
