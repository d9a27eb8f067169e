import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocumentInScopeOrThrow, getRevisionOfDocumentOrThrow } from "~/modules/documents/access.server";
import { downloadName } from "~/modules/documents/rules";
import { contentDisposition, getFileInScopeOrThrow } from "~/modules/files/store.server";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { getT } from "~/http/i18n.server";

/**
 * Download a revision's file under a name that says what it is: "QT 02-CX-HCTP - lần 2.pdf" for the revision
 * in force, "[ĐÃ BỊ THAY THẾ] QT 02-CX-HCTP - lần 1.pdf" for a superseded one (likewise obsolete, draft, not yet
 * in force), so a copy saved to a desktop or forwarded by Zalo still carries its status. Anything but the
 * revision in force is sent as an attachment (never shown inline as if current), with its status in a header.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const revId = idParam(params.revId);
  const t = await getT(request);
  const doc = getDocumentInScopeOrThrow(ctx, id);
  const rev = getRevisionOfDocumentOrThrow(ctx.db, id, revId);
  const f = getFileInScopeOrThrow(ctx, config().uploadsDir, rev.fileId);
  const current = rev.status === "effective";
  const name = downloadName(doc.code, rev.number, f.ext, current ? null : t(`documents.marker.${rev.status}`), t("documents.revisionWord"));
  const body = new Uint8Array(fs.readFileSync(f.path));
  return new Response(body, {
    headers: {
      "Content-Type": f.mime,
      "Content-Length": String(f.size),
      "Content-Disposition": contentDisposition(name, current && f.mime === "application/pdf"),
      "X-Document-Status": rev.status,
      "Cache-Control": "private, max-age=0",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
