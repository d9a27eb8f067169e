import type PDFDocument from "pdfkit";
import { unitsTable } from "./area-summary";
import { decreeClosing, decreeHeader, decreeTitle } from "./parts/decree30";
import { drawServiceResults, drawYearlyCounts, narrativeText, printsPart } from "./parts/narrative";
import { drawUnitSections, roman } from "./parts/sections";
import { bodyName, formatInt, heading, paragraph, subheading, vnDate } from "./parts/text";
import type { AnnualReportData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/** (c) The yearly report on building, applying, maintaining and improving the QMS. */
export function renderAnnualReport(doc: Doc, data: AnnualReportData) {
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  paragraph(
    doc,
    `Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ và Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ Khoa học và Công nghệ, ${bodyName(data.unit.name)} báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 ${data.period.label} (từ ngày ${vnDate(data.period.start)} đến ngày ${vnDate(data.period.end)}) như sau:`,
  );
  if (data.period.asOfNote) paragraph(doc, data.period.asOfNote, { italic: true });
  // TT 26/2014 and Phụ lục II of QĐ 19 (issue 14): the account, the counts, inspection and service results first,
  // then the obligations and records, the table per unit, and the unit's difficulties and proposals.
  let offset = 0;
  if (data.yearly || data.narrative) {
    heading(doc, "I. TÌNH HÌNH XÂY DỰNG, ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG");
    narrativeText(doc, data.narrative?.situation, data.meta.draft);
    if (data.yearly) {
      drawYearlyCounts(doc, data.yearly);
      drawServiceResults(doc, data.yearly.service);
    }
    if (printsPart(data.narrative?.results, data.meta.draft)) {
      subheading(doc, "4. Kết quả đạt được");
      narrativeText(doc, data.narrative?.results, data.meta.draft);
    }
    offset = 1;
  }
  const next = drawUnitSections(doc, data.sections, offset);
  if (data.rows.length) {
    heading(doc, `${roman(next)}. TÌNH HÌNH TẠI CÁC ĐƠN VỊ TRỰC THUỘC (${formatInt(data.rows.length)} ĐƠN VỊ)`);
    unitsTable(doc, data.rows);
  }
  let n = next + (data.rows.length ? 1 : 0);
  heading(doc, `${roman(n++)}. KHÓ KHĂN, VƯỚNG MẮC`);
  narrativeText(doc, data.narrative?.difficulties, data.meta.draft);
  heading(doc, `${roman(n)}. ĐỀ XUẤT, KIẾN NGHỊ`);
  narrativeText(doc, data.narrative?.proposals, data.meta.draft);
  paragraph(doc, `Trên đây là báo cáo tình hình xây dựng, áp dụng hệ thống quản lý chất lượng ${data.period.label} của ${bodyName(data.unit.name)}./.`);
  decreeClosing(doc, data.meta);
}
