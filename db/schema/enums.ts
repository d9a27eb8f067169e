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

/** Internal audit life cycle (issue 4): planned → in progress → reported → closed; rules.ts guards each step. */
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
