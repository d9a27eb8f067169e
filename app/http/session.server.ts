import { createCookie, redirect } from "@remix-run/node";
import { getSessionUser, type SessionUser } from "~/modules/auth/sessions.server";
import { now } from "~/lib/clock.server";
import { config } from "~/lib/config.server";
import { getDb } from "./db.server";
import { SESSION_COOKIE } from "./guards.server";

function sessionCookie() {
  const c = config();
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: c.secureCookies,
    path: "/",
    maxAge: c.sessionDays * 24 * 3600,
  });
}

export async function readSessionToken(request: Request): Promise<string | undefined> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 && value.length < 100 ? value : undefined;
}

export function commitSessionToken(token: string) {
  return sessionCookie().serialize(token);
}

export function clearSessionToken() {
  return sessionCookie().serialize("", { maxAge: 0 });
}

// why a per-request cache: root and route loaders both ask for the user in one request.
const perRequest = new WeakMap<Request, Promise<SessionUser | undefined>>();

export function getUser(request: Request): Promise<SessionUser | undefined> {
  let p = perRequest.get(request);
  if (!p) {
    p = readSessionToken(request).then((token) => (token ? getSessionUser(getDb(), token, now(), config().sessionDays) : undefined));
    perRequest.set(request, p);
  }
  return p;
}

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back && back !== "/" ? `/login?redirectTo=${encodeURIComponent(back)}` : "/login");
  }
  return user;
}

export function clientIp(request: Request): string {
  // The server sets this header from the socket (server.ts); a client cannot forge it through the proxy-less setup.
  return request.headers.get("x-isoxa-client-ip") ?? "unknown";
}

/**
 * Only a path of this app may be a redirect target (no open redirect): it starts with one "/", and carries no control
 * character (a browser drops a tab or newline, so "/<TAB>/evil.example" is "//evil.example"), no backslash (read as
 * "/"), no encoded slash or backslash in its path, no encoded control character, and resolves to this origin. The answer is the path as a
 * URL writes it (percent-encoded), so it is always a valid Location header.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2048 || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
  if (/[\u0000-\u001f\u007f\\]|[\p{Cf}\p{Zl}\p{Zp}]/u.test(to)) return fallback;
  const end = to.search(/[?#]/);
  if (/%(2f|5c)/i.test(end < 0 ? to : to.slice(0, end)) || /%([01][0-9a-f]|7f)/i.test(to)) return fallback;
  const base = "http://isoxa.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
