import type PDFDocument from "pdfkit";
import { columnChart, gradeColumns, stackedBarChart } from "./parts/chart";
import { decreeClosing, decreeHeader, decreeTitle } from "./parts/decree30";
import { drawNarrative } from "./parts/narrative";
import { roman } from "./parts/sections";
import { table } from "./parts/table";
import { bodyName, bullets, ensureRoom, formatInt, heading, inSentence, NO_DATA, paragraph, vnDate } from "./parts/text";
import type { AreaSummaryData, AreaSummaryRow, Section } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

const DASH = "—";
const val = <T>(s: Section<T>, f: (d: T) => number): number | null => (s.status === "ok" ? f(s.data) : null);
const cell = (n: number | null) => (n === null ? DASH : formatInt(n));
const sum = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0));

/** The per-unit table (one line per unit, totals last) shared by the area summary and the annual report. */
export function unitsTable(doc: Doc, rows: AreaSummaryRow[]) {
  const cols = rows.map((r) => ({
    raised: val(r.sections.findings, (d) => d.raised),
    open: val(r.sections.findings, (d) => d.openAtEnd),
    overdue: val(r.sections.findings, (d) => d.overdueAtEnd),
    effectiveDocs: val(r.sections.documents, (d) => d.effective),
    caOverdue: val(r.sections.correctiveActions, (d) => d.overdue),
    audits: val(r.sections.cycle, (d) => d.audits.length),
  }));
  const keys = ["raised", "open", "overdue", "effectiveDocs", "caOverdue", "audits"] as const;
  const totals = keys.map((k) => sum(cols.map((c) => c[k])));
  table(
    doc,
    [
      { header: "STT", width: 6, align: "center" },
      { header: "Đơn vị", width: 28 },
      { header: "Phát hiện mới", width: 11, align: "right" },
      { header: "Còn mở cuối kỳ", width: 11, align: "right" },
      { header: "Quá hạn khắc phục", width: 11, align: "right" },
      { header: "Tài liệu hiệu lực", width: 11, align: "right" },
      { header: "HĐKP quá hạn", width: 11, align: "right" },
      { header: "Đánh giá nội bộ", width: 11, align: "right" },
    ],
    [
      ...rows.map((r, i) => [String(i + 1), r.unit.name, ...keys.map((k) => cell(cols[i]![k]))]),
      ["", `Tổng cộng (${formatInt(rows.length)} đơn vị)`, ...totals.map(cell)],
    ],
    { boldLastRow: true, fontSize: 10 },
  );
  if (cols.some((c) => keys.some((k) => c[k] === null))) {
    doc
      .font("serif-italic")
      .fontSize(10)
      .text(`Ghi chú: dấu “${DASH}”: ${NO_DATA.toLowerCase()} (phân hệ cung cấp số liệu chưa được triển khai); không phải số 0.`);
    doc.moveDown(0.5);
  }
}

/** (b) Area summary: one line per unit below, totals, charts, and the units that need attention. */
export function renderAreaSummary(doc: Doc, data: AreaSummaryData) {
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  paragraph(
    doc,
    `${bodyName(data.area.name)} tổng hợp tình hình áp dụng, duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của ${formatInt(data.rows.length)} đơn vị trên địa bàn ${inSentence(data.area.name)} ${data.period.label} (từ ngày ${vnDate(data.period.start)} đến ngày ${vnDate(data.period.end)}), như sau:`,
  );
  if (data.period.asOfNote) paragraph(doc, data.period.asOfNote, { italic: true });
  heading(doc, `${roman(0)}. TỔNG HỢP THEO ĐƠN VỊ`);
  if (data.rows.length === 0) paragraph(doc, "Không có đơn vị trực thuộc nào hoạt động trong kỳ.");
  else unitsTable(doc, data.rows);

  ensureRoom(doc, 220); // keep the heading with its chart
  heading(doc, `${roman(1)}. BIỂU ĐỒ`);
  const withFindings = data.rows.filter((r) => r.sections.findings.status === "ok");
  if (withFindings.length === 0) paragraph(doc, `${NO_DATA}.`, { italic: true });
  else {
    stackedBarChart(doc, {
      title: "Biểu đồ 1: phát hiện còn mở cuối kỳ theo đơn vị",
      categories: withFindings.map((r) => r.unit.name),
      series: [
        { name: "Quá hạn khắc phục", values: withFindings.map((r) => (r.sections.findings.status === "ok" ? r.sections.findings.data.overdueAtEnd : 0)) },
        {
          name: "Trong hạn",
          values: withFindings.map((r) =>
            r.sections.findings.status === "ok" ? r.sections.findings.data.openAtEnd - r.sections.findings.data.overdueAtEnd : 0,
          ),
        },
      ],
    });
    const byGrade = gradeColumns(withFindings.map((r) => (r.sections.findings.status === "ok" ? r.sections.findings.data.byGrade : [])));
    columnChart(doc, { title: "Biểu đồ 2: phát hiện phát sinh trong kỳ theo mức độ (toàn địa bàn)", ...byGrade });
  }

  heading(doc, `${roman(2)}. ĐƠN VỊ CẦN LƯU Ý`);
  const attention = withFindings.filter((r) => r.sections.findings.status === "ok" && r.sections.findings.data.overdueAtEnd > 0);
  if (withFindings.length === 0) paragraph(doc, `${NO_DATA}.`, { italic: true });
  else if (attention.length === 0) paragraph(doc, "Không có đơn vị nào có phát hiện quá hạn khắc phục vào cuối kỳ.");
  else
    bullets(
      doc,
      attention.map(
        (r) => `${r.unit.name}: ${formatInt(r.sections.findings.status === "ok" ? r.sections.findings.data.overdueAtEnd : 0)} phát hiện quá hạn khắc phục.`,
      ),
    );
  drawNarrative(doc, data.narrative, data.meta.draft, roman(3));
  paragraph(doc, `Trên đây là báo cáo tổng hợp ${data.period.label} trên địa bàn ${inSentence(data.area.name)}./.`);
  decreeClosing(doc, data.meta);
}
