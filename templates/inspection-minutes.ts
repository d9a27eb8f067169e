import type PDFDocument from "pdfkit";
import { decreeHeader, decreeTitle, drawSignature } from "./parts/decree30";
import { table } from "./parts/table";
import { bullets, ensureRoom, heading, paragraph, vnDate } from "./parts/text";
import { contentWidth, THEME } from "./theme";
import type { InspectionMinutesData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/** (f) Inspection minutes (form 21, TT 26/2014/TT-BKHCN), signed by both sides. */
export function renderInspectionMinutes(doc: Doc, data: InspectionMinutesData) {
  const m = data.minutes;
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  paragraph(
    doc,
    `Thực hiện ${m.decision}, hôm nay, ngày ${vnDate(m.heldOn)}, tại ${m.place}, Đoàn kiểm tra tiến hành kiểm tra việc áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại ${data.unit.name}.`,
  );
  heading(doc, "I. THÀNH PHẦN");
  paragraph(doc, "1. Đoàn kiểm tra:", { indent: false });
  bullets(
    doc,
    m.inspectors.map((p) => `Ông (bà) ${p.name}, ${p.title};`),
  );
  paragraph(doc, `2. Đại diện ${data.unit.name}:`, { indent: false });
  bullets(
    doc,
    m.unitRepresentatives.map((p) => `Ông (bà) ${p.name}, ${p.title};`),
  );
  heading(doc, "II. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA");
  if (m.summary) paragraph(doc, m.summary);
  if (m.checks.length)
    table(
      doc,
      [
        { header: "STT", width: 6, align: "center" },
        { header: "Nội dung kiểm tra", width: 44 },
        { header: "Kết quả", width: 50 },
      ],
      m.checks.map((c, i) => [String(i + 1), c.item, c.result]),
    );
  if (m.findings.length) {
    paragraph(doc, "Các điểm không phù hợp:", { indent: false });
    table(
      doc,
      [
        { header: "STT", width: 6, align: "center" },
        { header: "Điều khoản", width: 12 },
        { header: "Mức độ", width: 16 },
        { header: "Nội dung", width: 50 },
        { header: "Hạn khắc phục", width: 16, align: "center" },
      ],
      m.findings.map((f) => [String(f.no), f.clause, f.grade, f.description, vnDate(f.dueOn ?? m.correctiveReportDueOn)]),
    );
  }
  heading(doc, "III. KẾT LUẬN VÀ KIẾN NGHỊ");
  paragraph(doc, m.conclusion);
  bullets(doc, [
    ...m.requests,
    `${data.unit.name} báo cáo kết quả khắc phục các điểm không phù hợp về Đoàn kiểm tra trước ngày ${vnDate(m.correctiveReportDueOn)} (trong vòng 02 tháng kể từ ngày ký biên bản).`,
  ]);
  paragraph(doc, "Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản; đã đọc lại cho các bên cùng nghe và thống nhất ký tên./.");
  ensureRoom(doc, 130);
  const y = doc.y + 8;
  const half = contentWidth / 2;
  const b1 = drawSignature(doc, data.signatures.unitSide, THEME.margins.left, y, half);
  const b2 = drawSignature(doc, data.signatures.inspectorSide, THEME.margins.left + half, y, half);
  doc.x = THEME.margins.left;
  doc.y = Math.max(b1, b2);
}
