import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import Papa from "papaparse";
import { timeBudget, type Budget } from "../../lib/budget"; // relative: the worker thread loads this file through tsx, no alias

/*
 * Reading a spreadsheet or CSV file someone uploaded, under hard limits. This module runs inside a worker thread
 * (tabular-worker.mjs, started by tabular.server.ts): a hostile file can cost that thread its time and memory,
 * never the web server's event loop. Nothing here touches the database or the app.
 */

/** Every row of the file (title rows included), as text, with its line number as a person would count it. */
export type Row = { line: number; cells: string[] };

/** A file that cannot be read; `message` is the i18n key of the reason. */
export class TableReadError extends Error {
  /** What the reason names (an entry of an archive, a limit). */
  params: Record<string, string | number> = {};
}

export type TabularLimits = {
  /** The file as uploaded. */
  maxBytes: number;
  /** XLSX: the sum of the archive's entries once inflated (declared in its directory, then counted while inflating). */
  maxUnzippedBytes: number;
  maxZipEntries: number;
  /** Rows of the first sheet (or lines of a CSV file), title and empty rows included. */
  maxRows: number;
  maxColumns: number;
  /** Cells over all sheets of a workbook, counted in its XML before it is parsed. */
  maxCells: number;
  maxCellChars: number;
  /** Characters in all the cells read (a short shared string repeated in many cells counts each time). */
  maxTotalChars: number;
  /** Wall time for the whole reading, the worker's start included (the caller stops the worker at this time). */
  timeMs: number;
};

/**
 * What an honest catalogue or month of figures never comes near (a province's figures for a year are a few thousand
 * rows of a dozen columns, under 2 MB of XML), and what one reading may cost at most: about 1.5 s of CPU and 250 MB
 * of the worker's heap on a 2-core server.
 */
export const TABULAR_LIMITS: TabularLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUnzippedBytes: 40 * 1024 * 1024,
  maxZipEntries: 500,
  maxRows: 20_100,
  maxColumns: 100,
  maxCells: 300_000,
  maxCellChars: 10_000,
  maxTotalChars: 16_000_000,
  timeMs: 20_000,
};

const fail = (key: string): never => {
  throw new TableReadError(key);
};

/** Read the first sheet of an XLSX file, or a CSV file (UTF-8, with or without BOM; comma, semicolon or tab). */
export async function parseTabular(bytes: Buffer, limits: TabularLimits = TABULAR_LIMITS, time: Budget = timeBudget(limits.timeMs)): Promise<Row[]> {
  if (bytes.length > limits.maxBytes) fail("imports.errors.tooBig");
  const type = await fileTypeFromBuffer(bytes);
  if (type?.ext === "xlsx") return readXlsx(bytes, limits, time);
  if (!type || type.mime.startsWith("text/")) return readCsv(bytes, limits, time);
  return fail("imports.errors.format");
}

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number; flags: number };

/**
 * The archive's central directory, checked before anything is inflated: no encryption, no ZIP64, only stored or
 * deflated entries, at most `maxZipEntries`, and declared sizes that sum to at most `maxUnzippedBytes`.
 */
export function zipDirectory(buf: Buffer, limits: Pick<TabularLimits, "maxZipEntries" | "maxUnzippedBytes">): ZipEntry[] {
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) fail("imports.errors.format");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt16LE(eocd + 4) !== 0 || count !== buf.readUInt16LE(eocd + 8)) fail("imports.errors.format");
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) fail("imports.errors.format");
  if (count > limits.maxZipEntries) fail("imports.errors.tooBig");
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) fail("imports.errors.format");
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, Math.min(eocd, p + 46 + nameLength)),
    };
    if (entry.flags & 0x1) fail("imports.errors.format"); // encrypted
    if (entry.method !== 0 && entry.method !== 8) fail("imports.errors.format");
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) fail("imports.errors.format"); // ZIP64
    declared += entry.size;
    if (declared > limits.maxUnzippedBytes) fail("imports.errors.tooBig");
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflate one entry, never past its declared size: a lying directory is caught while inflating, not after. */
export function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) fail("imports.errors.format");
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) fail("imports.errors.format");
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) fail("imports.errors.format");
    return data;
  }
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    return fail((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "imports.errors.tooBig" : "imports.errors.format");
  }
  if (out.length !== e.size) fail("imports.errors.tooBig");
  return out;
}

/** Occurrences of an element (any namespace prefix) in an XML part, counted without parsing it. */
function countElements(xml: Buffer, name: string): number {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, "g");
  let n = 0;
  for (const _ of xml.toString("latin1").matchAll(re)) n++;
  return n;
}

async function readXlsx(bytes: Buffer, limits: TabularLimits, time: Budget): Promise<Row[]> {
  // 1. The directory's declared sizes; 2. every entry inflated once under its declared size, counting; 3. rows and
  // cells counted in the XML; only then the workbook model is built (it costs about 600 bytes of heap per cell).
  let total = 0;
  let rows = 0;
  let cells = 0;
  for (const e of zipDirectory(bytes, limits)) {
    const data = inflateEntry(bytes, e);
    total += data.length;
    if (total > limits.maxUnzippedBytes) fail("imports.errors.tooBig");
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      rows += countElements(data, "row");
      cells += countElements(data, "c");
    } else if (/^xl\/sharedStrings\.xml$/i.test(e.name)) {
      cells += countElements(data, "si");
    }
    if (rows > limits.maxRows) fail("imports.errors.tooManyRows");
    if (cells > limits.maxCells) fail("imports.errors.tooBig");
    if (time.exceeded()) fail("imports.errors.tooSlow");
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    fail("imports.errors.format");
  }
  const ws = wb.worksheets[0];
  if (!ws) fail("imports.errors.empty");
  const out: Row[] = [];
  const budget = { chars: 0 };
  ws!.eachRow({ includeEmpty: false }, (row, line) => {
    if (out.length >= limits.maxRows) fail("imports.errors.tooManyRows");
    if (row.cellCount > limits.maxColumns) fail("imports.errors.tooManyColumns");
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = bounded(cellText(cell.value), limits, budget);
    });
    out.push({ line, cells: Array.from(cells, (c) => c ?? "") });
    if ((out.length & 255) === 0 && time.exceeded()) fail("imports.errors.tooSlow");
  });
  return out;
}

function readCsv(bytes: Buffer, limits: TabularLimits, time: Budget): Row[] {
  if (bytes.includes(0)) fail("imports.errors.format");
  let text: string;
  try {
    // Line endings normalised: files edited on several machines mix CRLF and LF.
    text = new TextDecoder("utf-8", { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
  } catch {
    return fail("imports.errors.encoding");
  }
  // The header line decides the delimiter (Excel in a Vietnamese locale saves ";", the one-stop exports ",").
  const header = text.slice(0, Math.min(text.length, 64 * 1024)).split("\n", 1)[0] ?? "";
  const delimiter = [",", ";", "\t"].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ",");
  const out: Row[] = [];
  const budget = { chars: 0 };
  let error: TableReadError | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      try {
        if (out.length >= limits.maxRows) fail("imports.errors.tooManyRows");
        const cells = result.data;
        if (cells.length > limits.maxColumns) fail("imports.errors.tooManyColumns");
        out.push({ line: out.length + 1, cells: cells.map((c) => bounded(String(c ?? ""), limits, budget)) });
        if ((out.length & 255) === 0 && time.exceeded()) fail("imports.errors.tooSlow");
      } catch (e) {
        error = e as TableReadError;
        parser.abort();
      }
    },
  });
  if (error) throw error;
  return out;
}

function bounded(s: string, limits: TabularLimits, budget: { chars: number }): string {
  if (s.length > limits.maxCellChars) fail("imports.errors.cellTooLong");
  budget.chars += s.length;
  if (budget.chars > limits.maxTotalChars) fail("imports.errors.tooBig");
  return s;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
  if (typeof v === "object") {
    if ("result" in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
}
