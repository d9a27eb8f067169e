import type PDFDocument from "pdfkit";
import { contentWidth, THEME } from "../theme";
import type { FindingsByGrade } from "../types";
import { ensureRoom, formatInt } from "./text";

type Doc = InstanceType<typeof PDFDocument>;

export type BarSeries = { name: string; values: number[] };

/**
 * Horizontal stacked bar chart drawn with vector paths: one bar per category, one colour per series, a legend
 * and the total at the end of each bar. Used for "findings per unit" and similar comparisons.
 */
export function stackedBarChart(doc: Doc, opts: { title: string; categories: string[]; series: BarSeries[] }) {
  const barH = 14;
  const gap = 6;
  const labelW = 130;
  const legendH = 18;
  const height = 22 + legendH + opts.categories.length * (barH + gap) + 18;
  ensureRoom(doc, Math.min(height, 500));
  const x0 = THEME.margins.left;
  let y = doc.y + 4;
  doc.font(THEME.fonts.bold).fontSize(THEME.size.small).fillColor(THEME.color.ink);
  doc.text(opts.title, x0, y, { width: contentWidth, align: "center" });
  y = doc.y + 4;

  // Legend.
  let lx = x0 + labelW;
  doc.font(THEME.fonts.regular).fontSize(9);
  opts.series.forEach((s, i) => {
    doc
      .save()
      .rect(lx, y + 2, 9, 9)
      .fill(THEME.series[i % THEME.series.length]!)
      .restore();
    doc.fillColor(THEME.color.ink).text(s.name, lx + 12, y + 1, { lineBreak: false });
    lx += 12 + doc.widthOfString(s.name) + 14;
  });
  y += legendH;

  const totals = opts.categories.map((_, ci) => opts.series.reduce((s, se) => s + (se.values[ci] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotW = contentWidth - labelW - 30;
  const axisX = x0 + labelW;
  const top = y;
  opts.categories.forEach((cat, ci) => {
    if (y + barH > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.y;
    }
    doc.font(THEME.fonts.regular).fontSize(9).fillColor(THEME.color.ink);
    doc.text(cat, x0, y + 2, { width: labelW - 6, align: "right", lineBreak: false, ellipsis: true });
    let bx = axisX;
    opts.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const w = (v / max) * plotW;
      if (w > 0)
        doc
          .save()
          .rect(bx, y, w, barH)
          .fill(THEME.series[si % THEME.series.length]!)
          .restore();
      bx += w;
    });
    doc.fillColor(THEME.color.ink).text(formatInt(totals[ci]!), bx + 4, y + 2, { lineBreak: false });
    y += barH + gap;
  });
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(THEME.color.grid)
    .moveTo(axisX, top - 2)
    .lineTo(axisX, y - gap + 2)
    .stroke()
    .restore();
  doc.x = x0;
  doc.y = y + 8;
}

/**
 * Findings raised per grade, summed over several units' lists (each already in the grades' order), as the
 * columns of `columnChart`: a grade keeps the place where it first appears.
 */
export function gradeColumns(lists: Pick<FindingsByGrade, "gradeCode" | "gradeName" | "raised">[][]): { categories: string[]; values: number[] } {
  const sums = new Map<string, { label: string; value: number }>();
  for (const list of lists)
    for (const g of list) {
      const d = sums.get(g.gradeCode) ?? { label: g.gradeName, value: 0 };
      d.value += g.raised;
      sums.set(g.gradeCode, d);
    }
  const columns = [...sums.values()];
  return { categories: columns.map((d) => d.label), values: columns.map((d) => d.value) };
}

/** Vertical bar chart with one bar per category (e.g. findings by grade), vector drawn, values above bars. */
export function columnChart(doc: Doc, opts: { title: string; categories: string[]; values: number[] }) {
  const h = 120;
  ensureRoom(doc, h + 60);
  const x0 = THEME.margins.left + 40;
  const w = contentWidth - 80;
  let y = doc.y + 4;
  doc.font(THEME.fonts.bold).fontSize(THEME.size.small).fillColor(THEME.color.ink);
  doc.text(opts.title, THEME.margins.left, y, { width: contentWidth, align: "center" });
  y = doc.y + 14;
  const max = Math.max(1, ...opts.values);
  const slot = w / Math.max(1, opts.categories.length);
  const barW = Math.min(50, slot * 0.6);
  const base = y + h;
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(THEME.color.grid)
    .moveTo(x0, base)
    .lineTo(x0 + w, base)
    .stroke()
    .restore();
  opts.categories.forEach((cat, i) => {
    const v = opts.values[i] ?? 0;
    const bh = (v / max) * h;
    const bx = x0 + i * slot + (slot - barW) / 2;
    if (bh > 0)
      doc
        .save()
        .rect(bx, base - bh, barW, bh)
        .fill(THEME.series[i % THEME.series.length]!)
        .restore();
    doc.font(THEME.fonts.regular).fontSize(9).fillColor(THEME.color.ink);
    doc.text(formatInt(v), bx - 10, base - bh - 12, { width: barW + 20, align: "center", lineBreak: false });
    doc.text(cat, x0 + i * slot, base + 4, { width: slot, align: "center" });
  });
  doc.x = THEME.margins.left;
  doc.y = base + 34;
}
