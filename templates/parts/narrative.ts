import type PDFDocument from "pdfkit";
import type { ReportNarrative, YearlyFacts } from "../types";
import { table } from "./table";
import { formatInt, formatPct, heading, paragraph, subheading } from "./text";

type Doc = InstanceType<typeof PDFDocument>;

// The parts of a report the unit writes itself (issue 14) and the counts TT 26 / Phụ lục II ask the yearly report
// for. A part not written yet prints only in a draft (where it goes); an issued report never carries a placeholder.

/** The unit's own text, paragraph per line; in a draft an unwritten part says where it goes. */
export function narrativeText(doc: Doc, text: string | null | undefined, draft: boolean | undefined) {
  const lines = (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length) for (const l of lines) paragraph(doc, l);
  else if (draft) paragraph(doc, "(Dự thảo: nội dung này do đơn vị viết trước khi trình ký ban hành.)", { italic: true });
}

/** Whether a part prints at all: written, or a draft showing where it goes. */
export const printsPart = (text: string | null | undefined, draft: boolean | undefined) => !!draft || !!text?.trim();

const pct = (n: number, of: number) => (of > 0 ? formatPct((n * 100) / of) : "—");

/** Counts of units (must apply, apply, announced, inspected and on site) and inspection results. */
export function drawYearlyCounts(doc: Doc, y: YearlyFacts) {
  subheading(doc, "1. Số đơn vị thuộc đối tượng, áp dụng, công bố và được kiểm tra");
  table(
    doc,
    [
      { header: "Nội dung", width: 70 },
      { header: "Số đơn vị", width: 15, align: "right" },
      { header: "Tỷ lệ", width: 15, align: "right" },
    ],
    [
      ["Đơn vị thuộc đối tượng phải áp dụng HTQLCL", formatInt(y.mustApply), "100,0%"],
      ["Đơn vị đã xây dựng, áp dụng (có tài liệu HTQLCL đang hiệu lực)", formatInt(y.applying), pct(y.applying, y.mustApply)],
      ["Đơn vị đã công bố HTQLCL phù hợp TCVN ISO 9001", formatInt(y.announced), pct(y.announced, y.mustApply)],
      ["Đơn vị được kiểm tra trong năm", formatInt(y.inspected), pct(y.inspected, y.mustApply)],
      ["trong đó kiểm tra tại chỗ", formatInt(y.inspectedOnSite), pct(y.inspectedOnSite, y.inspected)],
    ],
    { fontSize: 10 },
  );
  subheading(doc, "2. Kết quả kiểm tra");
  const i = y.inspections;
  paragraph(
    doc,
    i.count
      ? `Trong năm có ${formatInt(i.count)} cuộc kiểm tra (${formatInt(i.onSite)} tại chỗ, ${formatInt(i.byReport)} qua báo cáo), ${formatInt(i.minutesSigned)} biên bản đã ký; các cuộc kiểm tra nêu ${formatInt(i.findings)} phát hiện cần khắc phục.`
      : "Trong năm không có cuộc kiểm tra nào được ghi nhận.",
  );
}

/** One-stop service results over the year: received, on time, online, returned by public post. */
export function drawServiceResults(doc: Doc, s: YearlyFacts["service"]) {
  subheading(doc, "3. Kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa");
  if (!s || s.received === 0) {
    paragraph(doc, "Chưa có số liệu một cửa của năm được nhập vào hệ thống.", { italic: true });
    return;
  }
  table(
    doc,
    [
      { header: "Nội dung", width: 60 },
      { header: "Số hồ sơ", width: 20, align: "right" },
      { header: "Tỷ lệ", width: 20, align: "right" },
    ],
    [
      ["Hồ sơ tiếp nhận", formatInt(s.received), "100,0%"],
      ["Giải quyết trước hạn và đúng hạn", formatInt(s.onTime), pct(s.onTime, s.received)],
      ["Giải quyết quá hạn", formatInt(s.overdue), pct(s.overdue, s.received)],
      ["Tiếp nhận trực tuyến", formatInt(s.online), pct(s.online, s.received)],
      ["Trả kết quả qua dịch vụ bưu chính công ích", formatInt(s.byPost), pct(s.byPost, s.received)],
    ],
    { fontSize: 10 },
  );
  paragraph(
    doc,
    `Trong năm tiếp nhận ${formatInt(s.received)} hồ sơ; giải quyết trước hạn và đúng hạn ${formatInt(s.onTime)} hồ sơ (${pct(s.onTime, s.received)}); tiếp nhận trực tuyến ${formatInt(s.online)} hồ sơ (${pct(s.online, s.received)}); trả kết quả qua dịch vụ bưu chính công ích ${formatInt(s.byPost)} hồ sơ (${pct(s.byPost, s.received)}).`,
  );
}

/** The narrative parts of a unit or area report (results, difficulties, proposals), when the unit wrote any. */
export function drawNarrative(doc: Doc, n: ReportNarrative | undefined, draft: boolean | undefined, next: string) {
  if (!n) return;
  const parts = (
    [
      ["Tình hình chung", n.situation],
      ["Kết quả đạt được", n.results],
      ["Khó khăn, vướng mắc", n.difficulties],
      ["Đề xuất, kiến nghị", n.proposals],
    ] as const
  ).filter(([, text]) => printsPart(text, draft));
  if (!parts.length) return;
  heading(doc, `${next}. KẾT QUẢ, KHÓ KHĂN VÀ ĐỀ XUẤT`);
  parts.forEach(([title, text], i) => {
    subheading(doc, `${i + 1}. ${title}`);
    narrativeText(doc, text, draft);
  });
}
