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
import { readCatalogue, validateRows, type ParsedRow } from "./import-parse.server";
import { ImportRowSchema, type ImportRow } from "./schema";

export type PreviewRow = ParsedRow & { action: "new" | "update" | "same" | "error" };

function diffAction(existing: typeof procedures.$inferSelect | undefined, row: ImportRow): "new" | "update" | "same" {
  if (!existing) return "new";
  const same =
    existing.name === row.name &&
    existing.field === row.field &&
    (existing.processingTime ?? "") === (row.processingTime ?? "") &&
    existing.onlineLevel === row.onlineLevel &&
    existing.active;
  return same ? "same" : "update";
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
  const rows = validateRows(await readCatalogue(file));
  const existing = existingByCode(ctx.db, unit.id);
  const preview: PreviewRow[] = rows.map((r) => ({ ...r, action: r.row ? diffAction(existing.get(r.row.code.toUpperCase()), r.row) : "error" }));
  const counts = { new: 0, update: 0, same: 0, error: 0 };
  for (const r of preview) counts[r.action]++;
  return { unit: { id: unit.id, name: unit.name }, rows: preview, counts };
}

/**
 * Step 2: apply the previewed rows (sent back by the browser, so validated again). New codes are added,
 * known codes updated (and republished); procedures missing from the file are left as they are. One
 * transaction: the whole file or nothing.
 */
export function applyCatalogueImport(ctx: Ctx, unitId: number, rowsJson: string) {
  requireCapability(ctx.actor, "procedures.write");
  const unit = unitForNewRecord(ctx, unitId);
  let rows: ImportRow[];
  try {
    rows = z.array(ImportRowSchema).min(1).max(3000).parse(JSON.parse(rowsJson));
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
      const values = { name: row.name, field: row.field, processingTime: row.processingTime || null, onlineLevel: row.onlineLevel, active: true, updatedAt: t };
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
