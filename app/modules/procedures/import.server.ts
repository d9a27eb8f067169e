import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "#db/client";
import { procedures } from "#db/schema";
import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { unitForNewRecord } from "../documents/register.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { readCatalogue, validateRows, type ImportedRow, type ParsedRow } from "./import-parse.server";
import { ImportRowSchema } from "./schema";

/** A previewed row sent back: an optional column the file lacked is absent (the stored value stays). */
const AppliedRowSchema = ImportRowSchema.extend({ onlineLevel: ImportRowSchema.shape.onlineLevel.removeDefault().optional() });

type Stored = typeof procedures.$inferSelect;

/** What a procedure field reads as before and after the import (the level as its code, the page names it). */
export type ProcedureChange = {
  field: "name" | "field" | "processingTime" | "onlineLevel" | "active";
  before: string | boolean | null;
  after: string | boolean | null;
};

export type PreviewRow = ParsedRow & { action: "new" | "update" | "same" | "error"; changes: ProcedureChange[] };

/** The values a row stores: what the file gives; for an optional column it lacks, the stored value (or the default). */
function valuesOf(existing: Stored | undefined, row: ImportedRow) {
  return {
    name: row.name,
    field: row.field,
    processingTime: row.processingTime === undefined ? (existing?.processingTime ?? null) : row.processingTime || null,
    onlineLevel: row.onlineLevel ?? existing?.onlineLevel ?? "none",
    active: true,
  };
}

/** Every field an imported row changes on a stored procedure, old → new. */
function changesOf(existing: Stored, row: ImportedRow): ProcedureChange[] {
  const after = valuesOf(existing, row);
  return (["name", "field", "processingTime", "onlineLevel", "active"] as const)
    .filter((k) => (existing[k] ?? null) !== (after[k] ?? null))
    .map((k) => ({ field: k, before: existing[k] ?? null, after: after[k] ?? null }));
}

function diffAction(existing: Stored | undefined, row: ImportedRow): "new" | "update" | "same" {
  if (!existing) return "new";
  return changesOf(existing, row).length ? "update" : "same";
}

function existingByCode(db: DB | Tx, unitId: number) {
  return new Map(
    db
      .select()
      .from(procedures)
      .where(eq(procedures.unitId, unitId))
      .all()
      .map((p) => [p.code.toUpperCase(), p]),
  );
}

/**
 * Step 1 of an import: read the file and say, row by row, what would happen (new, changed, unchanged) or what
 * is wrong with the row. Nothing is written.
 */
export async function previewCatalogueImport(ctx: Ctx, unitId: number, file: File) {
  requireCapability(ctx.actor, "procedures.write");
  const unit = unitForNewRecord(ctx, unitId);
  const catalogue = await readCatalogue(file);
  const rows = validateRows(catalogue.rows, catalogue.columns);
  const existing = existingByCode(ctx.db, unit.id);
  const preview: PreviewRow[] = rows.map((r) => {
    if (!r.row) return { ...r, action: "error", changes: [] };
    const before = existing.get(r.row.code.toUpperCase());
    return { ...r, action: diffAction(before, r.row), changes: before ? changesOf(before, r.row) : [] };
  });
  const counts = { new: 0, update: 0, same: 0, error: 0 };
  for (const r of preview) counts[r.action]++;
  return { unit: { id: unit.id, name: unit.name }, rows: preview, counts, columns: catalogue.columns };
}

/**
 * Step 2: apply the previewed rows (sent back by the browser, so validated again). New codes are added,
 * known codes updated (and republished); procedures missing from the file are left as they are. One
 * transaction: the whole file or nothing.
 */
export function applyCatalogueImport(ctx: Ctx, unitId: number, rowsJson: string) {
  requireCapability(ctx.actor, "procedures.write");
  const unit = unitForNewRecord(ctx, unitId);
  let rows: ImportedRow[];
  try {
    rows = z.array(AppliedRowSchema).min(1).max(3000).parse(JSON.parse(rowsJson));
  } catch {
    throw new InvalidInputError("procedures.errors.importStale");
  }
  return write(ctx, (tx) => {
    const existing = existingByCode(tx, unit.id);
    const t = ctx.now.getTime();
    const counts = { new: 0, update: 0, same: 0 };
    const seen = new Set<string>();
    for (const row of rows) {
      const key = row.code.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const before = existing.get(key);
      const action = diffAction(before, row);
      counts[action]++;
      if (action === "same") continue;
      const values = { ...valuesOf(before, row), updatedAt: t };
      if (before) {
        tx.update(procedures).set(values).where(eq(procedures.id, before.id)).run();
        recordTrail(tx, ctx, { entity: "procedure", entityId: before.id, action: "import.update", unitId: unit.id, before, after: { ...before, ...values } });
      } else {
        const created = tx
          .insert(procedures)
          .values({ unitId: unit.id, code: row.code, ...values, createdAt: t })
          .returning()
          .get();
        recordTrail(tx, ctx, { entity: "procedure", entityId: created.id, action: "import.create", unitId: unit.id, after: created });
      }
    }
    recordTrail(tx, ctx, { entity: "procedure_catalogue", entityId: unit.id, action: "import", unitId: unit.id, after: counts });
    return counts;
  });
}
