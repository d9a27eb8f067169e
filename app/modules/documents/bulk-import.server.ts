import fs from "node:fs";
import { eq } from "drizzle-orm";
import { procedures } from "#db/schema";
import { DOCUMENT_KINDS, type DocumentKind } from "#db/schema/enums";
import { config } from "~/lib/config.server";
import { ConflictError, DomainError, InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { blobPath, storeUpload, type StoredFile } from "../files/store.server";
import { writeOnce } from "../form-once.server";
import { readArchiveFile, type ArchiveEntry } from "../imports/archive.server";
import { readKeyedRows } from "../imports/keyed-rows.server";
import { fold, TableReadError } from "../imports/tabular.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import type { Tx } from "../tx.server";
import { insertNewDocument } from "./create-document.server";
import { checkRegister, unitForNewRecord } from "./register.server";
import { DocumentEditSchema } from "./schema";
import { checkRevisionBytes, storeRevisionBytes } from "./upload.server";

/*
 * Bulk import of a unit's existing documents: a ZIP of their files and a spreadsheet describing them. Step 1
 * (preview) reads both (in the reading worker, under its limits), matches each row to its file, checks every row as
 * the single-document form would (register rules, the file by its content and size) and says what would be created
 * or what is wrong; nothing is recorded, the two uploads are kept by hash for step 2. Step 2 (import) reads them
 * again, checks again, and records every valid row as a document in force with its first revision, in one
 * transaction: all the valid rows or, if anything changed meanwhile, none.
 */

export const BULK_SHEET_MAX_BYTES = 5 * 1024 * 1024;
export const BULK_MAX_ROWS = 500;

export type BulkColumn = "code" | "title" | "kind" | "clauses" | "procedures" | "effectiveFrom" | "owner" | "reviewCycle" | "file";

/** Header names as people write them, Vietnamese or English (folded: no accents, lower case). */
const HEADERS: Record<BulkColumn, string[]> = {
  code: ["ma", "ma tai lieu", "ma hieu", "ky hieu", "so hieu", "code", "document code"],
  title: ["ten", "ten tai lieu", "tieu de", "title", "document title", "name"],
  kind: ["loai", "loai tai lieu", "kind", "type", "document kind"],
  clauses: ["dieu khoan", "dieu khoan iso", "dieu khoan tieu chuan", "clause", "clauses", "iso clauses"],
  procedures: ["ma tthc", "tthc", "thu tuc hanh chinh", "ma thu tuc", "ma thu tuc hanh chinh", "procedures", "procedure codes", "administrative procedures"],
  effectiveFrom: ["ngay hieu luc", "ngay ban hanh", "hieu luc tu", "hieu luc tu ngay", "effective", "effective date", "effective from"],
  owner: ["nguoi phu trach", "bo phan phu trach", "phu trach", "don vi chu tri", "chu tri", "owner"],
  reviewCycle: ["chu ky xem xet", "chu ky xem xet thang", "chu ky xem xet (thang)", "review cycle", "review cycle months"],
  file: ["tep", "ten tep", "tep dinh kem", "file", "file name"],
};

/** What a row will become, once checked. */
export type BulkPlan = {
  code: string;
  title: string;
  kind: DocumentKind;
  owner: string;
  reviewCycleMonths: number;
  clauseCodes: string[];
  procedureIds: number[];
  effectiveFrom: string;
  file: string;
};

export type BulkRow = {
  line: number;
  values: Record<BulkColumn, string>;
  /** The archive entry matched to the row (its name in the archive). */
  file?: string;
  /** Field → i18n keys of what is wrong; empty when the row will be imported. */
  errors: Record<string, string[]>;
  plan?: BulkPlan;
};

export type BulkRefusal = { field: "archive" | "sheet"; key: string; params: Record<string, string | number> };

export type BulkPreview = {
  unit: { id: number; name: string };
  rows: BulkRow[];
  /** Files of the archive no row uses: not imported. */
  unused: string[];
  counts: { create: number; error: number };
  /** Names the two uploads kept for step 2. */
  token: string;
};

/** "Quy trình", "process", "QT", "biểu mẫu"… → the stored kind. */
export function parseKind(v: string): DocumentKind | undefined {
  const f = fold(v);
  const words: Record<string, DocumentKind> = {
    "so tay": "manual",
    "so tay chat luong": "manual",
    "chinh sach": "policy",
    "chinh sach chat luong": "policy",
    "muc tieu": "objectives",
    "muc tieu chat luong": "objectives",
    "quy trinh": "process",
    qt: "process",
    "bieu mau": "form",
    bm: "form",
    "huong dan": "guideline",
    hd: "guideline",
    "quality manual": "manual",
    "quality policy": "policy",
    "quality objectives": "objectives",
  };
  return (DOCUMENT_KINDS as readonly string[]).includes(f) ? (f as DocumentKind) : words[f];
}

/** "15/03/2026", "15-3-2026", "2026-03-15" → "2026-03-15"; undefined when it is not a calendar day. */
export function parseDay(v: string): string | undefined {
  const s = v.trim();
  let y: number, m: number, d: number;
  let g: RegExpExecArray | null;
  if ((g = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else if ((g = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [y, m, d] = [Number(g[3]), Number(g[2]), Number(g[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const list = (v: string) =>
  v
    .split(/[,;\n]+|\s{2,}|\s+(?=\d)/)
    .map((s) => s.trim().replace(/\.$/, ""))
    .filter(Boolean);

/** Read both uploads; a refusal names the upload and why (an archive's refusal names the entry). */
async function readInputs(
  archive: Buffer,
  sheet: Buffer,
): Promise<{ entries: ArchiveEntry[]; rows: { line: number; values: Record<BulkColumn, string> }[] } | BulkRefusal> {
  let rows;
  try {
    rows = await readKeyedRows(sheet, HEADERS, ["code", "title"], { maxBytes: BULK_SHEET_MAX_BYTES, maxRows: BULK_MAX_ROWS });
  } catch (e) {
    if (!(e instanceof TableReadError)) throw e;
    const key =
      e.message === "imports.errors.header" ? "bulk.errors.sheetHeader" : e.message === "imports.errors.tooManyRows" ? "bulk.errors.sheetTooMany" : e.message;
    return { field: "sheet", key, params: { max: BULK_MAX_ROWS } };
  }
  try {
    return { entries: await readArchiveFile(archive), rows };
  } catch (e) {
    if (!(e instanceof TableReadError)) throw e;
    return { field: "archive", key: e.message, params: e.params };
  }
}

const baseName = (name: string) => name.split("/").pop() ?? name;
const stemOf = (name: string) => baseName(name).replace(/\.[^.]+$/, "");

/**
 * Which archive entry each row names: the "file" column when given (its name, with or without folders, case
 * ignored), else the entry whose name without extension is the code ("QT 02/CX-HCTP" matches "QT 02-CX-HCTP.pdf").
 * An entry two rows claim is an error on the later row.
 */
async function matchFiles(rows: { line: number; values: Record<BulkColumn, string> }[], entries: ArchiveEntry[]) {
  const byName = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => m.set(k, [...(m.get(k) ?? []), i]);
  entries.forEach((e, i) => {
    push(byName, e.name.normalize("NFC").toLowerCase(), i);
    push(byName, baseName(e.name).normalize("NFC").toLowerCase(), i);
    push(byStem, fold(stemOf(e.name)), i);
  });
  const claimed = new Set<number>();
  const out: { entry?: number; errors: string[] }[] = [];
  for (const r of rows) {
    const wanted = r.values.file
      ? (byName.get(r.values.file.normalize("NFC").toLowerCase()) ?? byStem.get(fold(stemOf(r.values.file))))
      : byStem.get(fold(r.values.code));
    const found = [...new Set(wanted ?? [])];
    if (found.length === 0) out.push({ errors: ["bulk.errors.noFile"] });
    else if (found.length > 1) out.push({ errors: ["bulk.errors.manyFiles"] });
    else if (claimed.has(found[0]!)) out.push({ errors: ["bulk.errors.fileTwice"] });
    else {
      claimed.add(found[0]!);
      let errors: string[] = [];
      try {
        await checkRevisionBytes(Buffer.from(entries[found[0]!]!.bytes), "file");
      } catch (e) {
        if (!(e instanceof InvalidInputError)) throw e;
        errors = e.fieldErrors.file ?? ["documents.errors.fileType"];
      }
      out.push({ entry: found[0], errors });
    }
  }
  return { matched: out, unused: entries.map((e, i) => (claimed.has(i) ? undefined : e.name)).filter((n): n is string => n !== undefined) };
}

/** Check every row against the register as the single form does (inside a transaction: the same reads as the write). */
function checkRows(
  tx: Tx,
  unitId: number,
  today: string,
  rows: { line: number; values: Record<BulkColumn, string> }[],
  matched: { entry?: number; errors: string[] }[],
  entries: ArchiveEntry[],
): BulkRow[] {
  const ownProcedures = new Map(
    tx
      .select({ id: procedures.id, code: procedures.code })
      .from(procedures)
      .where(eq(procedures.unitId, unitId))
      .all()
      .map((p) => [p.code.toUpperCase(), p.id]),
  );
  const codeCount = new Map<string, number>();
  for (const r of rows) codeCount.set(r.values.code.toUpperCase(), (codeCount.get(r.values.code.toUpperCase()) ?? 0) + 1);
  return rows.map((r, i) => {
    const errors: Record<string, string[]> = {};
    const add = (field: string, key: string) => (errors[field] ??= []).push(key);
    const v = r.values;
    const kind = v.kind ? parseKind(v.kind) : undefined;
    if (!kind) add("kind", v.kind ? "bulk.errors.kind" : "errors.required");
    const effectiveFrom = parseDay(v.effectiveFrom);
    if (!effectiveFrom) add("effectiveFrom", v.effectiveFrom ? "bulk.errors.date" : "errors.required");
    else if (effectiveFrom > today) add("effectiveFrom", "bulk.errors.dateFuture");
    const procedureIds: number[] = [];
    for (const code of list(v.procedures)) {
      const id = ownProcedures.get(code.toUpperCase());
      if (id === undefined) add("procedures", "bulk.errors.procedureUnknown");
      else procedureIds.push(id);
    }
    if ((codeCount.get(v.code.toUpperCase()) ?? 0) > 1) add("code", "bulk.errors.duplicateInFile");
    const parsed = DocumentEditSchema.safeParse({
      unitId,
      code: v.code,
      title: v.title,
      kind: kind ?? "process",
      owner: v.owner,
      reviewCycleMonths: v.reviewCycle || "12",
      clauseCodes: list(v.clauses),
      procedureIds,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? "row");
        add(k === "reviewCycleMonths" ? "reviewCycle" : k === "clauseCodes" ? "clauses" : k === "procedureIds" ? "procedures" : k, issue.message);
      }
    }
    const m = matched[i]!;
    for (const e of m.errors) add("file", e);
    if (parsed.success && !errors.code && !errors.procedures) {
      try {
        checkRegister(tx, unitId, parsed.data);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        for (const [f, keys] of Object.entries(e.fieldErrors))
          for (const k of keys) add(f === "clauseCodes" ? "clauses" : f === "procedureIds" ? "procedures" : f, k);
      }
    }
    const file = m.entry === undefined ? undefined : entries[m.entry]!.name;
    const ok = Object.keys(errors).length === 0 && parsed.success && kind && effectiveFrom && file;
    return {
      line: r.line,
      values: v,
      file,
      errors,
      plan: ok
        ? {
            code: parsed.data.code,
            title: parsed.data.title,
            kind: parsed.data.kind,
            owner: parsed.data.owner,
            reviewCycleMonths: parsed.data.reviewCycleMonths,
            clauseCodes: [...new Set(parsed.data.clauseCodes)],
            procedureIds: [...new Set(parsed.data.procedureIds)],
            effectiveFrom,
            file,
          }
        : undefined,
    };
  });
}

async function analyse(ctx: Ctx, unitId: number, archive: Buffer, sheet: Buffer) {
  const read = await readInputs(archive, sheet);
  if ("key" in read) return { refused: read };
  const { matched, unused } = await matchFiles(read.rows, read.entries);
  const rows = ctx.db.transaction((tx) => checkRows(tx, unitId, ctx.today, read.rows, matched, read.entries));
  return { rows, unused, entries: read.entries, matched };
}

/**
 * Step 1: read the archive and the spreadsheet and say, row by row, what would be created or what is wrong (or why
 * an upload is refused as a whole). Records nothing; the uploads are kept by hash (as every upload is) for step 2.
 */
export async function previewBulkImport(
  ctx: Ctx,
  input: { unitId: number; archive: File; sheet: File },
): Promise<{ refused: BulkRefusal } | { preview: BulkPreview }> {
  requireCapability(ctx.actor, "documents.draft");
  const unit = unitForNewRecord(ctx, input.unitId);
  const c = config();
  if (input.sheet.size > BULK_SHEET_MAX_BYTES) throw new InvalidInputError("errors.invalid", {}, { sheet: ["files.errors.tooLarge"] });
  const archive = Buffer.from(await input.archive.arrayBuffer());
  const sheet = Buffer.from(await input.sheet.arrayBuffer());
  const a = await analyse(ctx, unit.id, archive, sheet);
  if ("refused" in a && a.refused) return { refused: a.refused };
  const { rows, unused } = a as Exclude<typeof a, { refused: BulkRefusal }>;
  // Kept by hash like any upload (checked by content: a ZIP, a workbook or CSV text), so step 2 reads the same bytes.
  const keptArchive = await storeUpload(c.uploadsDir, input.archive, { field: "archive", kinds: ["zip"], maxBytes: c.uploadMaxBytes });
  const keptSheet = await storeUpload(c.uploadsDir, input.sheet, { field: "sheet", kinds: ["xlsx", "csv"], maxBytes: BULK_SHEET_MAX_BYTES });
  const create = rows.filter((r) => r.plan).length;
  return {
    preview: {
      unit: { id: unit.id, name: unit.name },
      rows,
      unused,
      counts: { create, error: rows.length - create },
      token: `${keptArchive.sha256}.${keptSheet.sha256}`,
    },
  };
}

const TOKEN = /^([0-9a-f]{64})\.([0-9a-f]{64})$/;

/**
 * Step 2: import the valid rows of the previewed uploads as documents in force (status effective, first revision in
 * force from the row's effective date, its file stored and linked), each with its trail row, plus one trail row for
 * the import. All in one transaction: a row that became invalid since the preview (a code taken meanwhile) refuses
 * the whole import, and nothing is recorded.
 */
export async function applyBulkImport(ctx: Ctx, input: { unitId: number; token: string; expected: number }) {
  requireCapability(ctx.actor, "documents.draft");
  const unit = unitForNewRecord(ctx, input.unitId);
  const c = config();
  const m = TOKEN.exec(input.token);
  const read = (sha: string) => {
    const p = m ? blobPath(c.uploadsDir, sha) : "";
    return m && fs.existsSync(p) ? fs.readFileSync(p) : undefined;
  };
  const archive = m && read(m[1]!);
  const sheet = m && read(m[2]!);
  if (!archive || !sheet) throw new InvalidInputError("bulk.errors.stale");
  const a = await analyse(ctx, unit.id, archive, sheet);
  if ("refused" in a && a.refused) throw new InvalidInputError("bulk.errors.stale");
  const { rows, entries } = a as Exclude<typeof a, { refused: BulkRefusal }>;
  const valid = rows.filter((r) => r.plan);
  if (valid.length === 0) throw new InvalidInputError("bulk.errors.nothing");
  if (valid.length !== input.expected) throw new ConflictError("bulk.errors.changed");
  // Files are written before the transaction (same bytes, same blob; a failed import leaves unreferenced blobs only).
  const stored = new Map<string, StoredFile>();
  for (const r of valid) {
    const entry = entries.find((e) => e.name === r.plan!.file)!;
    stored.set(r.plan!.file, await storeRevisionBytes(Buffer.from(entry.bytes), baseName(entry.name), "file"));
  }
  return writeOnce(ctx, (tx) => {
    const created: { id: number; code: string }[] = [];
    for (const r of valid) {
      const p = r.plan!;
      let links;
      try {
        links = checkRegister(tx, unit.id, { unitId: unit.id, ...p });
      } catch {
        throw new ConflictError("bulk.errors.changed");
      }
      const s = stored.get(p.file)!;
      const { doc, rev } = insertNewDocument(tx, ctx, unit.id, { ...p, links }, s, {
        changeSummary: "Ban hành lần đầu (nhập từ tài liệu đã ban hành trước khi dùng phần mềm)",
        effectiveFrom: p.effectiveFrom,
      });
      recordTrail(tx, ctx, {
        entity: "document",
        entityId: doc.id,
        action: "import.create",
        unitId: unit.id,
        after: {
          ...doc,
          currentRevisionId: rev.id,
          ...links,
          revision: { number: 1, status: "effective", effectiveFrom: p.effectiveFrom, file: s.originalName, sha256: s.sha256 },
        },
      });
      created.push({ id: doc.id, code: doc.code });
    }
    recordTrail(tx, ctx, {
      entity: "document_import",
      entityId: unit.id,
      action: "import",
      unitId: unit.id,
      after: { created: created.length, skipped: rows.length - valid.length },
    });
    return { created: created.length, skipped: rows.length - valid.length };
  });
}
