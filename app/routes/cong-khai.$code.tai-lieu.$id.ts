import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadName } from "~/modules/documents/rules";
import { blobPath, contentDisposition } from "~/modules/files/store.server";
import { publicDocumentFile } from "~/modules/public/queries.server";
import { config } from "~/lib/config.server";
import { NotFoundError } from "~/lib/errors";
import { handle, idParam, publicCtx } from "~/http/edge.server";
import { PUBLIC_CACHE_CONTROL } from "~/http/public.server";

/**
 * The file of a document in force that its unit marked public (the revision in force only), named by the document's
 * code and revision, never by the name it was uploaded under. Anything else is "not found".
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = publicCtx(request);
  const f = publicDocumentFile(ctx, params.code ?? "", idParam(params.id));
  const abs = blobPath(config().uploadsDir, f.sha256);
  if (!fs.existsSync(abs)) throw new NotFoundError("files.errors.missing");
  const etag = `"${f.sha256}"`;
  const headers = { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL, "X-Content-Type-Options": "nosniff" };
  if (
    request.headers
      .get("If-None-Match")
      ?.split(",")
      .some((t) => t.trim() === etag)
  )
    return new Response(null, { status: 304, headers });
  const body = new Uint8Array(fs.readFileSync(abs));
  return new Response(body, {
    headers: {
      ...headers,
      "Content-Type": f.mime,
      "Content-Length": String(f.size),
      "Content-Disposition": contentDisposition(downloadName(f.docCode, f.revision, f.ext, null, "lần"), f.mime === "application/pdf"),
    },
  });
});
