/*
 * What a request must be before the app reads it (issue 16): its method, its target, its origin, and how many bytes
 * of body each kind of request may send. server.ts applies these before Remix sees the request; `handle` (the edge)
 * refuses a form action's body of the wrong type; parseMultipart uses the per-part limits. Plain functions over
 * plain values, so each rule is tested on its own.
 */

const MiB = 1024 * 1024;

/** The session cookie's name: a response to a request that carries it is marked `Cache-Control: no-store`. */
export const SESSION_COOKIE = "isoxa_session";

/** Methods the app answers; anything else (TRACE, PROPFIND, CONNECT…) is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** A form posted as application/x-www-form-urlencoded (or any body that is not multipart): small. */
export const FORM_MAX_BYTES = 1 * MiB;

/**
 * Forms that legitimately post more as urlencoded: the catalogue import's confirmation sends the previewed rows back
 * (up to 3,000 procedures as JSON, about 3 MB once percent-encoded).
 */
export const LARGE_FORMS: Record<string, number> = { "/procedures/import": 8 * MiB };

/** One non-file field of a multipart form, and the number of parts in one form. */
export const FIELD_MAX_BYTES = 1 * MiB;
export const MAX_PARTS = 1000;

/**
 * A multipart body may carry one file up to twice the upload limit: a file over the limit (but not absurdly so) is
 * read and dropped, and the form comes back with the error beside the file and every other field kept. Beyond
 * that the request is cut off with a 413.
 */
export function multipartMaxBytes(uploadMaxBytes: number): number {
  return 2 * uploadMaxBytes + MiB;
}

/** The largest body a request of this kind may send. */
export function bodyLimit(pathname: string, contentType: string | undefined, uploadMaxBytes: number): number {
  if (/^multipart\/form-data\b/i.test(contentType ?? "")) return multipartMaxBytes(uploadMaxBytes);
  // Remix's single fetch posts a form to "<path>.data" (and the index route's to "/_root.data").
  const path = pathname.replace(/\.data$/, "").replace(/\/$/, "") || "/";
  return LARGE_FORMS[path] ?? FORM_MAX_BYTES;
}

/** Thrown into a request's body stream when it passes its limit. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** The answers given before the app runs: Vietnamese first, English after, plain text. */
export const REFUSALS = {
  tooLarge: (limit: number) =>
    `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limit / MiB)} MB). Vui lòng giảm kích thước tệp hoặc nội dung rồi gửi lại. ` +
    `(Payload too large: at most ${Math.round(limit / MiB)} MB.)`,
  method: "Phương thức yêu cầu không được hỗ trợ. (Method not allowed.)",
  badTarget: "Địa chỉ yêu cầu không hợp lệ. (Bad request: the address contains control characters or invalid encoding.)",
  crossOrigin: "Yêu cầu bị từ chối: không cùng nguồn gốc. (Forbidden: cross-origin request.)",
};

// eslint-disable-next-line no-control-regex -- matching control characters is the point: a request must not carry them
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A request target that is not a clean path and query: control characters, raw or percent-encoded, anywhere in the
 * path or in a query parameter (a newline in `redirectTo` once split a response's headers), or an encoding that
 * does not decode.
 */
export function badTarget(target: string): boolean {
  if (CONTROL.test(target)) return true;
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  try {
    if (CONTROL.test(decodeURIComponent(path))) return true;
  } catch {
    return true;
  }
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(target.slice(q + 1))) if (CONTROL.test(k) || CONTROL.test(v)) return true;
  }
  return false;
}

/**
 * Whether a mutation comes from this site: its Origin (when sent) must be exactly one of the app's own origins,
 * scheme and port included (`https://host` is not `http://host`); without Origin, a browser's Sec-Fetch-Site must not
 * say cross-site. A garbage Origin is cross-origin, never an error.
 */
export function sameOrigin(origin: string | undefined, secFetchSite: string | undefined, own: string[]): boolean {
  if (origin === undefined) return secFetchSite !== "cross-site";
  let o: string;
  try {
    o = new URL(origin).origin;
  } catch {
    return false;
  }
  return o !== "null" && own.includes(o);
}

/**
 * The origins this server answers as: the scheme it was reached by and the Host header; with secure cookies on,
 * also https on the same host (TLS ended by a proxy in front); and PUBLIC_URL's origin when set.
 */
export function ownOrigins(protocol: string, host: string | undefined, opts: { secureCookies: boolean; publicUrl?: string }): string[] {
  const out: string[] = [];
  const add = (u: string) => {
    try {
      const o = new URL(u).origin;
      if (o !== "null" && !out.includes(o)) out.push(o);
    } catch {
      /* a host that is not a host: no origin */
    }
  };
  if (host) {
    add(`${protocol}://${host}`);
    if (opts.secureCookies) add(`https://${host}`);
  }
  if (opts.publicUrl) add(opts.publicUrl);
  return out;
}

/**
 * A form action's body must be a form: urlencoded, or multipart with its boundary (or no body at all). Anything
 * else (JSON, text/plain, multipart without a boundary, no type) is refused before the action reads it: 415 for a
 * type that is not a form, 400 for a multipart body without its boundary (the error page says "invalid request").
 */
export function formBodyRefusal(request: Request): Response | undefined {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const type = request.headers.get("content-type");
  if (!type) {
    const length = request.headers.get("content-length");
    const empty = (length === null || length === "0") && !request.headers.get("transfer-encoding");
    return empty ? undefined : refuse(415);
  }
  const [essence, ...params] = type.split(";").map((s) => s.trim());
  const kind = essence!.toLowerCase();
  if (kind === "application/x-www-form-urlencoded") return undefined;
  if (kind === "multipart/form-data") {
    const boundary = params.map((p) => /^boundary=(?:"([^"]{1,70})"|([^\s";]{1,70}))$/i.exec(p)).find(Boolean);
    return boundary ? undefined : refuse(400);
  }
  return refuse(415);
}

/** Whether an error is the platform failing to read a request body as a form (not a bug of the app). */
export function isBodyReadError(e: unknown, request: Request | undefined): boolean {
  if (!request?.bodyUsed || !(e instanceof Error)) return false;
  if (e instanceof BodyTooLargeError || e.name === "BodyTooLargeError") return true;
  return (
    e instanceof TypeError &&
    /^(Failed to parse body as FormData|Could not parse content as FormData|Content-Type was not one of|Body is unusable|terminated)/.test(e.message)
  );
}

/** A refusal for the route's error page: its body is the message key, as for a domain error. */
function refuse(status: number): Response {
  return new Response("errors.badRequest", { status });
}
