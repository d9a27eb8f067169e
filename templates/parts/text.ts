import type PDFDocument from "pdfkit";
import { contentWidth, THEME } from "../theme";
import { tagged } from "./tags";

type Doc = InstanceType<typeof PDFDocument>;
const L = () => THEME.margins.left;

/** Day as written in Vietnamese documents: dd/mm/yyyy from YYYY-MM-DD. */
export function vnDate(day: string | null | undefined): string {
  if (!day) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** Decree 30: days below 10 and months 1–2 carry a leading zero ("ngày 05 tháng 02 năm 2026"). */
export function placeAndDate(place: string, day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

export function upper(s: string): string {
  return s.toLocaleUpperCase("vi-VN");
}

export function formatInt(n: number): string {
  return n.toLocaleString("vi-VN").replace(/\u00a0/g, ".");
}

export function formatPct(n: number | null): string {
  if (n === null) return "—";
  return `${n.toFixed(1).replace(".", ",")}%`;
}

/** Room left on the page above the bottom margin. */
export function roomLeft(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

export function ensureRoom(doc: Doc, needed: number) {
  if (roomLeft(doc) < needed) doc.addPage();
}

/** Section heading ("I. …"): bold body size, kept with at least a few lines of what follows. */
export function heading(doc: Doc, text: string) {
  ensureRoom(doc, 80);
  doc.moveDown(0.4);
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  tagged(doc, "H2", () => doc.text(text, L(), doc.y, { width: contentWidth, lineGap: THEME.lineGap }));
  doc.moveDown(0.2);
}

export function subheading(doc: Doc, text: string) {
  ensureRoom(doc, 60);
  doc.font(THEME.fonts.boldItalic).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  tagged(doc, "H3", () => doc.text(text, L(), doc.y, { width: contentWidth, lineGap: THEME.lineGap }));
  doc.moveDown(0.15);
}

/** A body paragraph with a first-line indent, justified as administrative documents are. */
export function paragraph(doc: Doc, text: string, opts: { indent?: boolean; italic?: boolean; align?: "left" | "justify" | "center" } = {}) {
  doc
    .font(opts.italic ? THEME.fonts.italic : THEME.fonts.regular)
    .fontSize(THEME.size.body)
    .fillColor(THEME.color.ink);
  tagged(doc, "P", () =>
    doc.text(text, L(), doc.y, {
      width: contentWidth,
      align: opts.align ?? "justify",
      indent: opts.indent === false ? 0 : 28,
      lineGap: THEME.lineGap,
      paragraphGap: THEME.paragraphGap,
    }),
  );
}

/** "- item" lines. */
export function bullets(doc: Doc, items: string[]) {
  doc.font(THEME.fonts.regular).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  for (const it of items) tagged(doc, "P", () => doc.text(`- ${it}`, L() + 28, doc.y, { width: contentWidth - 28, lineGap: THEME.lineGap, paragraphGap: 2 }));
  doc.moveDown(0.3);
}

/** What a section says when its data source is not available yet: never a figure. */
export const NO_DATA = "Chưa có dữ liệu";

export function noDataBox(doc: Doc, reason?: string) {
  ensureRoom(doc, 40);
  const x = L() + 28;
  const y = doc.y + 2;
  const w = contentWidth - 28;
  const text = reason ? `${NO_DATA} (${reason}).` : `${NO_DATA}.`;
  doc.font(THEME.fonts.italic).fontSize(THEME.size.small);
  const h = doc.heightOfString(text, { width: w - 16 }) + 10;
  doc.save().lineWidth(0.6).dash(3, { space: 2 }).strokeColor(THEME.color.grid).rect(x, y, w, h).stroke().undash().restore();
  doc.fillColor(THEME.color.noData);
  tagged(doc, "P", () => doc.text(text, x + 8, y + 5, { width: w - 16 }));
  doc.fillColor(THEME.color.ink);
  doc.x = L();
  doc.y = y + h + 6;
}

/** Label: value lines (used by forms and minutes). */
export function labelled(doc: Doc, label: string, value: string) {
  doc.font(THEME.fonts.bold).fontSize(THEME.size.body).fillColor(THEME.color.ink);
  tagged(doc, "P", () => {
    doc.text(`${label}: `, L(), doc.y, { continued: true, width: contentWidth, lineGap: THEME.lineGap });
    doc.font(THEME.fonts.regular).text(value || "…", { lineGap: THEME.lineGap, paragraphGap: 3 });
  });
}

/** "Xã Lai Vung" → "xã Lai Vung" inside a sentence. */
export function inSentence(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)(?= )/u, (m) => m.toLocaleLowerCase("vi-VN"));
}

const COMMITTEE_NAME = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)(?= )/u;

/** The issuing body as the text names it: "Xã Lai Vung" → "Ủy ban nhân dân xã Lai Vung"; another body keeps its name. */
export function bodyName(name: string): string {
  return COMMITTEE_NAME.test(name) ? `Ủy ban nhân dân ${inSentence(name)}` : name;
}
