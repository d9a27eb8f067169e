/** A year from a query string, or the fallback; never throws (bad input simply means the default). */
export function yearParam(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

/** "2026-11" → "11/2026". */
export function formatMonth(m: string): string {
  const [y, mo] = m.split("-");
  return `${mo}/${y}`;
}
