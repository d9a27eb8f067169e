import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc["struct"]>;

// The tagged structure of a report (PDF 1.7 logical structure, through pdfkit's structure API): a Document element
// holding the title and headings (H1–H3), paragraphs (P) and tables (Table › TR › TH/TD), in reading order, so a
// screen reader follows the report; page numbers and the verification footer are artifacts. Drawing that is not
// tagged (rules, frames, the QR code, charts' bars) is decoration.

const roots = new WeakMap<Doc, Struct>();

/** Start the structure tree of a document made with `tagged: true`. */
export function startTags(doc: Doc) {
  const root = doc.struct("Document");
  doc.addStructure(root);
  roots.set(doc, root);
}

/** End it before `doc.end()`. */
export function endTags(doc: Doc) {
  roots.get(doc)?.end();
}

/** Draw `draw` as one structure element of `type` under `parent` (default: the document). Untagged docs just draw. */
export function tagged(doc: Doc, type: string, draw: () => void, parent?: Struct) {
  const p = parent ?? roots.get(doc);
  if (!p) return draw();
  // why the cast: @types/pdfkit omits the closure form of struct(type, children) that pdfkit 0.20 has.
  p.add(doc.struct(type, {}, draw as unknown as Parameters<Doc["struct"]>[2]));
}

/** A container element (Table, TR, L…) to add children to; undefined in an untagged document. */
export function container(doc: Doc, type: string, parent?: Struct): Struct | undefined {
  const p = parent ?? roots.get(doc);
  if (!p) return undefined;
  const el = doc.struct(type);
  p.add(el);
  return el;
}

/** Draw `draw` as an artifact (page furniture: not read as content). */
export function artifact(doc: Doc, draw: () => void) {
  if (!roots.has(doc)) return draw();
  doc.markContent("Artifact", { type: "Pagination" });
  draw();
  doc.endMarkedContent();
}
