import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { files, units } from "#db/schema";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import type { Tx } from "../tx.server";
import { pathInScope } from "../units/scope.server";

/** File kinds a form may accept, by detected content type. */
export const FILE_KINDS = {
  pdf: ["application/pdf"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  image: ["image/jpeg", "image/png", "image/webp"],
  /** An archive of files to import (its entries are checked one by one as uploads of their own). */
  zip: ["application/zip"],
  /** Plain UTF-8 text with no magic bytes: recognised by decoding, not by name. */
  csv: ["text/csv"],
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export type StoredFile = { sha256: string; size: number; mime: string; ext: string; originalName: string };

/** The longest name kept, in UTF-8 bytes (what file systems allow). */
export const NAME_MAX_BYTES = 255;

/**
 * Keep a display name harmless but recognisable. Any name a person can give a file is accepted (";", "=", quotes,
 * emoji, Vietnamese); what is removed: path parts, control characters, and invisible format characters (Unicode
 * category Cf: the right-to-left override U+202E makes "hoadon\u202Efdp.exe" display as "hoadonexe.pdf"; the
 * zero-width joiners U+200C/U+200D stay, emoji and some scripts need them). Characters Windows refuses in a name
 * ("<>|:*?) become "_". At most 255 UTF-8 bytes, cut between whole characters, the extension kept.
 */
export function sanitiseName(name: string): string {
  // A lone surrogate (half an emoji) cannot be encoded in a header: it becomes U+FFFD.
  const whole = String(name).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const base = whole.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/(?![\u200c\u200d])\p{Cf}/gu, "")
    .replace(/["<>|:*?]/g, "_")
    .trim();
  if (!clean || clean === "." || clean === "..") return "file";
  return truncateName(clean, NAME_MAX_BYTES);
}

function truncateName(name: string, maxBytes: number): string {
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");
  if (bytes(name) <= maxBytes) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
  let stem = "";
  for (const { segment } of new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(ext ? name.slice(0, dot) : name)) {
    if (bytes(stem + segment) + bytes(ext) > maxBytes) break;
    stem += segment;
  }
  return (stem || "file") + ext;
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
  return storeBytes(uploadsDir, Buffer.from(await file.arrayBuffer()), file.name, opts);
}

/**
 * The same checks and storage for bytes that did not come as a form's file (a file taken out of an uploaded archive):
 * not empty, within `maxBytes`, of one of `kinds` by content; kept under its hash, its name sanitised.
 */
export async function storeBytes(
  uploadsDir: string,
  buf: Buffer,
  name: string,
  opts: { field: string; kinds: FileKind[]; maxBytes: number },
): Promise<StoredFile> {
  const detected = await checkBytes(buf, opts);
  const sha256 = createHash("sha256").update(buf).digest("hex");
  const dest = blobPath(uploadsDir, sha256);
  if (!fs.existsSync(dest)) {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.${process.pid}.partial`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, dest);
  }
  return { sha256, size: buf.length, mime: detected.mime, ext: detected.ext, originalName: sanitiseName(name || `file.${detected.ext}`) };
}

/** What `storeBytes` checks, without storing: not empty, within `maxBytes`, of one of `kinds` by content. */
export async function checkBytes(buf: Buffer, opts: { field: string; kinds: FileKind[]; maxBytes: number }): Promise<{ ext: string; mime: string }> {
  if (buf.length === 0) throw new InvalidInputError("errors.invalid", {}, { [opts.field]: ["files.errors.empty"] });
  if (buf.length > opts.maxBytes) throw new InvalidInputError("errors.invalid", {}, { [opts.field]: ["files.errors.tooLarge"] });
  return detectUploadType(buf, opts);
}

/**
 * The type of an upload from its content, if it is one of `kinds`; otherwise an InvalidInputError on `field`
 * (detection is bounded: file-type caps what it inflates of an archive).
 */
export async function detectUploadType(buf: Buffer, opts: { field: string; kinds: FileKind[] }): Promise<{ ext: string; mime: string }> {
  const detected = (await fileTypeFromBuffer(buf)) ?? (opts.kinds.includes("csv") && isUtf8Text(buf) ? { ext: "csv", mime: "text/csv" } : undefined);
  const allowed = opts.kinds.flatMap((k) => FILE_KINDS[k] as readonly string[]);
  if (!detected || !allowed.includes(detected.mime)) {
    throw new InvalidInputError("errors.invalid", { kinds: opts.kinds.join(", ").toUpperCase() }, { [opts.field]: ["files.errors.type"] });
  }
  return detected;
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
export function getFileInScopeOrThrow(ctx: Ctx, uploadsDir: string, fileId: number) {
  const row = ctx.db.select({ f: files, unitPath: units.path }).from(files).innerJoin(units, eq(units.id, files.unitId)).where(eq(files.id, fileId)).get();
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  const p = blobPath(uploadsDir, row.f.sha256);
  if (!fs.existsSync(p)) throw new NotFoundError("files.errors.missing");
  return { ...row.f, path: p };
}

/**
 * RFC 6266 Content-Disposition: `filename=` an ASCII fallback (accents dropped, anything else "_", no quote or
 * backslash to escape), `filename*=UTF-8''` the whole name percent-encoded as RFC 8187 requires (Vietnamese names
 * and emoji survive). The name is sanitised again, so a name stored before the rules above is served clean.
 */
export function contentDisposition(name: string, inline = false): string {
  const clean = sanitiseName(name);
  const ascii = clean
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/gu, "_")
    .replace(/["\\]/g, "_");
  const utf8 = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** A file the scope may read, with its bytes (small imports read whole: a catalogue or a month of figures). */
export function readFileInScopeOrThrow(ctx: Ctx, uploadsDir: string, fileId: number) {
  const file = getFileInScopeOrThrow(ctx, uploadsDir, fileId);
  return { file, bytes: fs.readFileSync(file.path) };
}
