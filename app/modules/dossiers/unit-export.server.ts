import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { files, reports, units } from "#db/schema";
import { config } from "~/lib/config.server";
import type { Ctx } from "../context";
import { blobPath } from "../files/store.server";
import { requireCapability } from "../permissions";
import { downloadName } from "../reports/rules";
import { storedFilePath } from "../reports/storage.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { getUnitInScopeOrThrow, inScope } from "../units/scope.server";
import { zipStream, type ZipItem } from "./zip-stream.server";

/**
 * What a unit's records are, table by table: the rows of the unit (and the units below it), or the rows of a record of
 * the unit (a revision of its document…). Secrets never leave: password hashes, sessions, sign-in attempts, the trail
 * key. Columns are the database's own, so nothing is lost on the way out.
 */
const OWN = [
  "units",
  "users",
  "procedures",
  "documents",
  "legal_changes",
  "audit_programmes",
  "audits",
  "findings",
  "ca_requests",
  "corrective_actions",
  "ca_signatures",
  "ca_extensions",
  "inspection_plans",
  "inspections",
  "management_reviews",
  "effectiveness_confirmations",
  "conformity_announcements",
  "service_figures",
  "quality_objectives",
  "files",
  "reports",
  "trail",
] as const;
const CHILDREN: [table: string, column: string, parent: string][] = [
  ["document_revisions", "document_id", "documents"],
  ["document_reviews", "document_id", "documents"],
  ["document_clauses", "document_id", "documents"],
  ["document_procedures", "document_id", "documents"],
  ["legal_change_documents", "legal_change_id", "legal_changes"],
  ["audit_team_members", "audit_id", "audits"],
  ["audit_checklist_items", "audit_id", "audits"],
  ["ca_reviews", "action_id", "corrective_actions"],
  ["ca_evidence", "action_id", "corrective_actions"],
  ["inspection_findings", "inspection_id", "inspections"],
  ["inspection_team_members", "inspection_id", "inspections"],
];
const SECRET_COLUMNS = new Set(["password_hash", "failed_logins", "locked_until"]);

/** A cell a spreadsheet will not run as a formula (decision 0008): text starting with = + - @, tab or CR gets a "'". */
function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint") return Number(v);
  const s = Buffer.isBuffer(v) ? v.toString("hex") : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The records workbook, written row by row to a temporary file (ExcelJS's streaming writer), never whole in memory. */
async function writeWorkbook(ctx: Ctx, unitIds: number[], file: string): Promise<Record<string, number>> {
  const client = ctx.db.$client;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const counts: Record<string, number> = {};
  const ids = unitIds.join(",");
  const dump = async (table: string, where: string) => {
    const columns = (client.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !SECRET_COLUMNS.has(c));
    const ws = wb.addWorksheet(table.slice(0, 31));
    ws.addRow(columns).commit();
    let n = 0;
    for (const row of client.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM ${table} WHERE ${where} ORDER BY rowid`).iterate() as Iterable<
      Record<string, unknown>
    >) {
      ws.addRow(columns.map((c) => cell(row[c]))).commit();
      n++;
    }
    ws.commit();
    counts[table] = n;
  };
  for (const t of OWN) await dump(t, t === "units" ? `id IN (${ids})` : `unit_id IN (${ids})`);
  for (const [t, col, parent] of CHILDREN) await dump(t, `${col} IN (SELECT id FROM ${parent} WHERE unit_id IN (${ids}))`);
  await wb.commit();
  return counts;
}

/**
 * A unit's complete export, so that no unit is locked in: every record of the unit and the units below it (within the
 * reader's scope) as one workbook, one sheet per table, every uploaded file, every issued report, and the trail of
 * those units; one ZIP stream. Recorded in the trail before the first byte leaves. The temporary workbook is removed
 * when the stream ends.
 */
export async function unitExport(ctx: Ctx, unitId: number): Promise<{ fileName: string; stream: Readable }> {
  requireCapability(ctx.actor, "units.export");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  const unitIds = ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(sql`${units.path} GLOB ${unit.path + "*"}`, inScope(units.id, ctx.scope)))
    .all()
    .map((u) => u.id);
  const c = config();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-export-"));
  const workbook = path.join(dir, "records.xlsx");
  const counts = await writeWorkbook(ctx, unitIds, workbook);
  const items: ZipItem[] = [{ name: "Dữ liệu (mỗi bảng một trang).xlsx", path: workbook }];
  for (const f of ctx.db.select().from(files).where(inArray(files.unitId, unitIds)).orderBy(asc(files.id)).all()) {
    const p = blobPath(c.uploadsDir, f.sha256);
    if (fs.existsSync(p)) items.push({ name: `Tệp/${f.id} - ${f.originalName}`, path: p });
  }
  const reportRows = ctx.db
    .select({ r: reports, unitName: units.name })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(inArray(reports.unitId, unitIds), eq(reports.status, "done")))
    .orderBy(asc(reports.id))
    .all();
  for (const { r, unitName } of reportRows) {
    const p = r.file ? storedFilePath(c.reportsDir, r.file) : undefined;
    if (p) items.push({ name: `Báo cáo/${downloadName({ kind: r.kind, unitName, periodKey: r.periodKey, id: r.id })}`, path: p });
  }
  write(ctx, (tx) =>
    recordTrail(tx, ctx, {
      entity: "unit",
      entityId: unit.id,
      action: "export",
      unitId: unit.id,
      after: { units: unitIds.length, files: items.length - 1 - reportRows.length, reports: reportRows.length, trail: counts.trail ?? 0 },
    }),
  );
  const stream = zipStream(items, ctx.now);
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  stream.once("end", cleanup).once("close", cleanup).once("error", cleanup);
  return { fileName: `Xuất toàn bộ dữ liệu - ${unit.name} - ${ctx.today}.zip`, stream };
}
