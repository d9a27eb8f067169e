import type PDFDocument from "pdfkit";
import type { DocMeta, SignatureBlock } from "../types";
import { contentWidth, THEME } from "../theme";
import { drawQr } from "./qr";
import { ensureRoom, placeAndDate, upper } from "./text";

type Doc = InstanceType<typeof PDFDocument>;

const MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";

/**
 * The heading block of Decree 30/2020 (Phụ lục I): issuing body top left in capitals (the body itself bold, a
 * short rule under it), the national motto top right (the second line with a rule as long as the line), then
 * the number under the body and the place and date in italics under the motto.
 */
export function decreeHeader(doc: Doc, meta: DocMeta) {
  const left = THEME.margins.left;
  const leftW = contentWidth * 0.4;
  const rightX = left + leftW;
  const rightW = contentWidth - leftW;
  const top = THEME.margins.top;

  // Issuing body: the superior body (if any) regular, the body itself bold.
  let y = top;
  const lines = meta.issuingBody.map(upper);
  lines.forEach((line, i) => {
    const bold = i >= lines.length - 2 || lines.length === 1;
    doc.font(bold ? THEME.fonts.bold : THEME.fonts.regular).fontSize(THEME.size.header);
    doc.text(line, left - 10, y, { width: leftW + 20, align: "center" });
    y = doc.y;
  });
  const ruleW = Math.min(60, leftW / 2);
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(left + leftW / 2 - ruleW / 2, y + 2)
    .lineTo(left + leftW / 2 + ruleW / 2, y + 2)
    .stroke()
    .restore();
  const leftBottom = y + 6;

  // Motto.
  doc.font(THEME.fonts.bold).fontSize(THEME.size.header);
  doc.text(MOTTO_1, rightX, top, { width: rightW, align: "center" });
  doc.fontSize(THEME.size.motto).text(MOTTO_2, rightX, doc.y, { width: rightW, align: "center" });
  const mottoW = doc.widthOfString(MOTTO_2);
  const my = doc.y + 1;
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(rightX + rightW / 2 - mottoW / 2, my)
    .lineTo(rightX + rightW / 2 + mottoW / 2, my)
    .stroke()
    .restore();
  const rightBottom = my + 6;

  const rowY = Math.max(leftBottom, rightBottom) + 2;
  doc.font(THEME.fonts.regular).fontSize(THEME.size.body);
  const number = meta.number ? `Số: ${meta.number}/${meta.numberSuffix}` : `Số:       /${meta.numberSuffix}`;
  doc.text(number, left - 10, rowY, { width: leftW + 20, align: "center" });
  const afterNumber = doc.y;
  doc.font(THEME.fonts.italic).fontSize(THEME.size.body);
  doc.text(placeAndDate(meta.place, meta.issuedOn), rightX, rowY, { width: rightW, align: "center" });
  doc.x = left;
  doc.y = Math.max(afterNumber, doc.y) + 14;
}

/** Title in capitals, bold, centred; the summary line (trích yếu) under it, bold, with a short rule. */
export function decreeTitle(doc: Doc, meta: DocMeta) {
  const left = THEME.margins.left;
  doc.font(THEME.fonts.bold).fontSize(THEME.size.title).fillColor(THEME.color.ink);
  doc.text(upper(meta.title), left, doc.y, { width: contentWidth, align: "center" });
  if (meta.subtitle) {
    doc.fontSize(THEME.size.body).text(meta.subtitle, left + 30, doc.y + 2, { width: contentWidth - 60, align: "center", lineGap: 1 });
  }
  const y = doc.y + 3;
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(left + contentWidth / 2 - 40, y)
    .lineTo(left + contentWidth / 2 + 40, y)
    .stroke()
    .restore();
  doc.x = left;
  doc.y = y + 14;
}

export function signatureLines(sig: SignatureBlock): string[] {
  return [...(sig.capacity ? [upper(sig.capacity)] : []), upper(sig.title)];
}

/** Draw a signature block inside [x, x+w] from y; returns the bottom. */
export function drawSignature(doc: Doc, sig: SignatureBlock, x: number, y: number, w: number): number {
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  doc.text(signatureLines(sig).join("\n"), x, y, { width: w, align: "center" });
  const nameY = doc.y + 62;
  if (sig.name) doc.text(sig.name, x, nameY, { width: w, align: "center" });
  return nameY + 18;
}

/** "Nơi nhận:" bottom left and the signature block bottom right, kept together on one page. */
export function decreeClosing(doc: Doc, meta: DocMeta) {
  const left = THEME.margins.left;
  const leftW = contentWidth * 0.45;
  doc.font(THEME.fonts.regular).fontSize(THEME.size.recipients);
  const leftH = 18 + doc.heightOfString(meta.recipients.map((r) => `- ${r}`).join("\n"), { width: leftW });
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body);
  const sigH = doc.heightOfString(signatureLines(meta.signature).join("\n"), { width: contentWidth - leftW }) + 62 + 18;
  ensureRoom(doc, 12 + Math.max(leftH, sigH));
  const y = doc.y + 12;
  doc.font(THEME.fonts.boldItalic).fontSize(THEME.size.header).fillColor(THEME.color.ink);
  doc.text("Nơi nhận:", left, y, { width: leftW });
  doc.font(THEME.fonts.regular).fontSize(THEME.size.recipients);
  for (const r of meta.recipients) doc.text(`- ${r}`, left, doc.y, { width: leftW });
  const leftBottom = doc.y;
  const sigBottom = drawSignature(doc, meta.signature, left + leftW, y, contentWidth - leftW);
  doc.x = left;
  doc.y = Math.max(leftBottom, sigBottom);
}

/**
 * Recipients bottom left, then two signature blocks side by side (left and right), kept on one page: documents
 * signed by two sides (audit report: the audited unit's head and the lead auditor).
 */
export function decreeClosingTwo(doc: Doc, meta: DocMeta, leftSig: SignatureBlock, rightSig: SignatureBlock) {
  const left = THEME.margins.left;
  const half = contentWidth / 2;
  doc.font(THEME.fonts.regular).fontSize(THEME.size.recipients);
  const recH = 18 + doc.heightOfString(meta.recipients.map((r) => `- ${r}`).join("\n"), { width: contentWidth });
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body);
  const sigH = Math.max(...[leftSig, rightSig].map((s) => doc.heightOfString(signatureLines(s).join("\n"), { width: half }))) + 62 + 18;
  ensureRoom(doc, 12 + sigH + recH);
  const y = doc.y + 12;
  const b1 = drawSignature(doc, leftSig, left, y, half);
  const b2 = drawSignature(doc, rightSig, left + half, y, half);
  let ry = Math.max(b1, b2) + 6;
  doc.font(THEME.fonts.boldItalic).fontSize(THEME.size.header).fillColor(THEME.color.ink);
  doc.text("Nơi nhận:", left, ry, { width: contentWidth });
  doc.font(THEME.fonts.regular).fontSize(THEME.size.recipients);
  for (const r of meta.recipients) doc.text(`- ${r}`, left, doc.y, { width: contentWidth });
  ry = doc.y;
  doc.x = left;
  doc.y = ry;
}

/**
 * After everything is drawn (pages buffered): page numbers at the top centre from page 2 (Decree 30), and on
 * every page a footer with the verification code and a QR code leading to the verification page.
 */
export function decreePageFurniture(doc: Doc, meta: DocMeta) {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    // Writing inside the margins must not trigger pdfkit's automatic new page.
    const saved = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const n = i - range.start + 1;
    if (n > 1) {
      doc.font(THEME.fonts.regular).fontSize(THEME.size.body).fillColor(THEME.color.ink);
      doc.text(String(n), THEME.margins.left, 26, { width: contentWidth, align: "center", lineBreak: false });
    }
    // A draft (issue 14) says so on every page, top right, in red: never mistaken for the issued report.
    if (meta.draft) {
      doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor("#b00020");
      doc.text("DỰ THẢO", THEME.page.width - THEME.margins.right - 120, 26, { width: 120, align: "right", lineBreak: false });
      doc.fillColor(THEME.color.ink);
    }
    const qrSize = 40;
    const fy = doc.page.height - THEME.margins.bottom + 10;
    const qrX = THEME.page.width - THEME.margins.right - qrSize;
    drawQr(doc, meta.verification.url, qrX, fy, qrSize);
    doc.font(THEME.fonts.regular).fontSize(THEME.size.footer).fillColor(THEME.color.muted);
    const textW = contentWidth - qrSize - 10;
    doc.text(`Mã xác thực: ${meta.verification.code} · Trang ${n}/${total}`, THEME.margins.left, fy + 8, { width: textW, lineBreak: false });
    doc.text(`Kiểm tra văn bản tại: ${meta.verification.url}`, THEME.margins.left, fy + 19, { width: textW, lineBreak: false });
    const tr = meta.verification.trail;
    if (tr) doc.text(`Nhật ký hệ thống: dòng ${tr.lastId} · ${tr.head}`, THEME.margins.left, fy + 30, { width: textW, lineBreak: false });
    doc.fillColor(THEME.color.ink);
    doc.page.margins = saved;
  }
}
