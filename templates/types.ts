/**
 * The typed input of every PDF template. Templates draw only what is here: they never query, read the clock or
 * touch files. Everything is plain data (structured-clone safe), so it can cross into the render worker.
 */

/** A section whose data source has not landed yet is "missing": the PDF says "Chưa có dữ liệu", never a figure. */
export type Section<T> = { status: "ok"; data: T } | { status: "missing"; reason?: string };

export type DocMeta = {
  /** Issuing body lines, top left (Decree 30/2020): e.g. ["ỦY BAN NHÂN DÂN", "XÃ LAI VUNG"]. Printed in capitals. */
  issuingBody: string[];
  /**
   * How many of the first issuing-body lines name the superior body (printed regular, the rest bold). Default: all
   * but the last two ("ỦY BAN NHÂN DÂN" / "XÃ LAI VUNG" is one body on two lines).
   */
  superiorLines?: number;
  /** The number given by the office (văn thư); null leaves the blank "Số:      /BC-UBND" to be filled in. */
  number: string | null;
  /** Symbol after the number: "BC-UBND", "BB-KT", "PYC-HĐKP"… */
  numberSuffix: string;
  /** Place name for "Lai Vung, ngày … tháng … năm …". */
  place: string;
  /** Calendar day the document carries (YYYY-MM-DD). */
  issuedOn: string;
  /** "BÁO CÁO", "BIÊN BẢN"… (printed in capitals) and the summary line below it (trích yếu). */
  title: string;
  subtitle?: string;
  /** "Nơi nhận:" lines, bottom left. */
  recipients: string[];
  signature: SignatureBlock;
  /** Footer of every page: a short code and a QR code leading to the verification page. */
  verification: {
    code: string;
    url: string;
    /** The audit trail's head when the report was issued (issue 15): an outside anchor of the chain. */
    trail?: { lastId: number; head: string };
  };
  /** PDF metadata (creation date comes from the generator's clock, never from the template). */
  createdAt: Date;
  /** Present when the issued file is signed with its unit's certificate: the visible block and the signature field. */
  digitalSignature?: DigitalSignatureMark;
  author: string;
  /** A draft (preview, not archived, not hashed): "DỰ THẢO" on every page (issue 14). */
  draft?: boolean;
};

/** The parts of a report the unit writes itself (issue 14): null = not written (a draft shows where it goes). */
export type ReportNarrative = { situation: string | null; results: string | null; difficulties: string | null; proposals: string | null };

/** What TT 26/2014 and Phụ lục II of QĐ 19 ask the yearly report to count (issue 14 item 5). */
export type YearlyFacts = {
  /** Units that must apply the QMS (existed in the year), apply it (a process document in force), have announced. */
  mustApply: number;
  applying: number;
  announced: number;
  /** Units inspected in the year (a decision in the year) and of them on site. */
  inspected: number;
  inspectedOnSite: number;
  /** Inspections in the year and the findings they raised. */
  inspections: { count: number; onSite: number; byReport: number; findings: number; minutesSigned: number };
  /** One-stop service results over the year (figures imported): null when no month was recorded. */
  service: { received: number; onTime: number; overdue: number; online: number; byPost: number; months: number } | null;
};

/** What the visible block of a digital signature says (Decree 30/2020, Phụ lục I: body, signer, time and zone). */
export type DigitalSignatureMark = {
  /** The signing body: "Ủy ban nhân dân xã Lai Vung". */
  body: string;
  /** The certificate's subject (CN). */
  signer: string;
  /** The capacity it signs in ("TM. ỦY BAN NHÂN DÂN"), when the document has one. */
  capacity?: string;
  /** "25/11/2026 10:00:00 +07:00". */
  time: string;
  /** A self-issued demo certificate: the block says it has no legal value. */
  demo: boolean;
  /** The signature dictionary's /Reason and /Location. */
  reason: string;
  location: string;
};

export type SignatureBlock = {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"… */
  capacity?: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG ĐOÀN"… */
  title: string;
  name?: string | null;
};

export type PeriodInfo = {
  key: string;
  label: string;
  start: string;
  end: string;
  /** A period still running: "Số liệu tính đến 09:00 ngày 01/12/2026 …", printed on the first page. */
  asOfNote?: string;
};
export type UnitRef = { code: string; name: string };

// ----- sections (each comes from a provider in app/modules/reports/sections) -----

export type ObligationState = "met" | "not_met" | "unknown";
export type ObligationsData = { lines: { label: string; state: ObligationState; evidence: string }[] };

export type DocumentsData = {
  total: number;
  effective: number;
  overdueReview: number;
  overdueUpdate: number;
  /** Documents needing attention, listed with their code. */
  attention: { code: string; title: string; reason: string }[];
};

export type CycleData = {
  audits: { date: string; title: string; result: string }[];
  inspections: { date: string; title: string; result: string }[];
  managementReviews: { date: string; title: string }[];
  effectivenessConfirmedOn: string | null;
};

export type FindingsByGrade = {
  gradeCode: string;
  gradeName: string;
  raised: number;
  closed: number;
  openAtEnd: number;
};
export type FindingsData = {
  byGrade: FindingsByGrade[];
  raised: number;
  closed: number;
  openAtEnd: number;
  /** Open at the period's end with their action due date passed. */
  overdueAtEnd: number;
  /** Findings raised in the period, for the detail table. */
  list: { foundOn: string; grade: string; clause: string | null; description: string; status: string }[];
};

export type CorrectiveActionsData = {
  open: number;
  overdue: number;
  closed: number;
  closedOnTime: number;
  /** Closed on time in % of closed; null when none closed. */
  closedOnTimePct: number | null;
};

/** A signature as it stood at the report's date: still valid, replaced by a later one, or voided by a change of what it covered. */
export type AcknowledgementState = "valid" | "superseded" | "voided";
export type AcknowledgementsData = {
  /** Signatures of the period still valid at the report's date (one per action): the table's "valid" rows. */
  acknowledged: number;
  /** Signatures of the period no longer valid then (superseded or voided): the table's other rows. */
  voided: number;
  /** Actions waiting for a leader's signature at the report's date. */
  pending: number;
  /** Capacity, signer and the text signed (from the signature's own snapshot). */
  list: { date: string; by: string; subject: string; state: AcknowledgementState }[];
};

export type ObjectivesData = { rows: { objective: string; target: string; actual: string; met: boolean | null }[] };

export type UnitSections = {
  obligations: Section<ObligationsData>;
  documents: Section<DocumentsData>;
  cycle: Section<CycleData>;
  findings: Section<FindingsData>;
  correctiveActions: Section<CorrectiveActionsData>;
  acknowledgements: Section<AcknowledgementsData>;
  objectives: Section<ObjectivesData>;
};
export type SectionId = keyof UnitSections;

// ----- the kinds -----

/** (a) A unit's compliance report for a month, quarter or year. */
export type UnitReportData = { kind: "unit"; meta: DocMeta; unit: UnitRef; period: PeriodInfo; sections: UnitSections; narrative?: ReportNarrative };

/** (b) An area summary: one line per unit below, totals and charts. */
export type AreaSummaryRow = { unit: UnitRef; sections: Pick<UnitSections, "findings" | "documents" | "correctiveActions" | "cycle"> };
export type AreaSummaryData = { kind: "area"; meta: DocMeta; area: UnitRef; period: PeriodInfo; rows: AreaSummaryRow[]; narrative?: ReportNarrative };

/** (c) The yearly report on building and applying the QMS (QĐ 19/2014, Phụ lục II in spirit). */
export type AnnualReportData = {
  kind: "annual";
  meta: DocMeta;
  unit: UnitRef;
  period: PeriodInfo;
  /** The unit itself (aggregated over its subtree) and each unit below it. */
  sections: UnitSections;
  rows: AreaSummaryRow[];
  /** The narrative the unit writes (situation, results, difficulties, proposals) and the TT 26 counts. */
  narrative?: ReportNarrative;
  yearly?: YearlyFacts;
};

/** (d) Internal audit report. */
export type AuditReportData = {
  kind: "audit";
  meta: DocMeta;
  unit: UnitRef;
  audit: {
    code: string;
    title: string;
    objectives?: string | null;
    scope: string;
    /** ISO clauses in scope ("7.5 Thông tin dạng văn bản") and process documents ("QT 01/CX-HCTP Chứng thực…"). */
    clauses?: string[];
    processes?: string[];
    criteria: string;
    startedOn: string;
    endedOn: string;
    leadAuditor: string;
    team: string[];
    auditees: string[];
  };
  /** Results of the checklist questions (absent: the summary paragraph says it all). */
  checklist?: { total: number; conforms: number; nonconformity: number; observation: number; notApplicable: number; unanswered: number };
  summary: string;
  findings: { no: number; clause: string; clauseTitle: string; grade: string; description: string; evidence: string }[];
  conclusion: string;
  /** The lead auditor signs for the team, the unit's head for the audited unit (absent: the meta signature only). */
  signatures?: { leadAuditor: SignatureBlock; unitHead: SignatureBlock };
};

/** (e) Corrective action request form (Phiếu yêu cầu hành động khắc phục). */
export type CorrectiveActionFormData = {
  kind: "action";
  meta: DocMeta;
  unit: UnitRef;
  form: {
    number: string;
    source: string;
    foundOn: string;
    clause: string;
    grade: string;
    finding: string;
    evidence: string;
    requestedBy: string;
    requestedOn: string;
    dueOn: string;
    responsible: string;
    correction: string;
    rootCause: string;
    correctiveAction: string;
    /** The answers to "why?" (5 whys), in order, when the guided method was used. */
    whys?: string[];
    /** Each corrective action with its owner, due date, state and the leader's signed acknowledgement. */
    actions?: {
      no: number;
      description: string;
      owner: string;
      dueOn: string;
      status: string;
      /** "KT. Chủ tịch – Phó Chủ tịch Huỳnh Thanh Tâm, ngày 25/11/2025" parts; null when not (or no longer) signed. */
      acknowledgement: { by: string; capacity: string; on: string } | null;
    }[];
    acknowledgement: { by: string; on: string; capacity?: string } | null;
    verification: { by: string; on: string; effective: boolean | null; note: string } | null;
  };
};

/** (f) Inspection minutes (biên bản kiểm tra, form 21 of TT 26/2014). */
export type InspectionMinutesData = {
  kind: "minutes";
  meta: DocMeta;
  unit: UnitRef;
  minutes: {
    decision: string;
    heldOn: string;
    place: string;
    inspectors: { name: string; title: string }[];
    unitRepresentatives: { name: string; title: string }[];
    checks: { item: string; result: string }[];
    findings: { no: number; clause: string; grade: string; description: string; dueOn?: string | null }[];
    /** What the minutes record as worked through (free text of the minutes), printed before the table of checks. */
    summary?: string;
    conclusion: string;
    requests: string[];
    correctiveReportDueOn: string;
  };
  /** Both sides sign the minutes. */
  signatures: { inspectorSide: SignatureBlock; unitSide: SignatureBlock };
};

/**
 * (g) The announcement that the unit's QMS conforms to TCVN ISO 9001:2015 (form of Phụ lục I, QĐ 19/2014/QĐ-TTg):
 * the unit, the standard, the administrative procedures it covers (the scope), signed by the unit's head.
 */
export type AnnouncementData = {
  kind: "announcement";
  meta: DocMeta;
  unit: UnitRef;
  announcement: {
    /** "Tiêu chuẩn quốc gia TCVN ISO 9001:2015". */
    standard: string;
    /** The body that announces, as it reads inside a sentence: "Ủy ban nhân dân xã Lai Vung". */
    announcer: string;
    /** A re-announcement names the announcement it replaces (number and day), and says whether the scope changed. */
    replaces: { number: string; day: string; scopeChanged: boolean } | null;
    /** The unit's own records the announcement rests on (internal audit, management review, confirmation), as lines. */
    basis: string[];
    /** The scope: the procedures covered, by field, in catalogue order. */
    procedures: { field: string; code: string; name: string }[];
  };
};

export type ReportData =
  UnitReportData | AreaSummaryData | AnnualReportData | AuditReportData | CorrectiveActionFormData | InspectionMinutesData | AnnouncementData;
export type ReportKind = ReportData["kind"];

/** The index of a dossier downloaded as one ZIP archive (an inspection's papers, a unit's export). */
export type DossierIndexData = {
  meta: Pick<DocMeta, "issuingBody" | "number" | "numberSuffix" | "place" | "issuedOn" | "title" | "subtitle" | "createdAt" | "author">;
  /** Lines under the title: what the dossier is about. */
  about: string[];
  papers: { paper: string; detail: string; file: string | null; sha256: string | null }[];
  /** Papers the law names that the app does not hold for this dossier. */
  missing: string[];
  closing: string;
};
