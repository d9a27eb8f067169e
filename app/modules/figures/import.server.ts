import { and, eq, inArray } from "drizzle-orm";
import { files, fileTables, serviceFigures, units } from "#db/schema";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { detectUploadType, insertFileRow, storeUpload } from "../files/store.server";
import { fold, mapColumns, readTable, TableReadError, type Table } from "../imports/tabular.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { pathCondition, pathInScope } from "../units/scope.server";
import { FIGURE_FIELDS, figureProblems, type Figures } from "./rules";

type NumberKey = (typeof FIGURE_FIELDS)[number];
const OPTIONAL: NumberKey[] = ["feedbackReceived", "feedbackOnTime", "surveyed", "satisfied"];

/** Column names as the one-stop software exports them and as people type them (folded: no accents, lower case). */
export const FIGURE_COLUMNS: Record<"unit" | "month" | NumberKey, string[]> = {
  unit: ["ma don vi", "don vi", "ma dv", "ten don vi", "unit", "unit code"],
  month: ["thang", "ky", "ky bao cao", "thang nam", "month"],
  received: ["tiep nhan", "so ho so tiep nhan", "tong so tiep nhan", "ho so tiep nhan", "received"],
  resolvedEarly: ["truoc han", "som han", "giai quyet truoc han", "early"],
  resolvedOnTime: ["dung han", "giai quyet dung han", "on time"],
  resolvedOverdue: ["qua han", "tre han", "giai quyet qua han", "overdue", "late"],
  receivedOnline: ["truc tuyen", "tiep nhan truc tuyen", "online"],
  returnedByPost: ["bcci", "qua bcci", "tra qua bcci", "buu chinh cong ich", "tra ket qua qua bcci", "by post", "by public post"],
  feedbackReceived: ["pakn tiep nhan", "phan anh kien nghi", "phan anh kien nghi tiep nhan", "feedback received"],
  feedbackOnTime: ["pakn dung han", "pakn xu ly dung han", "phan anh kien nghi xu ly dung han", "feedback on time"],
  surveyed: ["so nguoi khao sat", "khao sat", "surveyed"],
  satisfied: ["so nguoi hai long", "hai long", "satisfied"],
};

/** A figure a re-import changes: the stored value and the one from the file. */
export type FigureChange = { field: NumberKey; before: number | null; after: number | null };

export type PreviewRow = {
  line: number;
  unitLabel: string;
  unitId?: number;
  unitName?: string;
  month?: string;
  /** The figures the row will store: read from the file, and for columns the file lacks, the stored values. */
  figures?: Figures;
  /** The numbers as read from the file (columns it lacks or cells left empty are absent). */
  read: Partial<Record<NumberKey, number>>;
  /** i18n keys with their parameters. */
  errors: { key: string; params?: Record<string, string | number> }[];
  replaces: boolean;
  /** For a row that replaces a stored month: every figure that changes, old → new. */
  changes: FigureChange[];
};
export type Preview = {
  rows: PreviewRow[];
  missingColumns: string[];
  /** The figure columns found in the file, in the order of FIGURE_FIELDS (the preview shows each of them). */
  columns: NumberKey[];
  good: number;
  bad: number;
};

/** A totals row ("Tổng cộng", as the app's own export ends): not a month of a unit, left out of the import. */
const TOTAL_LABELS = ["tong cong", "tong", "tong so", "cong", "total"];

/** "11/2026", "2026-11", "01/11/2026" (an Excel date) → "2026-11". */
export function parseMonth(v: string): string | undefined {
  const s = v.trim();
  let m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return valid(Number(m[2]), Number(m[1]));
  m = /^(\d{4})[/.-](\d{1,2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^\d{1,2}[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return valid(Number(m[2]), Number(m[1]));
  return undefined;
  function valid(y: number, mo: number) {
    return y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 ? `${y}-${String(mo).padStart(2, "0")}` : undefined;
  }
}

function parseCount(v: string | undefined): number | undefined | "bad" {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v.replace(/[.\s](?=\d{3}\b)/g, "").replace(",", "."));
  return Number.isInteger(n) && n >= 0 && n < 10_000_000 ? n : "bad";
}

/** An uploaded figures file the reader may see, with the rows read from it at upload (null: uploaded before they were kept). */
export function storedFiguresFile(ctx: Ctx, fileId: number) {
  const row = ctx.db
    .select({ id: files.id, originalName: files.originalName, unitPath: units.path, table: fileTables.content })
    .from(files)
    .innerJoin(units, eq(units.id, files.unitId))
    .leftJoin(fileTables, eq(fileTables.fileId, files.id))
    .where(eq(files.id, fileId))
    .get();
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return { id: row.id, originalName: row.originalName, table: row.table };
}

/**
 * The preview of a stored file, or why it cannot be shown (the page shows that beside the file field). It reads the
 * rows kept at upload: viewing the page again never reads the file again.
 */
export function previewStoredFile(ctx: Ctx, fileId: number) {
  const file = storedFiguresFile(ctx, fileId);
  if (!file.table) return { file, preview: null, fileError: "imports.errors.uploadAgain" };
  return { file, preview: previewTable(ctx, file.table), fileError: null };
}

/** Read a file (in the reader's worker, under its limits); why it cannot be read is an error on the file field. */
async function readFiguresTable(bytes: Buffer): Promise<Table> {
  try {
    return await readTable(bytes);
  } catch (e) {
    if (e instanceof TableReadError) throw new InvalidInputError("errors.invalid", {}, { file: [e.message] });
    throw new InvalidInputError("errors.invalid", {}, { file: ["imports.errors.format"] });
  }
}

/** Parse a file into a preview: every row with its unit, month, figures and reasons it cannot be imported. */
export async function previewFigures(ctx: Ctx, bytes: Buffer): Promise<Preview> {
  return previewTable(ctx, await readFiguresTable(bytes));
}

/**
 * The preview of rows already read: every row with its unit, month, figures and reasons it cannot be imported. A
 * column the file lacks (or a cell left empty in an optional column) keeps the value stored for that unit and month:
 * a file without the survey columns never wipes them. A row that replaces a stored month lists what it changes.
 */
export function previewTable(ctx: Ctx, table: Table): Preview {
  const { columns, missing } = mapColumns(table.headers, FIGURE_COLUMNS);
  const required = missing.filter((k) => !OPTIONAL.includes(k as NumberKey));
  const present = FIGURE_FIELDS.filter((k) => columns[k] !== undefined);
  if (required.length) return { rows: [], missingColumns: required, columns: present, good: 0, bad: 0 };

  const scoped = ctx.db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(pathCondition(ctx.scope)).all();
  const byCode = new Map(scoped.map((u) => [u.code.toLowerCase(), u]));
  const byName = new Map(scoped.map((u) => [u.name.toLowerCase(), u]));
  const seen = new Set<string>();
  const rows: PreviewRow[] = [];
  for (const { line, cells } of table.rows) {
    const cell = (k: keyof typeof FIGURE_COLUMNS) => (columns[k] === undefined ? undefined : cells[columns[k]!]);
    const unitLabel = cell("unit") ?? "";
    if (TOTAL_LABELS.includes(fold(unitLabel)) && !cell("month")) continue;
    const errors: PreviewRow["errors"] = [];
    const unit = byCode.get(unitLabel.toLowerCase()) ?? byName.get(unitLabel.toLowerCase());
    if (!unit) errors.push({ key: "figures.import.unknownUnit", params: { unit: unitLabel || "—" } });
    const month = parseMonth(cell("month") ?? "");
    if (!month) errors.push({ key: "figures.import.badMonth", params: { value: cell("month") || "—" } });
    const read: PreviewRow["read"] = {};
    for (const k of present) {
      const n = parseCount(cell(k));
      if (n === "bad") errors.push({ key: "figures.import.badNumber", params: { column: table.headers[columns[k]!] ?? k, value: cell(k) ?? "" } });
      else if (n === undefined && !OPTIONAL.includes(k))
        errors.push({ key: "figures.import.missingNumber", params: { column: table.headers[columns[k]!] ?? k } });
      else if (n !== undefined) read[k] = n;
    }
    const key = `${unit?.id}:${month}`;
    if (unit && month && seen.has(key)) errors.push({ key: "figures.import.duplicate" });
    seen.add(key);
    rows.push({ line, unitLabel, unitId: unit?.id, unitName: unit?.name, month, read, errors, replaces: false, changes: [] });
  }
  // The months already stored for these units: what a row replaces, and the values its missing columns keep.
  const ids = [...new Set(rows.filter((r) => r.unitId).map((r) => r.unitId!))];
  const stored = new Map(
    (ids.length ? ctx.db.select().from(serviceFigures).where(inArray(serviceFigures.unitId, ids)).all() : []).map((r) => [`${r.unitId}:${r.month}`, r]),
  );
  for (const r of rows) {
    const before = r.unitId && r.month ? stored.get(`${r.unitId}:${r.month}`) : undefined;
    r.replaces = before !== undefined;
    if (r.errors.length) continue;
    const figures = {} as Record<NumberKey, number | null>;
    for (const k of FIGURE_FIELDS) figures[k] = r.read[k] ?? (before ? before[k] : k === "surveyed" || k === "satisfied" ? null : 0);
    for (const p of figureProblems(figures as Figures)) r.errors.push({ key: p.key });
    if (r.errors.length) continue;
    r.figures = figures as Figures;
    if (before)
      r.changes = FIGURE_FIELDS.filter((k) => (before[k] ?? null) !== figures[k]).map((k) => ({ field: k, before: before[k] ?? null, after: figures[k] }));
  }
  const bad = rows.filter((r) => r.errors.length).length;
  return { rows, missingColumns: [], columns: present, good: rows.length - bad, bad };
}

/**
 * Import a previewed file: the rows kept at its upload (`fileId`), or a file's bytes read now. A file with bad rows
 * imports nothing unless `skipBad` is chosen; then only the good rows go in. One transaction: all good rows or none,
 * each with its trail row (old values kept in `before`).
 */
export async function importFigures(ctx: Ctx, input: ({ bytes: Buffer; fileId?: number } | { fileId: number; bytes?: undefined }) & { skipBad: boolean }) {
  requireCapability(ctx.actor, "qms.write");
  let table: Table;
  if (input.bytes) table = await readFiguresTable(input.bytes);
  else {
    const stored = storedFiguresFile(ctx, input.fileId).table;
    if (!stored) throw new InvalidInputError("errors.invalid", {}, { file: ["imports.errors.uploadAgain"] });
    table = stored;
  }
  const preview = previewTable(ctx, table);
  if (preview.missingColumns.length) throw new InvalidInputError("figures.import.missingColumns");
  if (preview.bad && !input.skipBad) throw new InvalidInputError("figures.import.hasErrors", { bad: preview.bad });
  const good = preview.rows.filter((r) => !r.errors.length);
  if (!good.length) throw new InvalidInputError("figures.import.nothing");
  const t = ctx.now.getTime();
  const byId = ctx.actor.kind === "user" ? ctx.actor.id : null;
  write(ctx, (tx) => {
    for (const r of good) {
      const before = tx
        .select()
        .from(serviceFigures)
        .where(and(eq(serviceFigures.unitId, r.unitId!), eq(serviceFigures.month, r.month!)))
        .get();
      const values = { ...r.figures!, sourceFileId: input.fileId ?? null, updatedById: byId, updatedAt: t };
      const after = before
        ? tx.update(serviceFigures).set(values).where(eq(serviceFigures.id, before.id)).returning().get()
        : tx
            .insert(serviceFigures)
            .values({ ...values, unitId: r.unitId!, month: r.month!, createdAt: t })
            .returning()
            .get();
      recordTrail(tx, ctx, { entity: "service_figure", entityId: after.id, action: before ? "reimport" : "import", unitId: r.unitId!, before, after });
    }
  });
  return { imported: good.length, skipped: preview.bad };
}

/**
 * Read the uploaded file once (off the main thread, under the reader's limits), then keep it (content-checked, by
 * hash) with the rows read from it, so that the preview and the import work from the same rows and never read the
 * file again. A file that cannot be read is refused before anything is written.
 */
export async function uploadFiguresFile(ctx: Ctx, file: File, opts: { uploadsDir: string; maxBytes: number }) {
  requireCapability(ctx.actor, "qms.write");
  if (ctx.actor.kind !== "user") throw new InvalidInputError("errors.forbidden");
  if (!file || typeof file.arrayBuffer !== "function" || file.size === 0) throw new InvalidInputError("errors.invalid", {}, { file: ["files.errors.empty"] });
  if (file.size > opts.maxBytes) throw new InvalidInputError("errors.invalid", {}, { file: ["files.errors.tooLarge"] });
  const bytes = Buffer.from(await file.arrayBuffer());
  await detectUploadType(bytes, { field: "file", kinds: ["xlsx", "csv"] }); // an executable named .xlsx: "not accepted"
  const table = await readFiguresTable(bytes);
  const stored = await storeUpload(opts.uploadsDir, file, { field: "file", kinds: ["xlsx", "csv"], maxBytes: opts.maxBytes });
  const unitId = ctx.actor.unitId;
  return write(ctx, (tx) => {
    const row = insertFileRow(tx, ctx, stored, unitId);
    tx.insert(fileTables).values({ fileId: row.id, content: table, createdAt: ctx.now.getTime() }).run();
    recordTrail(tx, ctx, {
      entity: "file",
      entityId: row.id,
      action: "upload",
      unitId,
      after: { name: row.originalName, sha256: row.sha256, purpose: "service-figures-import" },
    });
    return row;
  });
}
