import { config } from "~/lib/config.server";
import { InvalidInputError } from "~/lib/errors";
import { checkBytes, storeBytes, storeUpload, type StoredFile } from "../files/store.server";

/** Kinds a revision may carry, by content: the text of a document, or a form kept as a spreadsheet. */
export const REVISION_FILE_KINDS = ["pdf", "docx", "xlsx"] as const;

/**
 * Check and store a revision's file (content-sniffed, size-limited, kept by hash). Async: call it before the
 * write transaction. A refused type gets the document form's own wording (it names the accepted kinds and
 * says that the content, not the name, decides).
 */
export async function storeRevisionFile(file: File, field = "file"): Promise<StoredFile> {
  const c = config();
  return inRevisionWords(field, () => storeUpload(c.uploadsDir, file, { field, kinds: [...REVISION_FILE_KINDS], maxBytes: c.uploadMaxBytes }));
}

/** The same checks for a revision's file taken out of an archive, without storing it (a preview). */
export async function checkRevisionBytes(buf: Buffer, field = "file"): Promise<{ ext: string; mime: string }> {
  return inRevisionWords(field, () => checkBytes(buf, { field, kinds: [...REVISION_FILE_KINDS], maxBytes: config().uploadMaxBytes }));
}

/** The same checks and storage for a revision's file taken out of an archive. */
export async function storeRevisionBytes(buf: Buffer, name: string, field = "file"): Promise<StoredFile> {
  const c = config();
  return inRevisionWords(field, () => storeBytes(c.uploadsDir, buf, name, { field, kinds: [...REVISION_FILE_KINDS], maxBytes: c.uploadMaxBytes }));
}

async function inRevisionWords<T>(field: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof InvalidInputError && e.fieldErrors[field]?.includes("files.errors.type")) {
      throw new InvalidInputError("errors.invalid", {}, { [field]: ["documents.errors.fileType"] });
    }
    throw e;
  }
}
