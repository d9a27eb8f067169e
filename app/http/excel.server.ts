import ExcelJS from "exceljs";
import { contentDisposition } from "~/modules/files/store.server";

/** An export holds at most this many rows (a province's whole register fits; a runaway query does not). */
export const EXPORT_MAX_ROWS = 10_000;

/**
 * A text that a spreadsheet could take for a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading ' (OWASP's neutralisation of CSV/formula injection): a person's "=HYPERLINK(…)" in a finding stays text
 * in every tool that opens the file. Cells are always written as values, never as formulas; numbers stay numbers.
 */
export function cellValue(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

export type Column<R> = { header: string; value: (row: R) => string | number | null | undefined; width?: number; numFmt?: string };

/**
 * An .xlsx download of a list, headers in the reader's language (Vietnamese by default), a frozen header row
 * and auto filters, so an officer can keep working in Excel.
 */
export async function xlsxResponse<R>(filename: string, sheetName: string, columns: Column<R>[], rows: R[]): Promise<Response> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ISO Xã";
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, Math.min(50, c.header.length + 4)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => cellValue(c.value(r))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return new Response(buf, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "private, no-store",
    },
  });
}
