import { Link } from "@remix-run/react";
import { useId } from "react";
import { barSummary, lastValue, type BarChartData, type SeriesChartData } from "~/modules/dashboard/charts";
import { formatMonth } from "~/modules/figures/period";
import { formatInt, formatPct } from "~/lib/locale";
import { useT } from "~/i18n/react";
import { TableWrap } from "./table-wrap";

/*
 * Server-rendered SVG charts. Each one is a <figure> with a visible title, an SVG whose accessible name is the
 * title and whose description says what it shows in one sentence, and the numbers as a table behind a
 * <details> toggle (the text alternative a screen reader or a printout can use). Sized by viewBox, so they
 * shrink to a 390 px phone without scrolling; text stays ≥ 11 px there.
 */

const fmt = (unit: "count" | "percent", v: number | null) => (v === null ? "—" : unit === "percent" ? formatPct(v) : formatInt(v));

/** Horizontal bars, one per category, label above the bar so long commune names fit a phone. */
export function BarChart({
  title,
  chart,
  labelFor,
  emptyText,
  valueHeader,
}: {
  title: string;
  chart: BarChartData;
  labelFor?: (key: string, label: string) => string;
  emptyText: string;
  valueHeader: string;
}) {
  const t = useT();
  const id = useId();
  const label = (d: { key: string; label: string }) => (labelFor ? labelFor(d.key, d.label) : d.label);
  const rowH = 36;
  const W = 320;
  const max = chart.unit === "percent" ? 100 : Math.max(1, ...chart.data.map((d) => d.value ?? 0));
  const H = chart.data.length * rowH + 4;
  const sum = barSummary(chart);
  // A few bars are read out in full; a long chart is summarised by its largest bar (the table has the rest).
  const desc =
    chart.data.length === 0
      ? emptyText
      : chart.data.length <= 6
        ? chart.data.map((d) => `${label(d)}: ${fmt(chart.unit, d.value)}`).join("; ")
        : sum.top
          ? t("charts.barSummary", { top: label(sum.top), value: fmt(chart.unit, sum.top.value), count: chart.data.length })
          : emptyText;
  return (
    <figure className="chart card" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="chart-title">
        {title}
      </figcaption>
      {chart.data.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} className="chart-svg">
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{desc}</desc>
          {chart.data.map((d, i) => {
            const y = i * rowH;
            const w = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, ((d.value ?? 0) / max) * (W - 70));
            return (
              <g key={d.key} aria-hidden="true">
                <text x={0} y={y + 12} className="chart-label">
                  {label(d).length > 46 ? `${label(d).slice(0, 45)}…` : label(d)}
                </text>
                <rect x={0} y={y + 17} width={W - 70} height={12} className="chart-track" />
                <rect x={0} y={y + 17} width={w} height={12} className={`chart-bar chart-bar-${i % 6}`} />
                <text x={w + 4} y={y + 28} className="chart-value">
                  {fmt(chart.unit, d.value)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {chart.rest ? <p className="muted small">{t("charts.rest", { count: chart.rest.count, value: formatInt(chart.rest.value) })}</p> : null}
      {chart.data.length > 0 ? (
        <details className="chart-data">
          <summary>{t("charts.showData")}</summary>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("charts.category")}</th>
                <th scope="col" className="num">
                  {valueHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {chart.data.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.href ? <Link to={d.href}>{label(d)}</Link> : label(d)}</th>
                  <td className="num">{fmt(chart.unit, d.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}

const DASH = ["", "6 4", "2 3"];
const MARKER = ["circle", "square", "diamond"] as const;

function Marker({ kind, x, y, className }: { kind: (typeof MARKER)[number]; x: number; y: number; className: string }) {
  if (kind === "circle") return <circle cx={x} cy={y} r={3.2} className={className} />;
  if (kind === "square") return <rect x={x - 3} y={y - 3} width={6} height={6} className={className} />;
  return <path d={`M${x} ${y - 4}L${x + 4} ${y}L${x} ${y + 4}L${x - 4} ${y}Z`} className={className} />;
}

/** Lines over months, 0–100 %, each series with its own colour, dash and marker (readable without colour). */
export function RateChart({
  title,
  chart,
  seriesLabel,
  emptyText,
}: {
  title: string;
  chart: SeriesChartData;
  seriesLabel: (key: string) => string;
  emptyText: string;
}) {
  const t = useT();
  const id = useId();
  const W = 320;
  const H = 190;
  const left = 30;
  const right = 8;
  const top = 8;
  const bottom = 22;
  const n = chart.categories.length;
  const x = (i: number) => left + (n <= 1 ? 0 : (i * (W - left - right)) / (n - 1));
  const y = (v: number) => top + ((100 - v) * (H - top - bottom)) / 100;
  const hasData = chart.series.some((s) => s.values.some((v) => v !== null));
  const desc = chart.series
    .map((s) => {
      const last = lastValue(chart, s.key);
      return last ? t("charts.lastValue", { series: seriesLabel(s.key), month: formatMonth(last.month), value: formatPct(last.value) }) : null;
    })
    .filter(Boolean)
    .join("; ");
  const path = (values: (number | null)[]) => {
    let d = "";
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <figure className="chart card" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="chart-title">
        {title}
      </figcaption>
      {!hasData ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <ul className="chart-legend" aria-hidden="true">
            {chart.series.map((s, i) => (
              <li key={s.key}>
                <svg viewBox="0 0 28 10" width="28" height="10">
                  <line x1={0} y1={5} x2={28} y2={5} className={`chart-line chart-stroke-${i}`} strokeDasharray={DASH[i % 3]} />
                  <Marker kind={MARKER[i % 3]!} x={14} y={5} className={`chart-dot chart-fill-${i}`} />
                </svg>
                {seriesLabel(s.key)}
              </li>
            ))}
          </ul>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} className="chart-svg">
            <title id={`${id}-t`}>{title}</title>
            <desc id={`${id}-d`}>{desc}</desc>
            <g aria-hidden="true">
              {[0, 25, 50, 75, 100].map((v) => (
                <g key={v}>
                  <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} className="chart-grid" />
                  <text x={left - 4} y={y(v) + 4} textAnchor="end" className="chart-axis">
                    {v}
                  </text>
                </g>
              ))}
              {chart.categories.map((m, i) => (
                <text key={m} x={x(i)} y={H - 6} textAnchor="middle" className="chart-axis">
                  {n > 12 && i % 3 !== 0 ? "" : Number(m.slice(5))}
                </text>
              ))}
              {chart.series.map((s, i) => (
                <g key={s.key}>
                  <path d={path(s.values)} className={`chart-line chart-stroke-${i}`} strokeDasharray={DASH[i % 3]} fill="none" />
                  {s.values.map((v, j) =>
                    v === null ? null : <Marker key={j} kind={MARKER[i % 3]!} x={x(j)} y={y(v)} className={`chart-dot chart-fill-${i}`} />,
                  )}
                </g>
              ))}
            </g>
          </svg>
          <p className="muted small">{t("charts.axisNote")}</p>
        </>
      )}
      {hasData ? (
        <details className="chart-data">
          <summary>{t("charts.showData")}</summary>
          <TableWrap label={title}>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("charts.month")}</th>
                  {chart.series.map((s) => (
                    <th scope="col" className="num" key={s.key}>
                      {seriesLabel(s.key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.categories.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{formatMonth(m)}</th>
                    {chart.series.map((s) => (
                      <td className="num" key={s.key}>
                        {formatPct(s.values[i] ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      ) : null}
    </figure>
  );
}
