import { rates, ZERO, type Figures } from "../figures/rules";
import { compareVi } from "~/lib/locale";

/**
 * Chart data as plain values for the SVG charts on screen (app/components/charts.tsx). Pure: no database, no
 * clock, no language; labels that depend on the reader come in as arguments or as keys. (The PDF templates shape
 * their own chart data from the report data: templates import nothing from app/.)
 */

/** One bar: a stable key, its label, its value (null = no data, not zero) and where its evidence lives. */
export type BarDatum = { key: string; label: string; value: number | null; href?: string };
export type BarChartData = { unit: "count" | "percent"; data: BarDatum[]; /** bars left out (a top-N chart) */ rest?: { count: number; value: number } };

/** Months on the x axis ("YYYY-MM"), one line per series, null where a month has no figures. */
export type SeriesChartData = { unit: "percent"; categories: string[]; series: { key: string; values: (number | null)[] }[] };

export type GradeCount = { code: string; nameVi: string; nameEn: string; sortOrder: number; count: number };

/** Findings by grade, in the grades' own order, every grade shown (a zero is information too). */
export function findingsByGrade(rows: GradeCount[], lang: "vi" | "en", href?: (code: string) => string): BarChartData {
  return {
    unit: "count",
    data: [...rows]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((r) => ({ key: r.code, label: lang === "en" ? r.nameEn : r.nameVi, value: r.count, href: href?.(r.code) })),
  };
}

/**
 * Overdue corrective actions by unit: units with at least one, most first (ties by name), at most `limit`
 * bars; the others are summed in `rest` so the chart never hides that there are more.
 */
export function overdueByUnit(stats: { unitId: number; unitName: string; overdue: number }[], limit = 10, href?: (unitId: number) => string): BarChartData {
  const withOverdue = stats.filter((s) => s.overdue > 0).sort((a, b) => b.overdue - a.overdue || compareVi(a.unitName, b.unitName));
  const shown = withOverdue.slice(0, limit);
  const hidden = withOverdue.slice(limit);
  return {
    unit: "count",
    data: shown.map((s) => ({ key: String(s.unitId), label: s.unitName, value: s.overdue, href: href?.(s.unitId) })),
    rest: hidden.length ? { count: hidden.length, value: hidden.reduce((n, s) => n + s.overdue, 0) } : undefined,
  };
}

/** Every month from `from` to `to` inclusive ("YYYY-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export const RATE_SERIES = ["onTimeRate", "onlineRate", "postRate"] as const;
export type RateSeries = (typeof RATE_SERIES)[number];

/**
 * The one-stop rates month by month (summed over the units given): on time over resolved, online and BCCI over
 * received. A month without figures is a gap (null), never 0 %.
 */
export function monthlyRates(months: (Figures & { month: string })[], from: string, to: string, series: readonly RateSeries[] = RATE_SERIES): SeriesChartData {
  const byMonth = new Map<string, Figures>();
  for (const r of months) {
    const a = byMonth.get(r.month) ?? { ...ZERO };
    byMonth.set(r.month, {
      received: a.received + r.received,
      resolvedEarly: a.resolvedEarly + r.resolvedEarly,
      resolvedOnTime: a.resolvedOnTime + r.resolvedOnTime,
      resolvedOverdue: a.resolvedOverdue + r.resolvedOverdue,
      receivedOnline: a.receivedOnline + r.receivedOnline,
      returnedByPost: a.returnedByPost + r.returnedByPost,
      feedbackReceived: a.feedbackReceived + r.feedbackReceived,
      feedbackOnTime: a.feedbackOnTime + r.feedbackOnTime,
    });
  }
  const categories = monthsBetween(from, to);
  return {
    unit: "percent",
    categories,
    series: series.map((key) => ({ key, values: categories.map((m) => (byMonth.has(m) ? rates(byMonth.get(m)!)[key] : null)) })),
  };
}

/** Shares of a period's dossiers: received online and returned by public post (BCCI), in percent of received. */
export function shares(total: Figures, labels: { online: string; post: string }): BarChartData {
  const r = rates(total);
  return {
    unit: "percent",
    data: [
      { key: "online", label: labels.online, value: r.onlineRate },
      { key: "post", label: labels.post, value: r.postRate },
    ],
  };
}

/** A one-sentence summary of a bar chart for its text alternative: the largest bar and the total. */
export function barSummary(chart: BarChartData): { total: number; top?: BarDatum } {
  const values = chart.data.filter((d) => d.value !== null);
  const top = values.reduce<BarDatum | undefined>((m, d) => (m === undefined || (d.value ?? 0) > (m.value ?? 0) ? d : m), undefined);
  return { total: values.reduce((n, d) => n + (d.value ?? 0), 0) + (chart.rest?.value ?? 0), top: top && (top.value ?? 0) > 0 ? top : undefined };
}

/** The latest non-null value of a series with its month, for "on time in 12/2020: 97.1 %". */
export function lastValue(chart: SeriesChartData, key: string): { month: string; value: number } | undefined {
  const s = chart.series.find((x) => x.key === key);
  if (!s) return undefined;
  for (let i = s.values.length - 1; i >= 0; i--) if (s.values[i] !== null) return { month: chart.categories[i]!, value: s.values[i]! };
  return undefined;
}
