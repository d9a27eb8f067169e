import { createHash } from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import { hasSession } from "./public.server";

/*
 * The rendered HTML of the plain pages (`handle = { hydrate: false }`: the public pages, issue 20) for anonymous
 * readers. Such a page has no script and no nonce: its HTML is a function of its URL and its loaders' data only, so
 * the same URL with the same data gives the same bytes. The data is still read on every request (the public
 * loaders keep their own cache, renewed on every write and every day: app/modules/public/cache.server.ts); only
 * React's rendering, most of such a page's cost, is saved when nothing changed. The key holds a hash of the data:
 * changed data is a new key, never a stale page.
 */

const MAX_ENTRIES = 200;
const pages = new Map<string, Buffer<ArrayBuffer>>();

/** The cache key for this response, or undefined when it must be rendered (signed in, scripted page, not 200). */
export function plainPageKey(request: Request, status: number, context: EntryContext): string | undefined {
  if (request.method !== "GET" || status !== 200 || hasSession(request)) return undefined;
  const { matches, loaderData } = context.staticHandlerContext;
  const plain = matches.some((m) => (context.routeModules[m.route.id]?.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  if (!plain) return undefined;
  return createHash("sha256").update(request.url).update("\n").update(JSON.stringify(loaderData)).digest("base64url");
}

export function cachedPage(key: string): Buffer<ArrayBuffer> | undefined {
  const hit = pages.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to drop when full.
    pages.delete(key);
    pages.set(key, hit);
  }
  return hit;
}

export function keepPage(key: string, html: Buffer<ArrayBuffer>) {
  pages.set(key, html);
  if (pages.size > MAX_ENTRIES) pages.delete(pages.keys().next().value!);
}
