// Vietnamese number formatting and sorting, built once: `toLocaleString(…, options)` and
// `localeCompare(…, "vi")` build a new Intl object on every call, which showed up in the dashboard's profile.
const INT = new Intl.NumberFormat("vi-VN");
const ONE_DECIMAL = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const COLLATOR = new Intl.Collator("vi");

/** 12.345 (Vietnamese grouping). */
export const formatNumber = (v: number) => INT.format(v);
/** 12,5 (at most one decimal). */
export const formatDecimal = (v: number) => ONE_DECIMAL.format(v);
/** A count: 12.345 (as formatNumber, the name the figures pages use). */
export const formatInt = (v: number) => formatNumber(v);
/** A percentage: "12,5 %", or "—" when there is none (nothing to divide by). */
export const formatPct = (v: number | null) => (v === null ? "—" : `${formatDecimal(v)} %`);
/** Compare two strings in Vietnamese alphabetical order (Đ after D, diacritics in their place). */
export const compareVi = (a: string, b: string) => COLLATOR.compare(a, b);
