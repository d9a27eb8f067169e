import { fold, readRows, TableReadError } from "./tabular.server";

export type KeyedRow<K extends string> = { line: number; values: Record<K, string> };

/** The column a header names, from lists of accepted (folded) names; undefined for a column nobody asked for. */
export function columnOf<K extends string>(header: string, names: Record<K, string[]>): K | undefined {
  const f = fold(header);
  if (!f) return undefined;
  for (const [k, list] of Object.entries(names) as [K, string[]][]) if (list.includes(f)) return k;
  return undefined;
}

/**
 * Read a spreadsheet or CSV file (in the reading worker, under its limits) into rows keyed by column. The first row
 * that names every `required` column is the header; rows above it (a title, a date) are skipped, empty rows dropped,
 * spaces inside a cell collapsed. Throws TableReadError: the reader's own reasons, "imports.errors.header" (no
 * header row), "imports.errors.empty" (no data row), "imports.errors.tooManyRows" (over `maxRows` data rows).
 */
export async function readKeyedRows<K extends string>(
  bytes: Buffer,
  names: Record<K, string[]>,
  required: NoInfer<K>[],
  opts: { maxBytes: number; maxRows: number },
): Promise<KeyedRow<K>[]> {
  return (await readKeyedSheet(bytes, names, required, opts)).rows;
}

/**
 * readKeyedRows, also answering which columns the header names (so a caller can keep stored values for the optional
 * columns a file lacks, and name each missing one). With no `required` column, the header is the first row that
 * names any known column.
 */
export async function readKeyedSheet<K extends string>(
  bytes: Buffer,
  names: Record<K, string[]>,
  required: NoInfer<K>[],
  opts: { maxBytes: number; maxRows: number },
): Promise<{ rows: KeyedRow<K>[]; columns: K[] }> {
  // A title row or a few blank ones above the header are allowed beyond the row limit.
  const read = await readRows(bytes, { maxBytes: opts.maxBytes, maxRows: opts.maxRows + 100 });
  let table: string[][] = [];
  for (const r of read) table[r.line - 1] = r.cells;
  table = Array.from(table, (r) => r ?? []);
  const headerAt = table.findIndex((r) => {
    const cols = r.map((h) => columnOf(h, names));
    return cols.some((c) => c !== undefined) && required.every((k) => cols.includes(k));
  });
  if (headerAt < 0) throw new TableReadError("imports.errors.header");
  const columns = table[headerAt]!.map((h) => columnOf(h, names));
  const rows: KeyedRow<K>[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => !c || !c.trim())) continue;
    const values = Object.fromEntries(Object.keys(names).map((k) => [k, ""])) as Record<K, string>;
    columns.forEach((col, j) => {
      if (col && !values[col]) values[col] = (cells[j] ?? "").replace(/\s+/g, " ").trim();
    });
    rows.push({ line: i + 1, values });
  }
  if (rows.length === 0) throw new TableReadError("imports.errors.empty");
  if (rows.length > opts.maxRows) throw new TableReadError("imports.errors.tooManyRows");
  return { rows, columns: [...new Set(columns.filter((c): c is K => c !== undefined))] };
}
