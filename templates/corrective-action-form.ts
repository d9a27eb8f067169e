import type PDFDocument from "pdfkit";
import { decreeHeader, decreeTitle, drawSignature } from "./parts/decree30";
import { contentWidth, THEME } from "./theme";
import { ensureRoom, vnDate } from "./parts/text";
import { table } from "./parts/table";
import type { CorrectiveActionFormData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/** One boxed part of the form: a bold caption band and its content, kept on one page where it fits. */
function box(doc: Doc, caption: string, lines: string[]) {
  const x = THEME.margins.left;
  const pad = 6;
  doc.font(THEME.fonts.regular).fontSize(THEME.size.body - 1);
  const body = lines.filter(Boolean).join("\n") || "…";
  const bodyH = doc.heightOfString(body, { width: contentWidth - 2 * pad, lineGap: 1 });
  const capH = 18;
  ensureRoom(doc, Math.min(capH + bodyH + 2 * pad, 400));
  const y = doc.y;
  doc.save().rect(x, y, contentWidth, capH).fill(THEME.color.headFill).restore();
  doc
    .font(THEME.fonts.bold)
    .fontSize(THEME.size.body - 1)
    .fillColor(THEME.color.ink)
    .text(caption, x + pad, y + 3, { width: contentWidth - 2 * pad });
  doc.font(THEME.fonts.regular).text(body, x + pad, y + capH + pad, { width: contentWidth - 2 * pad, lineGap: 1 });
  const bottom = doc.y + pad;
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(THEME.color.grid)
    .rect(x, y, contentWidth, bottom - y)
    .stroke()
    .restore();
  doc.x = x;
  doc.y = bottom + 8;
}

/** (e) Corrective action request form (Phiếu yêu cầu hành động khắc phục): finding, cause, action, follow-up. */
export function renderCorrectiveActionForm(doc: Doc, data: CorrectiveActionFormData) {
  const f = data.form;
  decreeHeader(doc, data.meta);
  decreeTitle(doc, data.meta);
  box(doc, "1. Sự không phù hợp", [
    `Nguồn phát hiện: ${f.source}. Ngày phát hiện: ${vnDate(f.foundOn)}.`,
    `Điều khoản TCVN ISO 9001:2015: ${f.clause}. Mức độ: ${f.grade}.`,
    `Mô tả: ${f.finding}`,
    `Bằng chứng: ${f.evidence}`,
    `Người yêu cầu: ${f.requestedBy}, ngày ${vnDate(f.requestedOn)}. Thời hạn hoàn thành: ${vnDate(f.dueOn)}.`,
  ]);
  box(doc, "2. Biện pháp khắc phục tức thời (khắc phục)", [f.correction]);
  box(doc, "3. Nguyên nhân gốc rễ", [
    ...(f.whys ?? []).map((w, i) => `Tại sao ${i + 1}? ${w}`),
    f.whys?.length ? `Kết luận nguyên nhân gốc rễ: ${f.rootCause}` : f.rootCause,
  ]);
  if (f.actions?.length) {
    ensureRoom(doc, 60);
    doc
      .font(THEME.fonts.bold)
      .fontSize(THEME.size.body - 1)
      .fillColor(THEME.color.ink)
      .text("4. Hành động khắc phục", THEME.margins.left, doc.y);
    doc.moveDown(0.2);
    table(
      doc,
      [
        { header: "STT", width: 6, align: "center" },
        { header: "Hành động khắc phục", width: 32 },
        { header: "Người thực hiện", width: 17 },
        { header: "Thời hạn", width: 15, align: "center" },
        { header: "Trạng thái", width: 14 },
        { header: "Lãnh đạo xác nhận", width: 16 },
      ],
      f.actions.map((a) => [
        String(a.no),
        a.description,
        a.owner,
        vnDate(a.dueOn),
        a.status,
        a.acknowledgement
          ? `${a.acknowledgement.capacity ? `${a.acknowledgement.capacity} – ` : ""}${a.acknowledgement.by}, ${vnDate(a.acknowledgement.on)}`
          : "Chưa xác nhận",
      ]),
    );
    doc.moveDown(0.4);
  } else box(doc, "4. Hành động khắc phục", [f.correctiveAction, `Người chịu trách nhiệm: ${f.responsible}.`]);
  const acks = (f.actions ?? []).filter((a) => a.acknowledgement);
  box(
    doc,
    "5. Xác nhận của lãnh đạo",
    f.actions?.length
      ? acks.length
        ? acks.map(
            (a) =>
              `Hành động ${a.no}: ${a.acknowledgement!.capacity ? `${a.acknowledgement!.capacity} – ` : ""}${a.acknowledgement!.by} đã ký xác nhận ngày ${vnDate(a.acknowledgement!.on)}.`,
          )
        : ["Chưa có hành động nào được lãnh đạo ký xác nhận."]
      : [
          f.acknowledgement
            ? `Đã xem xét, đồng ý: ${f.acknowledgement.capacity ? `${f.acknowledgement.capacity} – ` : ""}${f.acknowledgement.by}, ngày ${vnDate(f.acknowledgement.on)}.`
            : "Chưa xác nhận.",
        ],
  );
  box(doc, "6. Kiểm tra hiệu lực", [
    f.verification
      ? `Ngày ${vnDate(f.verification.on)}, ${f.verification.by}: ${f.verification.effective === null ? "chưa kết luận" : f.verification.effective ? "hành động khắc phục có hiệu lực" : "hành động khắc phục chưa có hiệu lực"}. ${f.verification.note}`
      : "Chưa kiểm tra.",
  ]);
  ensureRoom(doc, data.meta.digitalSignature ? 170 : 130);
  const y = doc.y + 6;
  const half = contentWidth / 2;
  const b1 = drawSignature(doc, { title: "Người yêu cầu", name: f.requestedBy }, THEME.margins.left, y, half);
  const b2 = drawSignature(doc, data.meta.signature, THEME.margins.left + half, y, half, data.meta.digitalSignature);
  doc.x = THEME.margins.left;
  doc.y = Math.max(b1, b2);
}
