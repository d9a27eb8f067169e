import type { LoaderFunctionArgs } from "@remix-run/node";
import { cachedPublic } from "~/modules/public/cache.server";
import { publicUnitJson } from "~/modules/public/json";
import { publicUnitPage } from "~/modules/public/queries.server";
import { handle, publicCtx } from "~/http/edge.server";
import { publicBase, publicResponse } from "~/http/public.server";

/**
 * A unit's public page as JSON (fields: docs/public-data.md), for the province's portal and anyone else: weak ETag
 * (304 to a matching If-None-Match), cacheable for 5 minutes, readable from any origin (it holds nothing private).
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = publicCtx(request);
  const code = params.code ?? "";
  const base = publicBase(request);
  const json = cachedPublic(ctx, `json:${code}|${base}`, () => publicUnitJson(cachedPublic(ctx, `page:${code}`, () => publicUnitPage(ctx, code)).value, base));
  return publicResponse(request, json.json, json.etag, "application/json; charset=utf-8", { "Access-Control-Allow-Origin": "*" });
});
