import type PDFDocument from "pdfkit";
import type { DigitalSignatureMark } from "../types";
import { THEME } from "../theme";

type Doc = InstanceType<typeof PDFDocument>;

// The digital signature's two halves in the file (decision 0012): a visible block where the document is signed
// (Decree 30/2020, Phụ lục I: the signing body, the signer, the time with its zone), and the signature field whose
// /Contents the producer fills after rendering (app/modules/certificates/sign.server.ts). The drawing knows nothing
// about keys: the mark is plain data.

/** Bytes reserved for the CMS signature (hex doubles it): a signing certificate, two issuers and their headroom. */
export const SIGNATURE_BYTES = 12_288;
const BYTE_RANGE_PLACEHOLDER = "**********";
const BLUE = "#1f3f9a";

type Placed = { page: number; rect: [number, number, number, number] };
const placed = new WeakMap<Doc, Placed>();

function lines(mark: DigitalSignatureMark): string[] {
  return [
    `Ký số bởi: ${mark.body}`,
    `Người ký: ${mark.signer}`,
    ...(mark.capacity ? [`Chức vụ: ${mark.capacity}`] : []),
    `Thời gian ký: ${mark.time}`,
    ...(mark.demo ? ["DEMO – không có giá trị pháp lý"] : []),
  ];
}

/** Height the block needs at width `w`. */
export function signatureBlockHeight(doc: Doc, mark: DigitalSignatureMark, w: number): number {
  doc.font(THEME.fonts.italic).fontSize(THEME.size.signature);
  return doc.heightOfString(lines(mark).join("\n"), { width: w - 8 }) + 8;
}

/** Draw the visible block inside [x, x+w] from y (blue italic, 10 pt, framed) and remember where it is. */
export function drawSignatureBlock(doc: Doc, mark: DigitalSignatureMark, x: number, y: number, w: number): number {
  const h = signatureBlockHeight(doc, mark, w);
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(mark.demo ? "#b00020" : BLUE)
    .rect(x, y, w, h)
    .stroke()
    .restore();
  doc.font(THEME.fonts.italic).fontSize(THEME.size.signature).fillColor(BLUE);
  doc.text(lines(mark).join("\n"), x + 4, y + 4, { width: w - 8, align: "left" });
  doc.fillColor(THEME.color.ink);
  const range = doc.bufferedPageRange();
  // PDF space has its origin bottom left.
  const H = doc.page.height;
  placed.set(doc, { page: range.start + range.count - 1, rect: [x, H - (y + h), x + w, H - y] });
  return y + h;
}

/** Whether a template already drew the block (else the generator draws it after the content). */
export function signatureBlockDrawn(doc: Doc): boolean {
  return placed.has(doc);
}

/**
 * The signature dictionary with an empty /Contents and a /ByteRange placeholder, and its widget over the visible
 * block, in the form's fields (PAdES: SubFilter ETSI.CAdES.detached, /M the signing time).
 */
export function addSignatureField(doc: Doc, mark: DigitalSignatureMark, signingTime: Date) {
  const where = placed.get(doc);
  const d = doc as unknown as {
    ref(data: object): { end(): void; data: Record<string, unknown> };
    _root: { data: { AcroForm?: { data: { Fields: unknown[] } } } };
    _acroform?: object;
    initForm(): void;
    page: { dictionary: unknown; annotations: unknown[] };
  };
  const signature = d.ref({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: "ETSI.CAdES.detached",
    ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(SIGNATURE_BYTES),
    Reason: new String(mark.reason),
    Location: new String(mark.location),
    Name: new String(mark.signer),
    M: signingTime,
    Prop_Build: { App: { Name: "ISOXa" } }, // a name: no spaces
  });
  signature.end();
  if (where) doc.switchToPage(where.page);
  if (!d._acroform) d.initForm();
  const form = d._root.data.AcroForm!;
  form.data = { ...form.data, SigFlags: 3 } as typeof form.data; // signatures exist, append only
  const widget = d.ref({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    F: 4, // printed
    Rect: where?.rect ?? [0, 0, 0, 0],
    V: signature,
    T: new String("Chữ ký số"),
    P: d.page.dictionary,
  });
  d.page.annotations.push(widget);
  form.data.Fields.push(widget);
  widget.end(); // pdfkit ends only fields with kids itself
}
