import type PDFDocument from "pdfkit";
import { decreeClosing, decreeHeader, decreeTitle } from "./parts/decree30";
import { drawNarrative } from "./parts/narrative";
import { drawUnitSections, roman } from "./parts/sections";
import { bodyName, paragraph, vnDate } from "./parts/text";
import type { UnitReportData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/** (a) A unit's periodic compliance report: the obligations, documents, cycle, findings, actions, objectives. */
export function renderUnitReport(doc: Doc, data: UnitReportData) {
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  paragraph(
    doc,
    `Thực hiện Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước, ${bodyName(data.unit.name)} báo cáo tình hình duy trì, áp dụng hệ thống quản lý chất lượng ${data.period.label} (từ ngày ${vnDate(data.period.start)} đến ngày ${vnDate(data.period.end)}) như sau:`,
  );
  if (data.period.asOfNote) paragraph(doc, data.period.asOfNote, { italic: true });
  const next = drawUnitSections(doc, data.sections);
  drawNarrative(doc, data.narrative, data.meta.draft, roman(next));
  paragraph(doc, `Trên đây là báo cáo tình hình duy trì, áp dụng hệ thống quản lý chất lượng ${data.period.label} của ${bodyName(data.unit.name)}./.`);
  decreeClosing(doc, data.meta);
}
