import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import Papa from "papaparse";

/**
 * Read the first sheet of an XLSX file, or a CSV file (UTF-8, with or without BOM; comma, semicolon or tab),
 * into header + rows of strings, each row with its line number in the file as a person would count it.
 * The format is decided from the content, not the file name.
 */
export type Table = { headers: string[]; rows: { line: number; cells: string[] }[] };

export class TableReadError extends Error {}

export type Row = { line: number; cells: string[] };

/** Every row of the file (title rows included), as text, with its line number. */
export async function readRows(bytes: Buffer): Promise<Row[]> {
  const type = await fileTypeFromBuffer(bytes);
  let raw: Row[];
  if (type?.ext === "xlsx") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new TableReadError("imports.errors.empty");
    raw = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      raw.push({ line, cells: Array.from(cells, (c) => c ?? "") });
    });
  } else if (!type || type.mime.startsWith("text/")) {
    if (bytes.includes(0)) throw new TableReadError("imports.errors.format");
    let text: string;
    try {
      // Line endings normalised: files edited on several machines mix CRLF and LF.
      text = new TextDecoder("utf-8", { fatal: true })
        .decode(bytes)
        .replace(/^\uFEFF/, "")
        .replace(/\r\n?/g, "\n");
    } catch {
      throw new TableReadError("imports.errors.encoding");
    }
    // The header line decides the delimiter (Excel in a Vietnamese locale saves ";", the one-stop exports ",").
    const header = text.split(/\r?\n/, 1)[0] ?? "";
    const delimiter = [",", ";", "\t"].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ",");
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
    raw = parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => String(c ?? "")) }));
  } else {
    throw new TableReadError("imports.errors.format");
  }
  return raw;
}

/** The first non-empty row is the header; the rest are data rows (empty rows dropped). */
export async function readTable(bytes: Buffer, opts: { maxRows?: number } = {}): Promise<Table> {
  const maxRows = opts.maxRows ?? 20_000;
  const nonEmpty = (await readRows(bytes)).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [head, ...rows] = nonEmpty;
  if (!head) throw new TableReadError("imports.errors.empty");
  if (rows.length > maxRows) throw new TableReadError("imports.errors.tooManyRows");
  return { headers: head.cells.map((c) => c.trim()), rows: rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })) };
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

/** Lower-case, no diacritics, single spaces: "Mã đơn vị" and "ma  don vi" are the same header. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Map each known column to its index in the header row, from lists of accepted (folded) names. */
export function mapColumns<K extends string>(headers: string[], synonyms: Record<K, string[]>): { columns: Partial<Record<K, number>>; missing: K[] } {
  const folded = headers.map(fold);
  const columns: Partial<Record<K, number>> = {};
  for (const key of Object.keys(synonyms) as K[]) {
    const i = folded.findIndex((h) => synonyms[key].includes(h));
    if (i >= 0) columns[key] = i;
  }
  return { columns, missing: (Object.keys(synonyms) as K[]).filter((k) => columns[k] === undefined) };
}
