import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocumentInScopeOrThrow, getRevisionOfDocumentOrThrow } from "~/modules/documents/access.server";
import { downloadName } from "~/modules/documents/rules";
import { contentDisposition, getFileInScopeOrThrow } from "~/modules/files/store.server";
import { scopeFor } from "~/modules/units/scope.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { idParam, rethrowAsResponse } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";

/**
 * Download a revision's file under a name that says what it is: "QT 02-CX-HCTP - lần 2.pdf" for the revision
 * in force, "[ĐÃ BỊ THAY THẾ] QT 02-CX-HCTP - lần 1.pdf" for a superseded one (likewise obsolete, draft, not yet
 * in force), so a copy saved to a desktop or forwarded by Zalo still carries its status. Anything but the
 * revision in force is sent as an attachment (never shown inline as if current), with its status in a header.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const revId = idParam(params.revId);
  const db = getDb();
  const t = await getT(request);
  try {
    const scope = scopeFor(db, user);
    const doc = getDocumentInScopeOrThrow(db, scope, id);
    const rev = getRevisionOfDocumentOrThrow(db, id, revId);
    const f = getFileInScopeOrThrow(db, scope, config().uploadsDir, rev.fileId);
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
  } catch (e) {
    rethrowAsResponse(e);
  }
}
