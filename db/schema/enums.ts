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

/** What a quality objective measures; all but `manual` are computed from the one-stop service figures. */
export const OBJECTIVE_MEASURES = ["on_time_rate", "online_rate", "post_rate", "feedback_on_time_rate", "overdue_count", "satisfaction_rate", "manual"] as const;
export type ObjectiveMeasure = (typeof OBJECTIVE_MEASURES)[number];
