import type PDFDocument from "pdfkit";
import { decreeHeader, decreeTitle } from "./parts/decree30";
import { table } from "./parts/table";
import { heading, paragraph } from "./parts/text";
import type { DossierIndexData } from "./types";

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The index (mục lục) of a dossier handed over as one ZIP archive: the Decree-30 heading block and title, what the
 * dossier is about, then one row per paper: its number, what it is, its date or number, and where it lies in the
 * archive (or that the app holds it as a record only, without a file), with the first characters of its SHA-256.
 */
export function renderDossierIndex(doc: Doc, d: DossierIndexData) {
  decreeHeader(doc, d.meta);
  decreeTitle(doc, d.meta);
  for (const line of d.about) paragraph(doc, line, { indent: false, align: "left" });
  heading(doc, `Danh mục giấy tờ (${d.papers.length})`);
  table(
    doc,
    [
      { header: "TT", width: 5, align: "center" },
      { header: "Giấy tờ", width: 30 },
      { header: "Số, ngày", width: 20 },
      { header: "Tệp trong hồ sơ", width: 33 },
      { header: "SHA-256", width: 12 },
    ],
    d.papers.map((p, i) => [String(i + 1), p.paper, p.detail, p.file ?? "(chỉ có trong phần mềm, không có tệp)", p.sha256 ? p.sha256.slice(0, 12) : "—"]),
  );
  if (d.missing.length) {
    heading(doc, "Giấy tờ phần mềm chưa lưu");
    for (const m of d.missing) paragraph(doc, `- ${m}`, { indent: false, align: "left" });
  }
  paragraph(doc, d.closing, { italic: true, indent: false, align: "left" });
}
