import type PDFDocument from "pdfkit";
import type {
  AcknowledgementsData,
  CorrectiveActionsData,
  CycleData,
  DocumentsData,
  FindingsData,
  ObjectivesData,
  ObligationsData,
  ObligationState,
  Section,
  UnitSections,
} from "../types";
import { columnChart } from "./chart";
import { table } from "./table";
import { bullets, formatInt, formatPct, heading, noDataBox, paragraph, subheading, vnDate } from "./text";

type Doc = InstanceType<typeof PDFDocument>;

/** Section titles, in the order a unit report prints them. */
export const SECTION_TITLES: Record<keyof UnitSections, string> = {
  obligations: "Việc thực hiện các yêu cầu bắt buộc",
  documents: "Hệ thống tài liệu, quy trình",
  cycle: "Đánh giá nội bộ, xem xét của lãnh đạo và kiểm tra trong kỳ",
  findings: "Phát hiện theo mức độ và tình trạng",
  correctiveActions: "Hành động khắc phục",
  acknowledgements: "Xác nhận của lãnh đạo",
  objectives: "Mục tiêu chất lượng",
};

const STATE_LABEL: Record<ObligationState, string> = { met: "Đạt", not_met: "Chưa đạt", unknown: "Chưa xác định" };

function withSection<T>(doc: Doc, s: Section<T>, draw: (d: T) => void) {
  if (s.status === "missing") noDataBox(doc, s.reason);
  else draw(s.data);
}

export function drawObligations(doc: Doc, d: ObligationsData) {
  table(
    doc,
    [
      { header: "STT", width: 6, align: "center" },
      { header: "Yêu cầu", width: 44 },
      { header: "Tình trạng", width: 14, align: "center" },
      { header: "Căn cứ, bằng chứng", width: 36 },
    ],
    d.lines.map((l, i) => [String(i + 1), l.label, STATE_LABEL[l.state], l.evidence]),
  );
}

export function drawDocuments(doc: Doc, d: DocumentsData) {
  bullets(doc, [
    `Tổng số tài liệu, quy trình đang quản lý: ${formatInt(d.total)}; đang có hiệu lực: ${formatInt(d.effective)}.`,
    `Quá hạn xem xét định kỳ: ${formatInt(d.overdueReview)}; quá hạn cập nhật theo văn bản pháp luật mới (3 tháng): ${formatInt(d.overdueUpdate)}.`,
  ]);
  if (d.attention.length) {
    table(
      doc,
      [
        { header: "Mã hiệu", width: 20 },
        { header: "Tên tài liệu", width: 50 },
        { header: "Cần xử lý", width: 30 },
      ],
      d.attention.map((a) => [a.code, a.title, a.reason]),
    );
  }
}

export function drawCycle(doc: Doc, d: CycleData) {
  const rows = [
    ...d.audits.map((a) => [vnDate(a.date), "Đánh giá nội bộ", a.title, a.result]),
    ...d.managementReviews.map((m) => [vnDate(m.date), "Xem xét của lãnh đạo", m.title, ""]),
    ...d.inspections.map((a) => [vnDate(a.date), "Kiểm tra", a.title, a.result]),
  ].sort((a, b) => a[0]!.split("/").reverse().join("").localeCompare(b[0]!.split("/").reverse().join("")));
  if (rows.length === 0) paragraph(doc, "Trong kỳ không có cuộc đánh giá nội bộ, xem xét của lãnh đạo hay kiểm tra nào.");
  else
    table(
      doc,
      [
        { header: "Ngày", width: 16 },
        { header: "Hoạt động", width: 20 },
        { header: "Nội dung", width: 40 },
        { header: "Kết quả", width: 26 },
      ],
      rows,
    );
  paragraph(
    doc,
    d.effectivenessConfirmedOn
      ? `Người đứng đầu đã xác nhận hiệu lực của hệ thống quản lý chất lượng ngày ${vnDate(d.effectivenessConfirmedOn)}.`
      : "Chưa có xác nhận hiệu lực của hệ thống quản lý chất lượng trong kỳ.",
  );
}

export function drawFindings(doc: Doc, d: FindingsData, opts: { chart?: boolean; list?: boolean } = {}) {
  paragraph(
    doc,
    `Trong kỳ phát sinh ${formatInt(d.raised)} phát hiện, đã đóng ${formatInt(d.closed)}; đến cuối kỳ còn ${formatInt(d.openAtEnd)} phát hiện chưa đóng, trong đó ${formatInt(d.overdueAtEnd)} phát hiện quá hạn khắc phục.`,
  );
  table(
    doc,
    [
      { header: "Mức độ", width: 34 },
      { header: "Phát sinh trong kỳ", width: 22, align: "right" },
      { header: "Đã đóng trong kỳ", width: 22, align: "right" },
      { header: "Còn mở cuối kỳ", width: 22, align: "right" },
    ],
    [
      ...d.byGrade.map((g) => [g.gradeName, formatInt(g.raised), formatInt(g.closed), formatInt(g.openAtEnd)]),
      ["Tổng cộng", formatInt(d.raised), formatInt(d.closed), formatInt(d.openAtEnd)],
    ],
    { boldLastRow: true },
  );
  if (opts.chart !== false && d.byGrade.some((g) => g.openAtEnd > 0 || g.raised > 0)) {
    columnChart(doc, {
      title: "Biểu đồ: phát hiện còn mở cuối kỳ theo mức độ",
      categories: d.byGrade.map((g) => g.gradeName),
      values: d.byGrade.map((g) => g.openAtEnd),
    });
  }
  if (opts.list !== false && d.list.length) {
    subheading(doc, "Các phát hiện phát sinh trong kỳ");
    table(
      doc,
      [
        { header: "Ngày", width: 16 },
        { header: "Mức độ", width: 17 },
        { header: "Điều khoản", width: 11 },
        { header: "Nội dung", width: 42 },
        { header: "Tình trạng", width: 14 },
      ],
      d.list.map((f) => [vnDate(f.foundOn), f.grade, f.clause ?? "", f.description, f.status]),
    );
  }
}

export function drawCorrectiveActions(doc: Doc, d: CorrectiveActionsData) {
  table(
    doc,
    [
      { header: "Đang thực hiện", width: 20, align: "right" },
      { header: "Quá hạn", width: 20, align: "right" },
      { header: "Đã hoàn thành", width: 20, align: "right" },
      { header: "Hoàn thành đúng hạn", width: 20, align: "right" },
      { header: "Tỷ lệ đúng hạn", width: 20, align: "right" },
    ],
    [[formatInt(d.open), formatInt(d.overdue), formatInt(d.closed), formatInt(d.closedOnTime), formatPct(d.closedOnTimePct)]],
  );
}

const ACK_STATE: Record<AcknowledgementsData["list"][number]["state"], string> = {
  valid: "Còn hiệu lực",
  superseded: "Đã được ký lại",
  voided: "Mất hiệu lực (nội dung đã sửa sau khi ký)",
};

export function drawAcknowledgements(doc: Doc, d: AcknowledgementsData) {
  paragraph(
    doc,
    `Trong kỳ, lãnh đạo đã ký xác nhận ${formatInt(d.acknowledged)} hành động khắc phục, chữ ký còn hiệu lực đến thời điểm báo cáo${
      d.voided ? `; ${formatInt(d.voided)} chữ ký khác trong kỳ không còn hiệu lực (ghi rõ trong bảng)` : ""
    }; còn ${formatInt(d.pending)} hành động chờ xác nhận.`,
  );
  if (d.list.length)
    table(
      doc,
      [
        { header: "Ngày ký", width: 14 },
        { header: "Người ký (thẩm quyền, chức vụ)", width: 28 },
        { header: "Nội dung đã ký", width: 40 },
        { header: "Tình trạng", width: 18 },
      ],
      d.list.map((a) => [vnDate(a.date), a.by, a.subject, ACK_STATE[a.state]]),
    );
}

export function drawObjectives(doc: Doc, d: ObjectivesData) {
  table(
    doc,
    [
      { header: "Mục tiêu chất lượng", width: 46 },
      { header: "Chỉ tiêu", width: 18, align: "right" },
      { header: "Thực hiện", width: 18, align: "right" },
      { header: "Đánh giá", width: 18, align: "center" },
    ],
    d.rows.map((r) => [r.objective, r.target, r.actual, r.met === null ? "—" : r.met ? "Đạt" : "Không đạt"]),
  );
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
export const roman = (i: number) => ROMAN[i] ?? String(i + 1);

/** Every section of a unit, numbered I, II…, each either drawn from its data or marked "Chưa có dữ liệu". */
export function drawUnitSections(doc: Doc, s: UnitSections, startAt = 0): number {
  const order: (keyof UnitSections)[] = ["obligations", "documents", "cycle", "findings", "correctiveActions", "acknowledgements", "objectives"];
  order.forEach((id, i) => {
    heading(doc, `${roman(startAt + i)}. ${SECTION_TITLES[id].toLocaleUpperCase("vi-VN")}`);
    switch (id) {
      case "obligations":
        return withSection(doc, s.obligations, (d) => drawObligations(doc, d));
      case "documents":
        return withSection(doc, s.documents, (d) => drawDocuments(doc, d));
      case "cycle":
        return withSection(doc, s.cycle, (d) => drawCycle(doc, d));
      case "findings":
        return withSection(doc, s.findings, (d) => drawFindings(doc, d));
      case "correctiveActions":
        return withSection(doc, s.correctiveActions, (d) => drawCorrectiveActions(doc, d));
      case "acknowledgements":
        return withSection(doc, s.acknowledgements, (d) => drawAcknowledgements(doc, d));
      case "objectives":
        return withSection(doc, s.objectives, (d) => drawObjectives(doc, d));
    }
  });
  return startAt + order.length;
}
