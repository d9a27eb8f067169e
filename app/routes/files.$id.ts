import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition, getFileInScopeOrThrow } from "~/modules/files/store.server";
import { scopeFor } from "~/modules/units/scope.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { idParam, rethrowAsResponse } from "~/utils/forms.server";
import { requireUser } from "~/utils/session.server";

/** Download an uploaded file (evidence, attachments) of a unit in the reader's scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  try {
    const f = getFileInScopeOrThrow(db, scopeFor(db, user), config().uploadsDir, idParam(params.id));
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
  } catch (e) {
    rethrowAsResponse(e);
  }
}
