import type { LoaderFunctionArgs } from "@remix-run/node";
import { areaReportsArchive } from "~/modules/dossiers/area.server";
import { handle, requireCtx } from "~/http/edge.server";
import { zipResponse } from "~/http/zip-response.server";

/** Every issued report of a unit of the reader's scope and the units below it, for a period, as one ZIP stream. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const unitId = Number(url.searchParams.get("unit"));
  const { fileName, stream } = areaReportsArchive(ctx, { unitId: Number.isSafeInteger(unitId) ? unitId : 0, period: url.searchParams.get("period") ?? "" });
  return zipResponse(fileName, stream);
});
