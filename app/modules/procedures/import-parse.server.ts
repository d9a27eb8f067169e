import { fold, TableReadError } from "../imports/tabular.server";
import { columnOf, readKeyedSheet } from "../imports/keyed-rows.server";
import type { OnlineLevel } from "#db/schema/enums";
import { InvalidInputError } from "~/lib/errors";
import { IMPORT_MAX_BYTES, ImportRowSchema, type ImportRow } from "./schema";

export const IMPORT_MAX_ROWS = 3000;

export type RawRow = { line: number; values: Record<keyof ImportRow, string> };
/**
 * A row as it will be applied. An optional column the file lacks is absent (`undefined`): the stored value stays;
 * a new procedure gets the default.
 */
export type ImportedRow = Omit<ImportRow, "processingTime" | "onlineLevel"> & Partial<Pick<ImportRow, "processingTime" | "onlineLevel">>;
export type ParsedRow = { line: number; values: Record<keyof ImportRow, string>; row?: ImportedRow; errors: Record<string, string[]> };
export type Catalogue = { rows: RawRow[]; columns: (keyof ImportRow)[] };

/** Columns a catalogue must have (what a new procedure cannot do without); the others are optional. */
export const REQUIRED_COLUMNS = ["code", "name", "field"] as const;

/** Header names as the one-stop software and people write them, Vietnamese or English. */
const HEADERS: Record<keyof ImportRow, string[]> = {
  code: ["ma", "ma tthc", "ma thu tuc", "ma so", "ma thu tuc hanh chinh", "code", "procedure code"],
  name: ["ten", "ten thu tuc", "ten tthc", "ten thu tuc hanh chinh", "name", "procedure name", "procedure"],
  field: ["linh vuc", "field", "sector"],
  processingTime: ["thoi han giai quyet", "thoi han", "thoi gian giai quyet", "processing time", "time limit"],
  onlineLevel: ["muc do", "muc do dvc", "muc do dvctt", "dich vu cong truc tuyen", "dvctt", "dvc truc tuyen", "online level", "online"],
};

export function columnFor(header: string): keyof ImportRow | undefined {
  return columnOf(header, HEADERS);
}

/** "Mức độ 3", "3", "toàn trình", "một phần", "không", "" → the stored level; undefined when not understood. */
export function parseOnlineLevel(v: string): OnlineLevel | undefined {
  const f = fold(v);
  if (!f || ["khong", "none", "no", "0", "1", "2", "muc 1", "muc 2", "muc do 1", "muc do 2"].includes(f)) return "none";
  if (["3", "muc 3", "muc do 3", "level 3", "level3"].includes(f)) return "level3";
  if (["4", "muc 4", "muc do 4", "level 4", "level4"].includes(f)) return "level4";
  if (["mot phan", "truc tuyen mot phan", "dvc truc tuyen mot phan", "partial", "partially online"].includes(f)) return "partial";
  if (["toan trinh", "truc tuyen toan trinh", "dvc truc tuyen toan trinh", "full", "fully online"].includes(f)) return "full";
  return undefined;
}

/**
 * Read a catalogue file (CSV in UTF-8, or XLSX: first sheet) into rows keyed by column, and the columns it has. The
 * first row that names a known column is the header; rows above it (a title, a date) are skipped. A file without a
 * required column is refused, naming each one missing (never a silent default). What the file is
 * comes from its content: a ZIP that is a workbook is read as XLSX, text as CSV, anything else is refused.
 */
export async function readCatalogue(file: File): Promise<Catalogue> {
  const fail = (key: string, params: Record<string, string | number> = {}) => new InvalidInputError("errors.invalid", params, { file: [key] });
  const readError = (key: string) =>
    key === "imports.errors.encoding"
      ? fail("procedures.errors.importEncoding")
      : key === "imports.errors.format"
        ? fail("procedures.errors.importType")
        : key === "imports.errors.tooManyRows"
          ? fail("procedures.errors.importTooMany", { max: IMPORT_MAX_ROWS })
          : key === "imports.errors.tooBig" && file.size > IMPORT_MAX_BYTES
            ? fail("procedures.errors.importTooLarge")
            : fail(key);
  if (file.size === 0) throw fail("files.errors.empty");
  if (file.size > IMPORT_MAX_BYTES) throw fail("procedures.errors.importTooLarge");
  const buf = Buffer.from(await file.arrayBuffer());
  let sheet: Catalogue;
  try {
    // Read off the main thread under hard limits (a zip bomb stops at its declared or counted size).
    sheet = await readKeyedSheet(buf, HEADERS, [], { maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS });
  } catch (e) {
    if (!(e instanceof TableReadError)) throw fail("procedures.errors.importUnreadable");
    if (e.message === "imports.errors.header") throw fail("procedures.errors.importHeader");
    if (e.message === "imports.errors.empty") throw fail("procedures.errors.importEmpty");
    throw readError(e.message);
  }
  const missing = REQUIRED_COLUMNS.filter((k) => !sheet.columns.includes(k));
  if (missing.length) throw new InvalidInputError("errors.invalid", {}, { file: missing.map((k) => `procedures.errors.missingColumn.${k}`) });
  return sheet;
}

/** Check each row; a code repeated in the file is an error on its later rows (the first one wins). */
export function validateRows(raw: RawRow[], columns: readonly (keyof ImportRow)[] = ["code", "name", "field", "processingTime", "onlineLevel"]): ParsedRow[] {
  const seen = new Set<string>();
  const has = new Set(columns);
  return raw.map(({ line, values }) => {
    const errors: Record<string, string[]> = {};
    const level = parseOnlineLevel(values.onlineLevel);
    if (level === undefined) errors.onlineLevel = ["procedures.errors.onlineLevel"];
    const parsed = ImportRowSchema.safeParse({ ...values, onlineLevel: level ?? "none" });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? "row");
        (errors[k] ??= []).push(issue.message);
      }
    }
    const key = values.code.toUpperCase();
    if (values.code && seen.has(key)) (errors.code ??= []).push("procedures.errors.duplicateInFile");
    seen.add(key);
    if (Object.keys(errors).length || !parsed.success) return { line, values, errors };
    const row: ImportedRow = { ...parsed.data };
    if (!has.has("processingTime")) delete row.processingTime;
    if (!has.has("onlineLevel")) delete row.onlineLevel;
    return { line, values, row, errors };
  });
}
