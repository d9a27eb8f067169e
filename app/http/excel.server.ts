import ExcelJS from "exceljs";
import { contentDisposition } from "~/modules/files/store.server";

/** An export holds at most this many rows (a province's whole register fits; a runaway query does not). */
export const EXPORT_MAX_ROWS = 10_000;

/**
 * A text that a spreadsheet could take for a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading ' (OWASP's neutralisation of CSV/formula injection): a person's "=HYPERLINK(…)" in a finding stays text
 * in every tool that opens the file. Cells are always written as values, never as formulas; numbers stay numbers.
 */
export function cellValue(v: string | number | Date | null | undefined): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

export type Column<R> = { header: string; value: (row: R) => string | number | Date | null | undefined; width?: number; numFmt?: string };

/** How dates and months read in every export: real dates (a spreadsheet sorts and filters them), shown the Vietnamese way. */
export const DATE_FORMAT = "dd/mm/yyyy";
export const MONTH_FORMAT = "mm/yyyy";

/** A calendar day ("YYYY-MM-DD") as a spreadsheet date (midnight UTC: Excel's dates carry no time zone). */
export function excelDate(day: string | null | undefined): Date | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** A month ("YYYY-MM") as the spreadsheet date of its first day, to be shown as mm/yyyy. */
export function excelMonth(month: string | null | undefined): Date | null {
  return month ? excelDate(`${month.slice(0, 7)}-01`) : null;
}

/** A date column: the value is a calendar day, written as a real date with the dd/mm/yyyy format. */
export function dateColumn<R>(header: string, day: (row: R) => string | null | undefined, width?: number): Column<R> {
  return { header, value: (r) => excelDate(day(r)), numFmt: DATE_FORMAT, width };
}

export type SheetExtras = {
  /** A title row above the header (what the sheet is and as of when): the file name alone gets lost. */
  title?: string;
  /** A last row below the data (the totals the page shows), values by column, in bold. */
  footer?: (string | number | null)[];
};

/**
 * An .xlsx download of a list, headers in the reader's language (Vietnamese by default), a frozen header row
 * and auto filters, so an officer can keep working in Excel.
 */
export async function xlsxResponse<R>(filename: string, sheetName: string, columns: Column<R>[], rows: R[], extras: SheetExtras = {}): Promise<Response> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ISO Xã";
  const headerRow = extras.title ? 2 : 1;
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: headerRow }] });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.max(12, Math.min(50, c.header.length + 4));
  });
  if (extras.title) {
    const title = ws.addRow([extras.title]);
    title.font = { bold: true, size: 13 };
  }
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => cellValue(c.value(r))));
    columns.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  if (extras.footer) {
    const foot = ws.addRow(extras.footer.map((v) => cellValue(v)));
    foot.font = { bold: true };
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return new Response(buf, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "private, no-store",
    },
  });
}
