import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client";
import { serviceFigures, units } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { insertFileRow, storeUpload } from "../files/store.server";
import { mapColumns, readTable, TableReadError } from "../imports/tabular.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { pathCondition, type Scope } from "../units/scope.server";
import { figureProblems, type Figures } from "./rules";

const NUMBERS = [
  "received",
  "resolvedEarly",
  "resolvedOnTime",
  "resolvedOverdue",
  "receivedOnline",
  "returnedByPost",
  "feedbackReceived",
  "feedbackOnTime",
  "surveyed",
  "satisfied",
] as const;
type NumberKey = (typeof NUMBERS)[number];
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
  returnedByPost: ["bcci", "qua bcci", "tra qua bcci", "buu chinh cong ich", "tra ket qua qua bcci", "by post"],
  feedbackReceived: ["pakn tiep nhan", "phan anh kien nghi", "phan anh kien nghi tiep nhan", "feedback received"],
  feedbackOnTime: ["pakn dung han", "pakn xu ly dung han", "phan anh kien nghi xu ly dung han", "feedback on time"],
  surveyed: ["so nguoi khao sat", "khao sat", "surveyed"],
  satisfied: ["so nguoi hai long", "hai long", "satisfied"],
};

export type PreviewRow = {
  line: number;
  unitLabel: string;
  unitId?: number;
  unitName?: string;
  month?: string;
  figures?: Figures;
  /** i18n keys with their parameters. */
  errors: { key: string; params?: Record<string, string | number> }[];
  replaces: boolean;
};
export type Preview = { rows: PreviewRow[]; missingColumns: string[]; good: number; bad: number };

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

/** Parse a file into a preview: every row with its unit, month, figures and reasons it cannot be imported. */
/** The preview of a stored file, or why it cannot be read (the page shows that beside the file field). */
export async function previewFiguresFile(ctx: Ctx, bytes: Buffer): Promise<{ preview: Preview; fileError: null } | { preview: null; fileError: string }> {
  try {
    return { preview: await previewFigures(ctx.db, ctx.scope, bytes), fileError: null };
  } catch (e) {
    if (e instanceof InvalidInputError) return { preview: null, fileError: e.fieldErrors.file?.[0] ?? e.messageKey };
    throw e;
  }
}

export async function previewFigures(db: DB, scope: Scope, bytes: Buffer): Promise<Preview> {
  let table;
  try {
    table = await readTable(bytes);
  } catch (e) {
    if (e instanceof TableReadError) throw new InvalidInputError("errors.invalid", {}, { file: [e.message] });
    throw new InvalidInputError("errors.invalid", {}, { file: ["imports.errors.format"] });
  }
  const { columns, missing } = mapColumns(table.headers, FIGURE_COLUMNS);
  const required = missing.filter((k) => !OPTIONAL.includes(k as NumberKey));
  if (required.length) return { rows: [], missingColumns: required, good: 0, bad: 0 };

  const scoped = db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(pathCondition(scope)).all();
  const byCode = new Map(scoped.map((u) => [u.code.toLowerCase(), u]));
  const byName = new Map(scoped.map((u) => [u.name.toLowerCase(), u]));
  const seen = new Set<string>();
  const rows: PreviewRow[] = table.rows.map(({ line, cells }) => {
    const cell = (k: keyof typeof FIGURE_COLUMNS) => (columns[k] === undefined ? undefined : cells[columns[k]!]);
    const errors: PreviewRow["errors"] = [];
    const unitLabel = cell("unit") ?? "";
    const unit = byCode.get(unitLabel.toLowerCase()) ?? byName.get(unitLabel.toLowerCase());
    if (!unit) errors.push({ key: "figures.import.unknownUnit", params: { unit: unitLabel || "—" } });
    const month = parseMonth(cell("month") ?? "");
    if (!month) errors.push({ key: "figures.import.badMonth", params: { value: cell("month") || "—" } });
    const figures = {} as Figures;
    for (const k of NUMBERS) {
      const n = parseCount(cell(k));
      if (n === "bad") errors.push({ key: "figures.import.badNumber", params: { column: table.headers[columns[k]!] ?? k, value: cell(k) ?? "" } });
      else if (n === undefined && !OPTIONAL.includes(k))
        errors.push({ key: "figures.import.missingNumber", params: { column: table.headers[columns[k]!] ?? k } });
      else (figures as Record<string, number | null>)[k] = n ?? (k === "surveyed" || k === "satisfied" ? null : 0);
    }
    if (!errors.length) for (const p of figureProblems(figures)) errors.push({ key: p.key });
    const key = `${unit?.id}:${month}`;
    if (unit && month && seen.has(key)) errors.push({ key: "figures.import.duplicate" });
    seen.add(key);
    return { line, unitLabel, unitId: unit?.id, unitName: unit?.name, month, figures: errors.length ? undefined : figures, errors, replaces: false };
  });
  // Mark rows that would replace figures already stored for that unit and month.
  const ids = [...new Set(rows.filter((r) => r.unitId).map((r) => r.unitId!))];
  if (ids.length) {
    const existing = new Set(
      db
        .select({ unitId: serviceFigures.unitId, month: serviceFigures.month })
        .from(serviceFigures)
        .where(inArray(serviceFigures.unitId, ids))
        .all()
        .map((r) => `${r.unitId}:${r.month}`),
    );
    for (const r of rows) r.replaces = existing.has(`${r.unitId}:${r.month}`);
  }
  const bad = rows.filter((r) => r.errors.length).length;
  return { rows, missingColumns: [], good: rows.length - bad, bad };
}

/**
 * Import a previewed file. A file with bad rows imports nothing unless `skipBad` is chosen; then only the good
 * rows go in. One transaction: all good rows or none, each with its trail row (old values kept in `before`).
 */
export async function importFigures(ctx: Ctx, input: { bytes: Buffer; fileId?: number; skipBad: boolean }) {
  requireCapability(ctx.actor, "qms.write");
  const preview = await previewFigures(ctx.db, ctx.scope, input.bytes);
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

/** Keep the uploaded file (content-checked, by hash) so the preview and the import read the same bytes. */
export async function uploadFiguresFile(ctx: Ctx, file: File, opts: { uploadsDir: string; maxBytes: number }) {
  requireCapability(ctx.actor, "qms.write");
  if (ctx.actor.kind !== "user") throw new InvalidInputError("errors.forbidden");
  const stored = await storeUpload(opts.uploadsDir, file, { field: "file", kinds: ["xlsx", "csv"], maxBytes: opts.maxBytes });
  const unitId = ctx.actor.unitId;
  return write(ctx, (tx) => {
    const row = insertFileRow(tx, ctx, stored, unitId);
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
