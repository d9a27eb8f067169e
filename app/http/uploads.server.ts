import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { FIELD_MAX_BYTES, MAX_PARTS } from "./guards.server";

/**
 * Parse a multipart form with files kept in memory up to the configured limit (UPLOAD_MAX_MB). A file over the
 * limit does not fail the request: its bytes are read and dropped as they come (memory stays at the limit), the
 * form comes back with every other field and `tooLarge` naming the file's field, so the page says so beside it and
 * keeps the rest. A non-file field over 1 MB, or more than 1,000 parts, is a 413. A malformed body comes back empty
 * (`malformed`), which every caller rejects with field errors (400), never a 500. The whole body is limited before
 * this (server.ts: twice the upload limit).
 */
export async function parseMultipart(request: Request): Promise<{ formData: FormData; tooLarge?: string; malformed?: boolean }> {
  const maxFile = config().uploadMaxBytes;
  let tooLarge: string | undefined;
  let parts = 0;
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (++parts > MAX_PARTS) throw new Response("errors.badRequest", { status: 413 });
    const isFile = typeof filename === "string";
    const limit = isFile ? maxFile : FIELD_MAX_BYTES;
    let size = 0;
    let chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit)
        chunks = []; // over the limit: keep reading the part (the parser needs its end), drop the bytes
      else chunks.push(chunk);
    }
    if (size > limit) {
      if (!isFile) throw new Response("errors.badRequest", { status: 413 });
      tooLarge ??= name;
      return undefined;
    }
    if (isFile) return new File(chunks as BlobPart[], filename, { type: contentType });
    return Buffer.concat(chunks).toString("utf8");
  };
  try {
    return { formData: await unstable_parseMultipartFormData(request, handler), tooLarge };
  } catch (e) {
    if (e instanceof Response) throw e;
    // A body that is not valid multipart (a hostile or broken client, or one cut off at the size limit): answer as
    // for an empty form, which every caller rejects with field errors (400), never a 500.
    return { formData: new FormData(), malformed: true };
  }
}
