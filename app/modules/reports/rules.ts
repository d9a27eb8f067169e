import type { PeriodReportKind, ReportKind, ReportTrigger, SignCapacity } from "#db/schema/enums";
import type { Period } from "./periods";
import { bareTitle, signatureBlock } from "../corrective-actions/capacity";

/** Crockford base32: no I, L, O, U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "7KQ2M-X9DHT" from 10 random bytes (50 bits used: not guessable, short enough to type). */
export function formatVerifyCode(bytes: Uint8Array): string {
  const chars = Array.from(bytes.slice(0, 10), (b) => ALPHABET[b % 32]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}

/** What a person typed, normalised: case, spaces and dashes ignored; O→0, I/L→1 (Crockford). */
export function normaliseVerifyCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(s)) return undefined;
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export function isSha256(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

/** Where the file goes under DATA_DIR/reports: by year made, named by id (unique) then readable parts. */
export function reportFilePath(r: { id: number; kind: ReportKind; unitCode: string; periodKey: string; attempt: number; createdAt: Date }): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");
  const retry = r.attempt > 1 ? `-r${r.attempt}` : "";
  return `${r.createdAt.getUTCFullYear()}/${r.id}-${r.kind}-${safe(r.unitCode)}-${safe(r.periodKey)}${retry}.pdf`;
}

/** The name a download carries, in Vietnamese. */
export function downloadName(r: { kind: ReportKind; unitName: string; periodKey: string; id: number }): string {
  const what: Record<ReportKind, string> = {
    unit: "Báo cáo ISO",
    area: "Báo cáo tổng hợp ISO",
    annual: "Báo cáo năm HTQLCL",
    audit: "Báo cáo đánh giá nội bộ",
    action: "Phiếu yêu cầu HĐKP",
    minutes: "Biên bản kiểm tra",
    announcement: "Công bố HTQLCL",
  };
  return `${what[r.kind]} - ${r.unitName} - ${r.periodKey} (${r.id}).pdf`;
}

/** Why a (kind, unit, period) cannot be made; an i18n key per offending field, or nothing when fine. */
export function requestProblems(input: {
  kind: PeriodReportKind;
  unitIsArea: boolean;
  period: Period;
  today: string;
  /** A unit that has ended is never reported on for a period that starts after its last day. */
  unitValidTo?: string | null;
}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (input.unitValidTo && input.period.start > input.unitValidTo) out.period = ["reports.errors.afterUnitEnd"];
  if (input.kind === "area" && !input.unitIsArea) out.unitId = ["reports.errors.notArea"];
  if (input.kind === "annual" && input.period.cadence !== "year") out.period = ["reports.errors.annualYear"];
  if (input.period.start > input.today) out.period = ["reports.errors.future"];
  return out;
}

/** A claimed ("running") row untouched this long was left by a dead process: it may be taken over. */
export const STALE_RUNNING_MS = 10 * 60 * 1000;

/** "2026-06-19" → "19/06/2026". */
export function vnDayText(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

export { bareTitle };

/**
 * A leader's signature block as Decree 30/2020 writes it, from the capacity they signed in: own name (the
 * title only), KT. (ký thay: "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"), TL. (thừa lệnh), TM. (thay mặt the committee).
 */
export function signatureForAcknowledgement(capacity: SignCapacity, signerTitle: string | null): { capacity?: string; title: string } {
  return signatureBlock(capacity, signerTitle);
}

/** The period key of a report about one record: "#12". */
export function subjectKey(id: number): string {
  return `#${id}`;
}

/** The page of the record a report is about (audit, finding's corrective actions, inspection); null for period kinds. */
export function recordPath(kind: ReportKind, subjectId: number | null): string | null {
  if (!subjectId) return null;
  if (kind === "audit") return `/audits/${subjectId}`;
  if (kind === "action") return `/findings/${subjectId}/actions`;
  if (kind === "minutes") return `/inspections/${subjectId}`;
  return null;
}

/** What the public verification page shows about an issued report (never who made it). */
export type VerifiedReport = {
  kind: ReportKind;
  unitName: string;
  unitCode: string;
  periodKey: string;
  sha256: string;
  size: number;
  pages: number | null;
  verifyCode: string;
  trigger: ReportTrigger;
  createdAt: number;
  finishedAt: number | null;
  /** Subject of the certificate the file is signed with, null when issued unsigned; a demo certificate is said so. */
  signer: string | null;
  signerDemo: boolean | null;
  /** The audit trail's head when it was issued (printed in its footer; issue 15), if recorded. */
  trailAt: { lastId: number; head: string } | null;
  /** Its number (NN/BC-UBND) when the unit's head issued it from its draft; null otherwise (see reportStanding). */
  issueNumber: string | null;
};

/**
 * What an archived period report (unit, area, yearly) is: "issued" by the unit's head from its draft, with its
 * number; or a copy made before reports were issued (issue 14, decision 0017): the scheduler's automatic copy
 * ("legacySchedule") or one printed on request ("legacyManual"), both unnumbered and never issued by the unit. They
 * stay as they were (evidence of what the system showed then), labelled for what they are. Null: a record document
 * (audit report, action form, minutes, announcement), not a report a unit sends.
 */
export type ReportStanding = "issued" | "legacySchedule" | "legacyManual";
export function reportStanding(r: { kind: ReportKind; trigger: ReportTrigger; issueNumber: string | null }): ReportStanding | null {
  if (r.kind !== "unit" && r.kind !== "area" && r.kind !== "annual") return null;
  if (r.issueNumber) return "issued";
  return r.trigger === "schedule" ? "legacySchedule" : "legacyManual";
}

/** The answer to "did the system issue this?": by file, by hash or by code; `report` null = not issued here. */
export type Verification =
  | { by: "file"; sha256: string; report: VerifiedReport | null }
  | { by: "hash"; sha256: string; report: VerifiedReport | null }
  | { by: "code"; code: string; report: VerifiedReport | null }
  | { by: "invalid" };
