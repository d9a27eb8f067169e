import { config } from "~/lib/config.server";
import { InvalidInputError } from "~/lib/errors";
import { storeUpload, type StoredFile } from "../files/store.server";

/** Kinds a revision may carry, by content: the text of a document, or a form kept as a spreadsheet. */
export const REVISION_FILE_KINDS = ["pdf", "docx", "xlsx"] as const;

/**
 * Check and store a revision's file (content-sniffed, size-limited, kept by hash). Async: call it before the
 * write transaction. A refused type gets the document form's own wording (it names the accepted kinds and
 * says that the content, not the name, decides).
 */
export async function storeRevisionFile(file: File, field = "file"): Promise<StoredFile> {
  const c = config();
  try {
    return await storeUpload(c.uploadsDir, file, { field, kinds: [...REVISION_FILE_KINDS], maxBytes: c.uploadMaxBytes });
  } catch (e) {
    if (e instanceof InvalidInputError && e.fieldErrors[field]?.includes("files.errors.type")) {
      throw new InvalidInputError("errors.invalid", {}, { [field]: ["documents.errors.fileType"] });
    }
    throw e;
  }
}
