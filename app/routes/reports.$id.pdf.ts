import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/modules/files/store.server";
import { getReportFileInScopeOrThrow } from "~/modules/reports/queries.server";
import { downloadName } from "~/modules/reports/rules";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";

/** Download an archived report of a unit in the reader's scope (others: 404, the report's existence stays hidden). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const r = getReportFileInScopeOrThrow(ctx, config().reportsDir, idParam(params.id));
  const body = new Uint8Array(fs.readFileSync(r.path));
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(body.length),
      "Content-Disposition": contentDisposition(downloadName({ kind: r.kind, unitName: r.unitName, periodKey: r.periodKey, id: r.id })),
      "Cache-Control": "private, max-age=0",
      "X-Report-SHA256": r.sha256 ?? "",
    },
  });
});
