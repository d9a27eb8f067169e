import type PDFDocument from "pdfkit";
import { decreeClosing, decreeHeader, decreeTitle } from "./parts/decree30";
import { table } from "./parts/table";
import { paragraph, upper, vnDate } from "./parts/text";
import { contentWidth, THEME } from "./theme";
import type { AnnouncementData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/** The legal grounds every announcement cites (QĐ 19/2014/QĐ-TTg and its implementing circular). */
export const ANNOUNCEMENT_GROUNDS = [
  "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước;",
  "Căn cứ Thông tư số 26/2014/TT-BKHCN ngày 10 tháng 10 năm 2014 của Bộ trưởng Bộ Khoa học và Công nghệ quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg;",
];

/**
 * (g) The announcement of a QMS conforming to TCVN ISO 9001:2015, after the form of Phụ lục I of QĐ 19/2014/QĐ-TTg:
 * the grounds, "<body> CÔNG BỐ:", the statement with its scope (the procedures covered, as a table by field), and
 * the head's signature. A re-announcement says which announcement it replaces.
 */
export function renderAnnouncement(doc: Doc, data: AnnouncementData) {
  const a = data.announcement;
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  for (const line of [...ANNOUNCEMENT_GROUNDS, ...a.basis]) paragraph(doc, line, { italic: true });
  doc.moveDown(0.3);
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  doc.text(`${upper(a.announcer)} CÔNG BỐ:`, THEME.margins.left, doc.y, { width: contentWidth, align: "center" });
  doc.moveDown(0.4);
  paragraph(
    doc,
    `Hệ thống quản lý chất lượng của ${a.announcer} phù hợp ${a.standard} đối với ${a.procedures.length} thủ tục hành chính thuộc phạm vi áp dụng sau đây:`,
  );
  if (a.procedures.length)
    table(
      doc,
      [
        { header: "STT", width: 7, align: "center" },
        { header: "Lĩnh vực", width: 22 },
        { header: "Mã thủ tục", width: 16 },
        { header: "Tên thủ tục hành chính", width: 55 },
      ],
      a.procedures.map((p, i) => [String(i + 1), p.field, p.code, p.name]),
    );
  doc.moveDown(0.4);
  if (a.replaces)
    paragraph(
      doc,
      a.replaces.scopeChanged
        ? `Công bố này được thực hiện lại do thay đổi phạm vi áp dụng của hệ thống quản lý chất lượng và thay thế Công bố số ${a.replaces.number} ngày ${vnDate(a.replaces.day)}.`
        : `Công bố này thay thế Công bố số ${a.replaces.number} ngày ${vnDate(a.replaces.day)}.`,
    );
  paragraph(
    doc,
    `${a.announcer.charAt(0).toLocaleUpperCase("vi-VN")}${a.announcer.slice(1)} thông báo Công bố này đến Sở Khoa học và Công nghệ, niêm yết tại trụ sở và đăng trên Trang thông tin điện tử của đơn vị./.`,
  );
  decreeClosing(doc, data.meta);
}
