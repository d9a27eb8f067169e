import type { AuditStatus, ChecklistItemKind, ChecklistResult } from "#db/schema/enums";

/** The audit life cycle as data: each step names where it may start and where it leads. */
export const AUDIT_STEPS = {
  start: { from: ["planned"], to: "in_progress" },
  report: { from: ["in_progress"], to: "reported" },
  close: { from: ["reported"], to: "closed" },
  reopen: { from: ["reported"], to: "in_progress" },
} as const satisfies Record<string, { from: readonly AuditStatus[]; to: AuditStatus }>;
export type AuditStep = keyof typeof AUDIT_STEPS;
export const AUDIT_STEP_NAMES = Object.keys(AUDIT_STEPS) as AuditStep[];

export function stepAllowed(status: AuditStatus, step: AuditStep): boolean {
  return (AUDIT_STEPS[step].from as readonly AuditStatus[]).includes(status);
}

/** Steps a status offers (the UI shows these buttons; the verb checks again). */
export function stepsFrom(status: AuditStatus): AuditStep[] {
  return AUDIT_STEP_NAMES.filter((s) => stepAllowed(status, s));
}

/**
 * An inspection (by the Sở KH&CN or a district) is external: nobody inspects the unit they belong to, nor a unit
 * that contains their own. Internal audits judge independence by process instead (`processConflicts`).
 * Paths are materialised ("/1/4/17/"): the auditor's unit lies inside the audited unit's subtree when its path
 * starts with the audited unit's path.
 */
export function auditorIndependent(auditorUnitPath: string, auditedUnitPath: string): boolean {
  return !auditorUnitPath.startsWith(auditedUnitPath);
}

/** A person's part in a process document of an audit's scope. */
export type ProcessRole = { userId: number; documentId: number; role: "owner" | "participant"; code: string };

/** The processes of the scope a person owns or takes part in: they may not audit them (9.2.2 c). */
export function processConflicts(roles: ProcessRole[], userId: number): ProcessRole[] {
  return roles.filter((r) => r.userId === userId);
}

/** Which finding grades a checklist result can raise. */
export function gradesForResult(result: ChecklistResult | null | undefined): string[] {
  switch (result) {
    case "nonconformity":
      return ["major", "minor"];
    case "observation":
      return ["observation", "ofi"];
    case "conforms":
      return ["ofi"];
    default:
      return [];
  }
}

export type BankQuestion = { appliesTo: "clause" | "process"; clauseCode: string | null; question: string; sortOrder: number };
export type ScopeProcess = { id: number; code: string | null; name: string };
export type PlannedItem = { kind: ChecklistItemKind; clauseCode: string | null; processId: number | null; question: string };

/** A clause in scope covers itself and its sub-clauses ("7.5" covers "7.5.3"). */
export function clauseCovers(selected: string, code: string): boolean {
  return code === selected || code.startsWith(`${selected}.`);
}

export function processLabel(p: { code: string | null; name: string }): string {
  return p.code ? `${p.code} (${p.name})` : p.name;
}

/**
 * The checklist an audit's scope generates: the bank's questions for every clause covered (in the bank's
 * order, each once), then the process templates for every process document of the scope.
 */
export function buildChecklist(clauseCodes: string[], processes: ScopeProcess[], bank: BankQuestion[]): PlannedItem[] {
  const sorted = [...bank].sort((a, b) => a.sortOrder - b.sortOrder);
  const items: PlannedItem[] = [];
  for (const q of sorted) {
    if (q.appliesTo !== "clause" || !q.clauseCode) continue;
    if (clauseCodes.some((c) => clauseCovers(c, q.clauseCode!)))
      items.push({ kind: "clause", clauseCode: q.clauseCode, processId: null, question: q.question });
  }
  for (const p of processes) {
    for (const q of sorted) {
      if (q.appliesTo !== "process") continue;
      items.push({ kind: "process", clauseCode: "8.1", processId: p.id, question: q.question.replaceAll("{process}", processLabel(p)) });
    }
  }
  return items;
}

/**
 * Process documents typed one per line, "code | name" or just a name ("QT 02/CX-HCTP | Chứng thực bản sao từ
 * bản chính"). Blank lines are skipped; duplicates (same code and name) kept once.
 */
export function parseProcessLines(text: string | null | undefined): { code: string | null; name: string }[] {
  const out: { code: string | null; name: string }[] = [];
  const seen = new Set<string>();
  for (const raw of (text ?? "").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bar = line.indexOf("|");
    const code = bar >= 0 ? line.slice(0, bar).trim() || null : null;
    const name = (bar >= 0 ? line.slice(bar + 1) : line).trim() || code || "";
    if (!name) continue;
    const key = `${code ?? ""}|${name}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code, name });
  }
  return out;
}

export function processLines(processes: { code: string | null; name: string }[]): string {
  return processes.map((p) => (p.code ? `${p.code} | ${p.name}` : p.name)).join("\n");
}

/** An audit can be reported once every question has a result. */
export function unansweredCount(items: { result: ChecklistResult | null }[]): number {
  return items.filter((i) => !i.result).length;
}

export function resultCounts(items: { result: ChecklistResult | null }[]) {
  const counts = { conforms: 0, nonconformity: 0, observation: 0, not_applicable: 0, unanswered: 0 };
  for (const i of items) counts[i.result ?? "unanswered"]++;
  return counts;
}

export function defaultAuditTitle(year: number, unitName: string): string {
  return `Đánh giá nội bộ HTQLCL năm ${year} – ${unitName}`;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** The usual scope of a yearly audit: every clause except 8.3 (design), usually declared not applicable. */
export const DEFAULT_CLAUSES = ["4", "5", "6", "7", "8.1", "8.2", "8.4", "8.5", "8.6", "8.7", "9", "10"];

/** The group a checklist item belongs to on its page: its top-level clause ("c7"), its process ("p12"), or "custom". */
export function groupOf(item: { kind: string; clauseCode: string | null; processId: number | null }): string {
  if (item.kind === "process" && item.processId) return `p${item.processId}`;
  if (item.kind === "custom") return "custom";
  return `c${(item.clauseCode ?? "").split(".")[0]}`;
}
