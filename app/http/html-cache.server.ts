import { createHash, randomBytes } from "node:crypto";
import zlib from "node:zlib";
import type { EntryContext } from "@remix-run/node";
import { keptIdOf } from "~/modules/read-cache.server";

/*
 * Rendered pages, kept (issues 19 and 20). Once its loaders have run, a page's HTML is a function of its URL and its
 * loaders' data: the components read nothing else (no clock, no cookie: the language, the person and their unread
 * count are the root loader's data). So the same URL with the same data gives the same bytes, and React's rendering
 * of it, most of a page's cost, is saved when nothing changed. The data is still read on every request (through the
 * read cache where a page reads much: app/modules/read-cache.server.ts); the key holds a hash of it, so changed data
 * is a new key, never a stale page, and a person's page is only ever answered from their own data.
 *
 * The one per-request part of a scripted page is its CSP nonce: such a page is rendered with a mark in the nonce's
 * place (random per process, so no one can write it into a page), kept cut at the marks, and sent with the request's
 * own nonce in them. Plain pages (`hydrate: false`) have no script and no nonce.
 *
 * A kept page is also kept compressed (gzip), so that a reader whose browser takes gzip (every browser) is sent it
 * without compressing it again, about a third of a long list's cost once React's share is gone. Each part between
 * two nonces is its own deflate run, ended on a byte boundary (a sync flush); the nonce goes between them as a stored
 * block, and the stream ends with an empty final block and the whole text's CRC-32 and length: one valid gzip member.
 *
 * Kept: a GET answered 200, without errors, whose data holds nothing that is still coming (no deferred promises).
 * Never in development, where a component changes under the same data. Bounded by count and by bytes; the least
 * recently used goes first.
 */

const MAX_ENTRIES = 1000;
const MAX_BYTES = 32 * 1024 * 1024;
/** What a scripted page is rendered with in its nonce's place. */
export const NONCE_MARK = randomBytes(18).toString("base64url");
const MARK = Buffer.from(NONCE_MARK);
/** Bytes Response takes (a Buffer over its own ArrayBuffer). */
type Bytes = Buffer<ArrayBuffer>;

type Page = { parts: Bytes[]; gz: Bytes[] | undefined; bytes: number };
const pages = new Map<string, Page>();
let bytes = 0;

/** The cache key for this response, or undefined when it must be rendered every time. */
export function pageKey(request: Request, status: number, context: EntryContext): string | undefined {
  if (request.method !== "GET" || status !== 200 || process.env.NODE_ENV === "development") return undefined;
  const { loaderData, actionData, errors } = context.staticHandlerContext;
  if (actionData || errors) return undefined;
  const text = dataText(loaderData);
  return text === undefined ? undefined : createHash("sha256").update(request.url).update("\n").update(text).digest("base64url");
}

/**
 * The data as text, distinct for distinct data as the page would render it: Maps, Sets, dates, undefined and big
 * integers (which loaders may return through Remix's encoding) are spelled out, where JSON would write `{}` for
 * every Map or drop an undefined. Undefined when the data cannot be keyed (a promise still resolving).
 */
function dataText(data: unknown): string | undefined {
  let keyable = true;
  const text = JSON.stringify(data, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key]; // before toJSON: a Date is still a Date here
    if (raw && typeof raw === "object") {
      // A value of the read cache is never changed: its identity stands for its content (read-cache.server.ts).
      const kept = keptIdOf(raw);
      if (kept !== undefined) return `\u0000kept:${kept}`;
    }
    if (raw instanceof Date) return `\u0000date:${raw.getTime()}`;
    if (raw === undefined) return "\u0000undefined";
    if (typeof raw === "bigint") return `\u0000bigint:${raw}`;
    if (raw instanceof Map) return { "\u0000map": [...raw] };
    if (raw instanceof Set) return { "\u0000set": [...raw] };
    if (raw instanceof Promise || typeof raw === "function" || typeof raw === "symbol") keyable = false;
    return value;
  });
  return keyable ? text : undefined;
}

/** What a response carries: the page and whether it is gzip-encoded. */
export type PageBody = { body: Bytes; gzip: boolean };

/** The kept page for this key with `nonce` in its nonce's places (gzip when the reader takes it), or undefined. */
export function cachedPage(key: string, nonce: string | undefined, gzip = false): PageBody | undefined {
  const hit = pages.get(key);
  if (!hit) return undefined;
  // Most recently used last: the first key is the one to drop.
  pages.delete(key);
  pages.set(key, hit);
  return answer(hit, nonce, gzip);
}

/** Keeps a page rendered with NONCE_MARK in its nonce's places (or without a nonce); returns it as `cachedPage` would. */
export function keepPage(key: string, html: Bytes, nonce: string | undefined, gzip = false): PageBody {
  const old = pages.get(key);
  if (old) bytes -= old.bytes;
  pages.delete(key);
  const parts = cut(html);
  // (zlib.crc32 is Node ≥ 20.15: before it, pages are kept plain and the server compresses them as any response)
  const gz = typeof zlib.crc32 === "function" ? parts.map((p) => zlib.deflateRawSync(p, { finishFlush: zlib.constants.Z_SYNC_FLUSH })) : undefined;
  const page = { parts, gz, bytes: html.length + (gz?.reduce((n, b) => n + b.length, 0) ?? 0) };
  pages.set(key, page);
  bytes += page.bytes;
  for (const [k, p] of pages) {
    if (pages.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    pages.delete(k);
    bytes -= p.bytes;
  }
  return answer(page, nonce, gzip);
}

/** A page rendered with NONCE_MARK and not kept (not a 200 after all), with `nonce` in the mark's places. */
export function fillNonce(html: Bytes, nonce: string | undefined): Bytes {
  return plain(cut(html), nonce);
}

/** Whether an Accept-Encoding header takes gzip (listed, or `*`, without q=0). */
export function takesGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((item) => {
    const [coding = "", ...params] = item.split(";").map((s) => s.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "x-gzip" && coding !== "*") return false;
    const q = params.find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

function answer(page: Page, nonce: string | undefined, gzip: boolean): PageBody {
  return gzip && page.gz ? { body: gzipped(page, nonce), gzip: true } : { body: plain(page.parts, nonce), gzip: false };
}

function cut(html: Bytes): Bytes[] {
  const parts: Bytes[] = [];
  let at = 0;
  for (let i = html.indexOf(MARK); i >= 0; i = html.indexOf(MARK, at)) {
    parts.push(html.subarray(at, i));
    at = i + MARK.length;
  }
  parts.push(html.subarray(at));
  return parts;
}

function plain(parts: Bytes[], nonce: string | undefined): Bytes {
  if (parts.length === 1) return parts[0]!;
  const n = Buffer.from(nonce ?? "");
  const out: Bytes[] = [];
  parts.forEach((p, i) => (i ? out.push(n, p) : out.push(p)));
  return Buffer.concat(out);
}

/** gzip header: deflate, no name, no time, OS unknown. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty stored block marked final. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

function gzipped(page: Page, nonce: string | undefined): Bytes {
  const gz = page.gz!;
  const n = Buffer.from(nonce ?? "");
  const stored = Buffer.alloc(5);
  stored.writeUInt16LE(n.length, 1);
  stored.writeUInt16LE(~n.length & 0xffff, 3);
  const out: Bytes[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  page.parts.forEach((p, i) => {
    if (i) {
      out.push(stored, n);
      crc = zlib.crc32(n, crc);
      size += n.length;
    }
    out.push(gz[i]!);
    crc = zlib.crc32(p, crc);
    size += p.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}
