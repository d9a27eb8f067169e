import type { LoaderFunctionArgs } from "@remix-run/node";
import { inspectionDossier } from "~/modules/dossiers/inspection.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { zipResponse } from "~/http/zip-response.server";

/** An inspection's whole dossier as one ZIP with its index (readers of the inspected unit's scope; others: 404). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const { fileName, stream } = await inspectionDossier(ctx, idParam(params.id));
  return zipResponse(fileName, stream);
});
