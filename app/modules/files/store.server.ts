import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { DB } from "#db/client";
import { files, units } from "#db/schema";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import type { Tx } from "../tx.server";
import { pathInScope, type Scope } from "../units/scope.server";

/** File kinds a form may accept, by detected content type. */
export const FILE_KINDS = {
  pdf: ["application/pdf"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  image: ["image/jpeg", "image/png", "image/webp"],
  /** Plain UTF-8 text with no magic bytes: recognised by decoding, not by name. */
  csv: ["text/csv"],
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export type StoredFile = { sha256: string; size: number; mime: string; ext: string; originalName: string };

/** Keep a display name harmless: no path parts, no control characters, bounded length. */
export function sanitiseName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const clean = base
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_")
    .normalize("NFC")
    .trim();
  return (clean || "file").slice(0, 150);
}

export function blobPath(uploadsDir: string, sha256: string): string {
  return path.join(uploadsDir, sha256.slice(0, 2), sha256);
}

/**
 * Check an upload (size, type from its content) and write its bytes under their hash. Throws InvalidInputError
 * with `field` set so the form shows the reason beside the file input. Call it BEFORE the write transaction
 * (it is async); then record the row with `insertFileRow` inside the transaction. Same bytes, same blob:
 * writing twice is harmless, and a crash between the two steps leaves at most an unreferenced blob.
 */
export async function storeUpload(uploadsDir: string, file: File, opts: { field: string; kinds: FileKind[]; maxBytes: number }): Promise<StoredFile> {
  if (!file || typeof file.arrayBuffer !== "function" || file.size === 0) {
    throw new InvalidInputError("errors.invalid", {}, { [opts.field]: ["files.errors.empty"] });
  }
  if (file.size > opts.maxBytes) {
    throw new InvalidInputError("errors.invalid", {}, { [opts.field]: ["files.errors.tooLarge"] });
  }
  const buf = Buffer.from(await file.arrayBuffer());
  const detected = (await fileTypeFromBuffer(buf)) ?? (opts.kinds.includes("csv") && isUtf8Text(buf) ? { ext: "csv", mime: "text/csv" } : undefined);
  const allowed = opts.kinds.flatMap((k) => FILE_KINDS[k] as readonly string[]);
  if (!detected || !allowed.includes(detected.mime)) {
    throw new InvalidInputError("errors.invalid", { kinds: opts.kinds.join(", ").toUpperCase() }, { [opts.field]: ["files.errors.type"] });
  }
  const sha256 = createHash("sha256").update(buf).digest("hex");
  const dest = blobPath(uploadsDir, sha256);
  if (!fs.existsSync(dest)) {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.${process.pid}.partial`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, dest);
  }
  return { sha256, size: buf.length, mime: detected.mime, ext: detected.ext, originalName: sanitiseName(file.name || `file.${detected.ext}`) };
}

/** Valid UTF-8 with no NUL or other binary control bytes: what a CSV export is. */
export function isUtf8Text(buf: Buffer): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    // eslint-disable-next-line no-control-regex -- matching control bytes is the point: they mark a binary file
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

export function insertFileRow(tx: Tx, ctx: Ctx, stored: StoredFile, unitId: number) {
  return tx
    .insert(files)
    .values({
      ...stored,
      unitId,
      uploadedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
      createdAt: ctx.now.getTime(),
    })
    .returning()
    .get();
}

/** A file row the scope may read, with its path on disk. */
export function getFileInScopeOrThrow(db: DB, scope: Scope, uploadsDir: string, fileId: number) {
  const row = db.select({ f: files, unitPath: units.path }).from(files).innerJoin(units, eq(units.id, files.unitId)).where(eq(files.id, fileId)).get();
  if (!row || !pathInScope(scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  const p = blobPath(uploadsDir, row.f.sha256);
  if (!fs.existsSync(p)) throw new NotFoundError("files.errors.missing");
  return { ...row.f, path: p };
}

/** RFC 6266 Content-Disposition with a UTF-8 name (Vietnamese names survive) and an ASCII fallback. */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/"/g, "'");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A file the scope may read, with its bytes (small imports read whole: a catalogue or a month of figures). */
export function readFileInScopeOrThrow(db: DB, scope: Scope, uploadsDir: string, fileId: number) {
  const file = getFileInScopeOrThrow(db, scope, uploadsDir, fileId);
  return { file, bytes: fs.readFileSync(file.path) };
}
