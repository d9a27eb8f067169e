import type PDFDocument from "pdfkit";
import { decreeClosing, decreeClosingTwo, decreeHeader, decreeTitle } from "./parts/decree30";
import { table } from "./parts/table";
import { bullets, formatInt, heading, labelled, paragraph, subheading, vnDate } from "./parts/text";
import type { AuditReportData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/**
 * (d) Internal audit report (báo cáo đánh giá nội bộ): scope (clauses and processes), criteria, team, checklist
 * results, findings by clause and grade, conclusion; signed by the audited unit's head and the lead auditor.
 */
export function renderAuditReport(doc: Doc, data: AuditReportData) {
  const a = data.audit;
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  heading(doc, "I. THÔNG TIN CUỘC ĐÁNH GIÁ");
  labelled(doc, "Mã cuộc đánh giá", a.code);
  labelled(doc, "Đơn vị được đánh giá", data.unit.name);
  labelled(doc, "Thời gian", a.startedOn === a.endedOn ? vnDate(a.startedOn) : `từ ${vnDate(a.startedOn)} đến ${vnDate(a.endedOn)}`);
  if (a.objectives) labelled(doc, "Mục tiêu", a.objectives);
  labelled(doc, "Phạm vi đánh giá", a.scope);
  labelled(doc, "Chuẩn mực đánh giá", a.criteria);
  labelled(doc, "Trưởng đoàn đánh giá", a.leadAuditor);
  labelled(doc, "Thành viên đoàn", a.team.join("; ") || "—");
  labelled(doc, "Bộ phận, cá nhân được đánh giá", a.auditees.join(", ") || "—");
  if (a.clauses?.length) {
    subheading(doc, `Điều khoản TCVN ISO 9001:2015 trong phạm vi (${a.clauses.length})`);
    bullets(doc, a.clauses);
  }
  if (a.processes?.length) {
    subheading(doc, `Quy trình trong phạm vi (${a.processes.length})`);
    bullets(doc, a.processes);
  }
  heading(doc, "II. TÓM TẮT KẾT QUẢ");
  paragraph(doc, data.summary);
  if (data.checklist) {
    const c = data.checklist;
    table(
      doc,
      [
        { header: "Tổng số câu hỏi", width: 16, align: "center" },
        { header: "Phù hợp", width: 14, align: "center" },
        { header: "Không phù hợp", width: 16, align: "center" },
        { header: "Lưu ý", width: 14, align: "center" },
        { header: "Không áp dụng", width: 16, align: "center" },
        { header: "Chưa đánh giá", width: 16, align: "center" },
      ],
      [[c.total, c.conforms, c.nonconformity, c.observation, c.notApplicable, c.unanswered].map(formatInt)],
    );
  }
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
      data.findings.map((f) => [String(f.no), `${f.clause} ${f.clauseTitle}`.trim(), f.grade, f.description, f.evidence]),
    );
  heading(doc, "IV. KẾT LUẬN");
  paragraph(doc, data.conclusion);
  bullets(doc, ["Các điểm không phù hợp phải được lập phiếu yêu cầu hành động khắc phục và xử lý trong thời hạn đã thống nhất."]);
  if (data.signatures) decreeClosingTwo(doc, data.meta, data.signatures.unitHead, data.signatures.leadAuditor);
  else decreeClosing(doc, data.meta);
}
