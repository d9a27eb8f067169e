import type { LoaderFunctionArgs } from "@remix-run/node";
import { unitExport } from "~/modules/dossiers/unit-export.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { zipResponse } from "~/http/zip-response.server";

/** A unit's complete export as one ZIP stream (its administrator, officer or leader; a unit outside the scope: 404). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "units.export");
  const { fileName, stream } = await unitExport(ctx, idParam(params.id));
  return zipResponse(fileName, stream);
});
