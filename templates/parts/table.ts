import type PDFDocument from "pdfkit";
import { contentWidth, THEME } from "../theme";
import { artifact, container, tagged } from "./tags";

type Doc = InstanceType<typeof PDFDocument>;

export type Column = { header: string; width: number; align?: "left" | "right" | "center" };
export type TableOptions = { fontSize?: number; boldLastRow?: boolean; x?: number; width?: number };

const PAD = 4;

/**
 * A table that breaks across pages and repeats its header row on each new page. Column widths are relative
 * (they are scaled to the table's width). Cells wrap; a row never splits across pages.
 */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: TableOptions = {}) {
  const x0 = opts.x ?? THEME.margins.left;
  const totalW = opts.width ?? contentWidth;
  const sum = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / sum) * totalW);
  const size = opts.fontSize ?? THEME.size.table;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i]! - 2 * PAD, lineGap: 1 }))) + 2 * PAD;
  };

  // Tagged: Table › TR › TH (the header row; repeated on a later page it is an artifact) or TD.
  const tableTag = container(doc, "Table");
  const drawRow = (cells: string[], y: number, h: number, font: string, fill?: string, header?: "first" | "repeat") => {
    let x = x0;
    if (fill) doc.save().rect(x0, y, totalW, h).fill(fill).restore();
    doc.font(font).fontSize(size).fillColor(THEME.color.ink);
    const row = header === "repeat" ? undefined : container(doc, "TR", tableTag);
    cells.forEach((c, i) => {
      const w = widths[i]!;
      const draw = () => doc.text(c, x + PAD, y + PAD, { width: w - 2 * PAD, align: columns[i]!.align ?? "left", lineGap: 1 });
      if (row) tagged(doc, header ? "TH" : "TD", draw, row);
      else artifact(doc, draw);
      x += w;
    });
    row?.end();
    doc.save().lineWidth(0.5).strokeColor(THEME.color.grid);
    x = x0;
    for (const w of widths) {
      doc.rect(x, y, w, h).stroke();
      x += w;
    }
    doc.restore();
  };

  const headers = columns.map((c) => c.header);
  const headH = rowHeight(headers, THEME.fonts.bold);
  let headerDrawn = false;
  const drawHeader = () => {
    const y = doc.y;
    drawRow(headers, y, headH, THEME.fonts.bold, THEME.color.headFill, headerDrawn ? "repeat" : "first");
    headerDrawn = true;
    doc.y = y + headH;
  };

  if (doc.y + headH + 2 * size > bottom()) doc.addPage();
  drawHeader();
  rows.forEach((cells, idx) => {
    const font = opts.boldLastRow && idx === rows.length - 1 ? THEME.fonts.bold : THEME.fonts.regular;
    const h = rowHeight(cells, font);
    if (doc.y + h > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(cells, y, h, font);
    doc.y = y + h;
  });
  tableTag?.end();
  doc.x = THEME.margins.left;
  doc.y += 8;
}
