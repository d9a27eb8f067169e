import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/modules/files/store.server";
import { produceDepsFor } from "~/modules/reports/deps.server";
import { renderDraft } from "~/modules/reports/issue.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";

/** The draft's PDF for anyone in scope: rendered now, marked "DỰ THẢO" on every page, never archived nor hashed. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const { bytes } = await renderDraft(ctx, params.kind ?? "", idParam(params.unitId), params.period ?? "", produceDepsFor(request));
  const body = new Uint8Array(bytes);
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(body.length),
      "Content-Disposition": contentDisposition(`Dự thảo - ${params.kind}-${params.unitId}-${params.period}.pdf`),
      "Cache-Control": "private, no-store",
    },
  });
});
