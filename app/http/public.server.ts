import { now } from "~/lib/clock.server";
import { config } from "~/lib/config.server";
import { SESSION_COOKIE } from "./guards.server";

/*
 * The public pages (/cong-khai…) answer anyone, so they must not be a way to load the server: every answer is
 * cacheable (Cache-Control public, 5 minutes; JSON and the embed also carry a weak ETag and answer 304 to a
 * matching If-None-Match), and each address has a budget of requests (a token bucket).
 */

/** How long browsers and shared caches may keep a public answer. */
export const PUBLIC_MAX_AGE_S = 300;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_S}`;

type Bucket = { tokens: number; at: number };
// why in memory: the limit protects this process from one address; several processes (or a restart) each keep
// their own buckets, so the effective limit is per process, which is what the server's capacity is too. Behind a
// reverse proxy every request comes from the proxy's address: set PUBLIC_RATE_PER_MIN for that, or 0 and limit there.
const buckets = new Map<string, Bucket>();
const MAX_BUCKETS = 10_000;

/**
 * Take one request from the address's budget: `perMin` tokens, refilled continuously, a burst of at most `perMin`.
 * Returns 0 when allowed, else the seconds until a token is back.
 */
export function takeToken(address: string, nowMs: number, perMin: number): number {
  if (perMin <= 0) return 0;
  let b = buckets.get(address);
  if (!b) {
    if (buckets.size >= MAX_BUCKETS) pruneFull(nowMs, perMin);
    b = { tokens: perMin, at: nowMs };
    buckets.set(address, b);
  }
  const perMs = perMin / 60_000;
  b.tokens = Math.min(perMin, b.tokens + (nowMs - b.at) * perMs);
  b.at = nowMs;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
}

/** Drop buckets that have refilled (they hold nothing an empty one would not), else the oldest half. */
function pruneFull(nowMs: number, perMin: number) {
  const perMs = perMin / 60_000;
  for (const [k, b] of buckets) if (b.tokens + (nowMs - b.at) * perMs >= perMin) buckets.delete(k);
  if (buckets.size >= MAX_BUCKETS) {
    let n = buckets.size / 2;
    for (const k of buckets.keys()) {
      if (n-- <= 0) break;
      buckets.delete(k);
    }
  }
}

/** Forget every bucket (tests). */
export function resetPublicBudgets() {
  buckets.clear();
}

/** The client's address as server.ts saw it on the socket (never a header the client chose). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-isoxa-client-ip") ?? "unknown";
}

/** Refuse with 429 (and Retry-After) when the address has spent its budget. */
export function requirePublicBudget(request: Request) {
  // why Date.now and not the app clock: a rate is about elapsed real time, not about the calendar.
  const wait = takeToken(clientAddress(request), now().getTime(), config().publicRatePerMin);
  if (wait > 0)
    throw new Response("public.errors.tooMany", {
      status: 429,
      headers: { "Retry-After": String(wait), "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
}

/** Whether the request carries a session: its pages must not be stored by a shared cache (the menu names the person). */
export function hasSession(request: Request): boolean {
  return new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(request.headers.get("Cookie") ?? "");
}

/** Whether the client already holds this version (If-None-Match lists the ETag, or "*"). */
export function notModified(request: Request, etag: string): boolean {
  const inm = request.headers.get("If-None-Match");
  if (!inm) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return inm.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/**
 * A cacheable public answer: 304 when the client holds this version, else the body. `Vary: Accept-Encoding` only:
 * the content does not depend on who asks.
 */
export function publicResponse(request: Request, body: string, etag: string, type: string, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL, Vary: "Accept-Encoding", ...extra };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers: { ...headers, "Content-Type": type } });
}

/** The site's address for absolute links (JSON, the embed snippet): PUBLIC_URL, else the request's origin. */
export function publicBase(request: Request): string {
  return config().publicUrl || new URL(request.url).origin;
}

/** Paths that other sites may show in a frame (the embed); everything else keeps frame-ancestors 'none'. */
export function isEmbedPath(pathname: string): boolean {
  return /^\/cong-khai\/[A-Za-z0-9][A-Za-z0-9._-]{0,39}\/nhung\/?$/.test(pathname);
}
