import cluster from "node:cluster";
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
// why in memory: the limit protects the server from one address, and a restart may forget it. With several web
// workers (WEB_CONCURRENCY) the buckets live in the primary process only: server.ts asks it for each public request
// (publicBudgetWait) and hands the answer to the route in PUBLIC_WAIT_HEADER, so one address has one budget however
// its requests are spread. Behind a reverse proxy every request comes from the proxy's address: set
// PUBLIC_RATE_PER_MIN for that, or 0 and limit there.
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

/**
 * The header through which server.ts tells the public routes how long this request's address must wait (0 = go on).
 * server.ts always removes a client's own copy and sets it on /cong-khai requests, like x-isoxa-client-ip.
 */
export const PUBLIC_WAIT_HEADER = "x-isoxa-public-wait";

/** Whether the request is one of the public pages' (the only ones that take from an address's budget). */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/cong-khai" || pathname.startsWith("/cong-khai/") || pathname.startsWith("/cong-khai.");
}

type TokenAsk = { type: "isoxa:public-token"; id: number; address: string; nowMs: number; perMin: number };
type TokenAnswer = { type: "isoxa:public-token"; id: number; wait: number };
const asked = new Map<number, (wait: number) => void>();
let nextAsk = 1;
let listening = false;

/**
 * Take one token for `address`: from this process's buckets when it is the only web process, else from the
 * primary's (one IPC round trip). Resolves to the seconds to wait (0 = allowed).
 */
export function publicBudgetWait(address: string, nowMs: number, perMin: number): Promise<number> {
  if (perMin <= 0) return Promise.resolve(0);
  if (!cluster.isWorker || !process.send) return Promise.resolve(takeToken(address, nowMs, perMin));
  if (!listening) {
    process.on("message", onAnswer);
    listening = true;
  }
  const id = nextAsk++;
  return new Promise((resolve) => {
    asked.set(id, resolve);
    process.send!({ type: "isoxa:public-token", id, address, nowMs, perMin } satisfies TokenAsk);
  });
}

function onAnswer(m: unknown) {
  const a = m as Partial<TokenAnswer> | null;
  if (a?.type !== "isoxa:public-token" || typeof a.id !== "number") return;
  asked.get(a.id)?.(Number(a.wait) || 0);
  asked.delete(a.id);
}

/** In the primary: answer the workers' token requests from the one set of buckets. */
export function answerPublicBudgets() {
  cluster.on("message", (worker, m: Partial<TokenAsk> | null) => {
    if (m?.type !== "isoxa:public-token" || typeof m.id !== "number") return;
    const wait = takeToken(String(m.address), Number(m.nowMs), Number(m.perMin));
    worker.send({ type: "isoxa:public-token", id: m.id, wait } satisfies TokenAnswer);
  });
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
  // The running server has already taken the token (in the primary when there are several workers) and says the
  // answer in PUBLIC_WAIT_HEADER; a request that did not come through server.ts (tests of the routes) takes it here.
  const told = request.headers.get(PUBLIC_WAIT_HEADER);
  const wait = told !== null ? Math.max(0, Number(told) || 0) : takeToken(clientAddress(request), now().getTime(), config().publicRatePerMin);
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
