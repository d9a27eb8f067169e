import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/modules/files/store.server";
import { publicAnnouncementPdf } from "~/modules/public/queries.server";
import { storedFilePath } from "~/modules/reports/storage.server";
import { config } from "~/lib/config.server";
import { NotFoundError } from "~/lib/errors";
import { handle, idParam, publicCtx } from "~/http/edge.server";
import { PUBLIC_CACHE_CONTROL } from "~/http/public.server";

/**
 * An issued announcement's archived PDF, for anyone (QĐ 19 asks the unit to publish it). Only a finished report of
 * kind "announcement" under its own unit's address; the bytes are the archived ones, so their SHA-256 verifies.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = publicCtx(request);
  const r = publicAnnouncementPdf(ctx, params.code ?? "", idParam(params.id));
  const abs = storedFilePath(config().reportsDir, r.file);
  if (!abs) throw new NotFoundError("files.errors.missing");
  const body = new Uint8Array(fs.readFileSync(abs));
  // The archive never changes a file: its hash is a strong validator.
  const etag = `"${r.sha256}"`;
  const headers = { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL, "X-Report-SHA256": r.sha256 ?? "" };
  if (
    request.headers
      .get("If-None-Match")
      ?.split(",")
      .some((t) => t.trim() === etag)
  )
    return new Response(null, { status: 304, headers });
  const name = `Công bố HTQLCL ${r.number.replace(/\//g, "-")} - ${r.unitName}.pdf`;
  return new Response(body, {
    headers: { ...headers, "Content-Type": "application/pdf", "Content-Length": String(body.length), "Content-Disposition": contentDisposition(name, true) },
  });
});
