import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT, type Lang } from "~/i18n";
import { cachedPublic } from "~/modules/public/cache.server";
import { embedHtml } from "~/modules/public/embed";
import { publicUnitPage } from "~/modules/public/queries.server";
import { handle, publicCtx } from "~/http/edge.server";
import { publicBase, publicResponse } from "~/http/public.server";

/**
 * The card a commune's own website embeds (<iframe src=".../cong-khai/<code>/nhung">): a small page of its own,
 * Vietnamese (?lang=en for English), no script; the one address other sites may frame (server.ts). Weak ETag and
 * 5 minutes of caching, like the JSON.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = publicCtx(request);
  const code = params.code ?? "";
  const lang: Lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "vi";
  const base = publicBase(request);
  const html = cachedPublic(ctx, `embed:${code}|${lang}|${base}`, () =>
    embedHtml(cachedPublic(ctx, `page:${code}`, () => publicUnitPage(ctx, code)).value, { base, lang, t: makeT(lang) }),
  );
  return publicResponse(request, html.value, html.etag, "text/html; charset=utf-8");
});
