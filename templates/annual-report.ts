import type PDFDocument from "pdfkit";
import { unitsTable } from "./area-summary";
import { decreeClosing, decreeHeader, decreeTitle } from "./parts/decree30";
import { drawUnitSections, roman } from "./parts/sections";
import { bodyName, formatInt, heading, paragraph, vnDate } from "./parts/text";
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
  const next = drawUnitSections(doc, data.sections);
  if (data.rows.length) {
    heading(doc, `${roman(next)}. TÌNH HÌNH TẠI CÁC ĐƠN VỊ TRỰC THUỘC (${formatInt(data.rows.length)} ĐƠN VỊ)`);
    unitsTable(doc, data.rows);
  }
  heading(doc, `${roman(next + (data.rows.length ? 1 : 0))}. ĐỀ XUẤT, KIẾN NGHỊ`);
  paragraph(doc, "(Đơn vị bổ sung đề xuất, kiến nghị trước khi trình ký ban hành.)", { italic: true });
  paragraph(doc, `Trên đây là báo cáo tình hình xây dựng, áp dụng hệ thống quản lý chất lượng ${data.period.label} của ${bodyName(data.unit.name)}./.`);
  decreeClosing(doc, data.meta);
}
