import type PDFDocument from "pdfkit";
import type { DigitalSignatureMark, DocMeta, SignatureBlock } from "../types";
import { contentWidth, THEME } from "../theme";
import { drawQr } from "./qr";
import { drawSignatureBlock, signatureBlockHeight } from "./signature";
import { artifact, tagged } from "./tags";
import { ensureRoom, placeAndDate, upper } from "./text";

type Doc = InstanceType<typeof PDFDocument>;

const MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MM = 72 / 25.4;
/** Nothing is printed closer than this to a page's edge (page number, footer, QR code): 10 mm and a hair. */
export const EDGE = 10.5 * MM;
const QR_SIZE = 34;
const MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";

/**
 * The heading block of Decree 30/2020 (Phụ lục I): issuing body top left in capitals (the body itself bold, a
 * short rule under it), the national motto top right (the second line with a rule as long as the line), then
 * the number under the body and the place and date in italics under the motto.
 */
export function decreeHeader(doc: Doc, meta: Pick<DocMeta, "issuingBody" | "superiorLines" | "number" | "numberSuffix" | "place" | "issuedOn">) {
  const left = THEME.margins.left;
  const leftW = contentWidth * 0.4;
  const rightX = left + leftW;
  const rightW = contentWidth - leftW;
  const top = THEME.margins.top;

  // Issuing body: the superior body (if any) regular, the body itself bold. Each line whole (a line too long for
  // the column is set smaller, never wrapped) and clear of the motto's column.
  let y = top;
  const lines = meta.issuingBody.map(upper);
  const superior = meta.superiorLines ?? Math.max(0, lines.length - 2);
  const colX = left - 14;
  const colW = leftW + 8; // ends 6 pt before the motto's column
  tagged(doc, "P", () =>
    lines.forEach((line, i) => {
      doc.font(i >= superior ? THEME.fonts.bold : THEME.fonts.regular).fontSize(THEME.size.header);
      const w = doc.widthOfString(line);
      if (w > colW - 2) doc.fontSize(Math.max(9, (THEME.size.header * (colW - 2)) / w));
      doc.text(line, colX, y, { width: colW, align: "center" });
      y = doc.y;
    }),
  );
  // A short rule under the body, centred under it, clear of the dots below Vietnamese letters.
  const ruleW = Math.min(60, leftW / 2);
  const cx = colX + colW / 2;
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(cx - ruleW / 2, y + 3)
    .lineTo(cx + ruleW / 2, y + 3)
    .stroke()
    .restore();
  const leftBottom = y + 6;

  // Motto.
  doc.font(THEME.fonts.bold).fontSize(THEME.size.header);
  tagged(doc, "P", () => {
    doc.text(MOTTO_1, rightX, top, { width: rightW, align: "center" });
    doc.fontSize(THEME.size.motto).text(MOTTO_2, rightX, doc.y, { width: rightW, align: "center" });
  });
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
  tagged(doc, "P", () => doc.text(number, colX, rowY, { width: colW, align: "center" }));
  const afterNumber = doc.y;
  doc.font(THEME.fonts.italic).fontSize(THEME.size.body);
  tagged(doc, "P", () => doc.text(placeAndDate(meta.place, meta.issuedOn), rightX, rowY, { width: rightW, align: "center" }));
  doc.x = left;
  doc.y = Math.max(afterNumber, doc.y) + 14;
}

/** The rule under the summary line: 40% of the line's width (Decree 30 asks for 1/3 to 1/2), centred. */
export function summaryRuleWidth(lineWidth: number): number {
  return Math.round(lineWidth * 0.4 * 10) / 10;
}

/** Title in capitals, bold, centred; the summary line (trích yếu) under it, bold, with a short rule. */
export function decreeTitle(doc: Doc, meta: Pick<DocMeta, "title" | "subtitle">): { lineWidth: number; ruleWidth: number } {
  const left = THEME.margins.left;
  doc.font(THEME.fonts.bold).fontSize(THEME.size.title).fillColor(THEME.color.ink);
  tagged(doc, "H1", () => doc.text(upper(meta.title), left, doc.y, { width: contentWidth, align: "center" }));
  let lineWidth = doc.widthOfString(upper(meta.title));
  if (meta.subtitle) {
    const boxW = contentWidth - 60;
    doc.fontSize(THEME.size.body);
    tagged(doc, "P", () => doc.text(meta.subtitle!, left + 30, doc.y + 2, { width: boxW, align: "center", lineGap: 1 }));
    // The summary's longest line: its whole width when it fits on one, else the box it wraps in.
    lineWidth = Math.min(boxW, doc.widthOfString(meta.subtitle));
  }
  const ruleWidth = summaryRuleWidth(Math.min(lineWidth, contentWidth));
  const y = doc.y + 3;
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(left + contentWidth / 2 - ruleWidth / 2, y)
    .lineTo(left + contentWidth / 2 + ruleWidth / 2, y)
    .stroke()
    .restore();
  doc.x = left;
  doc.y = y + 14;
  return { lineWidth, ruleWidth };
}

export function signatureLines(sig: SignatureBlock): string[] {
  return [...(sig.capacity ? [upper(sig.capacity)] : []), upper(sig.title)];
}

/** Room between the capacity lines and the name: the handwritten signature, or the digital signature's block. */
const SIGN_SPACE = 62;
function signSpace(doc: Doc, w: number, mark?: DigitalSignatureMark): number {
  return mark ? Math.max(SIGN_SPACE, signatureBlockHeight(doc, mark, Math.min(w, 230)) + 16) : SIGN_SPACE;
}

/**
 * Draw a signature block inside [x, x+w] from y; returns the bottom. With a digital signature's mark, its visible
 * block stands where the handwritten signature would (Decree 30/2020, Phụ lục I, electronic documents).
 */
export function drawSignature(doc: Doc, sig: SignatureBlock, x: number, y: number, w: number, mark?: DigitalSignatureMark): number {
  const space = signSpace(doc, w, mark);
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  doc.text(signatureLines(sig).join("\n"), x, y, { width: w, align: "center" });
  const top = doc.y;
  if (mark) {
    const bw = Math.min(w, 230);
    drawSignatureBlock(doc, mark, x + (w - bw) / 2, top + 8, bw);
    doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  }
  const nameY = top + space;
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
  const sigH =
    doc.heightOfString(signatureLines(meta.signature).join("\n"), { width: contentWidth - leftW }) +
    signSpace(doc, contentWidth - leftW, meta.digitalSignature) +
    18;
  ensureRoom(doc, 12 + Math.max(leftH, sigH));
  const y = doc.y + 12;
  doc.font(THEME.fonts.boldItalic).fontSize(THEME.size.header).fillColor(THEME.color.ink);
  doc.text("Nơi nhận:", left, y, { width: leftW });
  doc.font(THEME.fonts.regular).fontSize(THEME.size.recipients);
  for (const r of meta.recipients) doc.text(`- ${r}`, left, doc.y, { width: leftW });
  const leftBottom = doc.y;
  const sigBottom = drawSignature(doc, meta.signature, left + leftW, y, contentWidth - leftW, meta.digitalSignature);
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
  const sigH =
    Math.max(...[leftSig, rightSig].map((s) => doc.heightOfString(signatureLines(s).join("\n"), { width: half }))) +
    signSpace(doc, half, meta.digitalSignature) +
    18;
  ensureRoom(doc, 12 + sigH + recH);
  const y = doc.y + 12;
  // The unit's side (left) carries the unit's digital signature.
  const b1 = drawSignature(doc, leftSig, left, y, half, meta.digitalSignature);
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
    artifact(doc, () => {
      if (n > 1) {
        doc.font(THEME.fonts.regular).fontSize(THEME.size.body).fillColor(THEME.color.ink);
        doc.text(String(n), THEME.margins.left, EDGE + 2, { width: contentWidth, align: "center", lineBreak: false });
      }
      // A draft (issue 14) says so on every page, top right, in red: never mistaken for the issued report.
      if (meta.draft) {
        doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor("#b00020");
        doc.text("DỰ THẢO", THEME.page.width - THEME.margins.right - 120, EDGE + 2, { width: 120, align: "right", lineBreak: false });
        doc.fillColor(THEME.color.ink);
      }
      // Footer and QR code end at least 10 mm above the page's bottom edge (a printer's unprintable band).
      const bottom = doc.page.height - EDGE;
      const qrX = THEME.page.width - THEME.margins.right - QR_SIZE;
      drawQr(doc, meta.verification.url, qrX, bottom - QR_SIZE, QR_SIZE);
      doc.font(THEME.fonts.regular).fontSize(THEME.size.footer).fillColor(THEME.color.muted);
      const textW = contentWidth - QR_SIZE - 10;
      const tr = meta.verification.trail;
      const lines = [
        `Mã xác thực: ${meta.verification.code} · Trang ${n}/${total}`,
        `Kiểm tra văn bản tại: ${meta.verification.url}`,
        ...(tr ? [`Nhật ký hệ thống: dòng ${tr.lastId} · ${tr.head}`] : []),
      ];
      const step = 10;
      lines.forEach((l, k) => doc.text(l, THEME.margins.left, bottom - (lines.length - k) * step, { width: textW, lineBreak: false }));
      doc.fillColor(THEME.color.ink);
    });
    doc.page.margins = saved;
  }
}
