import ExcelJS from "exceljs";
import yazl from "yazl";

/*
 * Fixtures built at run time (never committed binaries): small PDFs, ZIP archives (honest, hostile), spreadsheets.
 */

/** A small, valid-enough PDF (file-type recognises it by its header) whose text names it. */
export function pdfBytes(title: string): Buffer {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A ZIP of the given entries (name → bytes); `compress: false` stores them. */
export async function zipOf(entries: [string, Buffer][], opts: { compress?: boolean } = {}): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, bytes] of entries) z.addBuffer(bytes, name, { compress: opts.compress ?? true });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A ZIP whose entry is stored under a name yazl refuses to write (a path traversal, an absolute path): the archive is
 * made with a placeholder of the same length, then the name's bytes are replaced in the local and central headers.
 */
export async function zipWithRawName(name: string, bytes: Buffer, others: [string, Buffer][] = []): Promise<Buffer> {
  const placeholder = "x".repeat(Buffer.byteLength(name));
  const zip = await zipOf([...others, [placeholder, bytes]]);
  const from = Buffer.from(placeholder);
  const to = Buffer.from(name);
  for (let i = zip.indexOf(from); i >= 0; i = zip.indexOf(from, i + 1)) to.copy(zip, i);
  return zip;
}

/**
 * A ZIP whose central directory lies: the entry (deflated `realSize` zero bytes) declares `declaredSize` bytes
 * unpacked, so a reader that trusts the directory inflates far more than it was told.
 */
export async function lyingZip(name: string, realSize: number, declaredSize: number): Promise<Buffer> {
  const zip = await zipOf([[name, Buffer.alloc(realSize)]]);
  const patch = (sig: number, sizeOffset: number) => {
    for (let p = 0; p + 4 <= zip.length; p++) if (zip.readUInt32LE(p) === sig) zip.writeUInt32LE(declaredSize, p + sizeOffset);
  };
  patch(0x04034b50, 22); // local header: uncompressed size
  patch(0x02014b50, 24); // central directory: uncompressed size
  // yazl writes a data descriptor after the data (sizes again): signature 0x08074b50, then crc, compressed, uncompressed.
  patch(0x08074b50, 12);
  return zip;
}

export type SheetRow = Partial<Record<"code" | "title" | "kind" | "clauses" | "procedures" | "effective" | "owner" | "file", string>>;

/** The import spreadsheet (XLSX) as an officer fills it: a title row, the header row, one row per document. */
export async function documentSheet(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh mục tài liệu");
  ws.addRow(["DANH MỤC TÀI LIỆU HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG"]);
  ws.addRow(["Mã tài liệu", "Tên tài liệu", "Loại", "Điều khoản", "Mã TTHC", "Ngày hiệu lực", "Người phụ trách", "Tệp"]);
  for (const r of rows)
    ws.addRow([r.code ?? "", r.title ?? "", r.kind ?? "", r.clauses ?? "", r.procedures ?? "", r.effective ?? "", r.owner ?? "", r.file ?? ""]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The entries of a ZIP archive (names and bytes), read one after the other with yauzl as a person's unzip would. */
export async function unzipAll(zip: Buffer): Promise<Map<string, Buffer>> {
  const yauzl = (await import("yauzl")).default;
  const z = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for (;;) {
    const entry = await new Promise<import("yauzl").Entry | undefined>((resolve, reject) => {
      z.once("entry", resolve);
      z.once("end", () => resolve(undefined));
      z.once("error", reject);
      z.readEntry();
    });
    z.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
    if (!entry) return out;
    const stream = await z.openReadStreamPromise(entry);
    out.set(entry.fileName, await drain(stream));
  }
}

/** Read a whole Node stream into one buffer (tests only: the app never does this with an archive). */
export async function drain(stream: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}
