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

/** Kinds of documented information (issue: document control). */
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
