import type PDFDocument from "pdfkit";
import { decreeClosing, decreeHeader, decreeTitle } from "./parts/decree30";
import { table } from "./parts/table";
import { bullets, heading, labelled, paragraph, vnDate } from "./parts/text";
import type { AuditReportData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/** (d) Internal audit report (báo cáo đánh giá nội bộ): scope, criteria, team, findings by clause, conclusion. */
export function renderAuditReport(doc: Doc, data: AuditReportData) {
  const a = data.audit;
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  heading(doc, "I. THÔNG TIN CUỘC ĐÁNH GIÁ");
  labelled(doc, "Mã cuộc đánh giá", a.code);
  labelled(doc, "Thời gian", a.startedOn === a.endedOn ? vnDate(a.startedOn) : `từ ${vnDate(a.startedOn)} đến ${vnDate(a.endedOn)}`);
  labelled(doc, "Phạm vi đánh giá", a.scope);
  labelled(doc, "Chuẩn mực đánh giá", a.criteria);
  labelled(doc, "Trưởng đoàn đánh giá", a.leadAuditor);
  labelled(doc, "Thành viên đoàn", a.team.join(", ") || "—");
  labelled(doc, "Bộ phận, cá nhân được đánh giá", a.auditees.join(", ") || "—");
  heading(doc, "II. TÓM TẮT KẾT QUẢ");
  paragraph(doc, data.summary);
  heading(doc, "III. CÁC PHÁT HIỆN");
  if (data.findings.length === 0) paragraph(doc, "Không ghi nhận phát hiện nào.");
  else
    table(
      doc,
      [
        { header: "STT", width: 6, align: "center" },
        { header: "Điều khoản", width: 18 },
        { header: "Mức độ", width: 16 },
        { header: "Nội dung phát hiện", width: 34 },
        { header: "Bằng chứng", width: 26 },
      ],
      data.findings.map((f) => [String(f.no), `${f.clause} ${f.clauseTitle}`, f.grade, f.description, f.evidence]),
    );
  heading(doc, "IV. KẾT LUẬN");
  paragraph(doc, data.conclusion);
  bullets(doc, ["Các điểm không phù hợp phải được lập phiếu yêu cầu hành động khắc phục và xử lý trong thời hạn đã thống nhất."]);
  decreeClosing(doc, data.meta);
}
