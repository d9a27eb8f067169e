// Pure rules of the announcement of conformity (QĐ 19/2014/QĐ-TTg Art. 4(3), form of Phụ lục I).

/** The symbol of an announcement's number: "Số: 01/TB-UBND" for a People's Committee, "01/TB" for another body. */
export function announcementSymbol(isCommittee: boolean): string {
  return isCommittee ? "TB-UBND" : "TB";
}

/** "01/TB-UBND": the sequence within the unit and year, two digits at least (as the office numbers its documents). */
export function announcementNumber(seq: number, isCommittee = true): string {
  return `${String(seq).padStart(2, "0")}/${announcementSymbol(isCommittee)}`;
}

export type ScopeItem = { id: number; code: string; name: string; field: string };

/**
 * What changed between the procedures an announcement covers and those covered today: added (covered now, not
 * announced) and removed (announced, no longer covered). Either makes a re-announcement due.
 */
export function scopeDiff<A extends { id: number }, C extends { id: number }>(announced: A[], current: C[]): { added: C[]; removed: A[] } {
  const was = new Set(announced.map((p) => p.id));
  const now = new Set(current.map((p) => p.id));
  return { added: current.filter((p) => !was.has(p.id)), removed: announced.filter((p) => !now.has(p.id)) };
}

/**
 * Whether the unit must announce again. An announcement issued in the app lists its procedures: due when the
 * procedures covered today differ. One recorded from a paper decision lists none: due when a procedure entered the
 * catalogue after the day it was decided (the compliance checklist's rule, DOMAIN.md §6).
 */
export function reannouncementDue(input: {
  announced: { id: number }[] | null;
  current: { id: number }[];
  lastCatalogueChangeOn: string | null;
  decidedOn: string;
}): boolean {
  if (input.announced) {
    const d = scopeDiff(input.announced, input.current);
    return d.added.length > 0 || d.removed.length > 0;
  }
  return !!input.lastCatalogueChangeOn && input.lastCatalogueChangeOn > input.decidedOn;
}

/** The procedures as the announcement lists them: by field, then code (Vietnamese collation). */
export function sortScope<T extends { field: string; code: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.field.localeCompare(b.field, "vi") || a.code.localeCompare(b.code, "vi"));
}

/** The scope in one line for the record ("12 thủ tục hành chính: Hộ tịch (5), Chứng thực (3)…"). */
export function scopeSummary(items: { field: string }[]): string {
  const byField = new Map<string, number>();
  for (const p of items) byField.set(p.field, (byField.get(p.field) ?? 0) + 1);
  const fields = [...byField].map(([f, n]) => `${f} (${n})`).join(", ");
  return `${items.length} thủ tục hành chính thuộc phạm vi áp dụng${fields ? `: ${fields}` : ""}. Danh mục kèm theo Công bố.`;
}
