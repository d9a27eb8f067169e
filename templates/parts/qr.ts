import type PDFDocument from "pdfkit";
import qrcode from "qrcode-generator";

type Doc = InstanceType<typeof PDFDocument>;

/** A QR code drawn as vector squares (one path, one fill), crisp at any zoom and in print. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const n = qr.getModuleCount();
  const cell = size / n;
  doc.save();
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      // Overlap by a hair so adjacent squares do not show seams in viewers that anti-alias.
      if (qr.isDark(r, c)) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor("#000000").fill();
  doc.restore();
}
