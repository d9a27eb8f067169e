import type PDFDocument from "pdfkit";
import qrcode from "qrcode-generator";

type Doc = InstanceType<typeof PDFDocument>;

/** A QR code drawn as vector squares (one path, one fill), crisp at any zoom and in print. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const dark = matrix(text);
  const n = dark.length;
  const cell = size / n;
  doc.save();
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      // Overlap by a hair so adjacent squares do not show seams in viewers that anti-alias.
      if (dark[r]![c]) doc.rect(x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor("#000000").fill();
  doc.restore();
}

// why: every page carries the same code, and choosing the mask (8 trial encodings, each scored) was ~18% of a
// report's drawing time. The last text's modules are kept: a document asks for one text on each of its pages.
let last: { text: string; dark: boolean[][] } | undefined;
function matrix(text: string): boolean[][] {
  if (last?.text === text) return last.dark;
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const n = qr.getModuleCount();
  const dark = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
  last = { text, dark };
  return dark;
}
