import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition, getFileInScopeOrThrow } from "~/modules/files/store.server";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";

/** Download an uploaded file (evidence, attachments) of a unit in the reader's scope. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const f = getFileInScopeOrThrow(ctx, config().uploadsDir, idParam(params.id));
  const body = new Uint8Array(fs.readFileSync(f.path));
  return new Response(body, {
    headers: {
      "Content-Type": f.mime,
      "Content-Length": String(f.size),
      "Content-Disposition": contentDisposition(f.originalName, f.mime === "application/pdf"),
      "Cache-Control": "private, max-age=0",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
