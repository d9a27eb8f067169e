import zlib from "node:zlib";
import type { EntryContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { cachedPage, keepPage, NONCE_MARK, pageKey, takesGzip } from "~/http/html-cache.server";

// Which rendered pages may be kept (app/http/html-cache.server.ts): keyed by their URL and their data, so that changed
// data (another person's, or the same person's after a write) is never answered with a page rendered from the old;
// sent with the request's own nonce, plain or gzip.

function context(data: unknown, extra: Record<string, unknown> = {}): EntryContext {
  return {
    staticHandlerContext: {
      matches: [{ route: { id: "root" } }, { route: { id: "routes/page" } }],
      loaderData: { root: { user: { id: 1 } }, "routes/page": data },
      actionData: null,
      errors: null,
      ...extra,
    },
  } as unknown as EntryContext;
}
const get = (url = "http://x/corrective-actions") => new Request(url);

describe("kept pages", () => {
  it("keys a page by its URL and all of its data", () => {
    const a = pageKey(get(), 200, context({ rows: [1] }));
    expect(a).toBeDefined();
    expect(pageKey(get(), 200, context({ rows: [1] }))).toBe(a);
    expect(pageKey(get(), 200, context({ rows: [1, 2] }))).not.toBe(a);
    expect(pageKey(get("http://x/corrective-actions?page=2"), 200, context({ rows: [1] }))).not.toBe(a);
    const other = context({ rows: [1] });
    (other.staticHandlerContext.loaderData as Record<string, unknown>).root = { user: { id: 2 } };
    expect(pageKey(get(), 200, other)).not.toBe(a);
  });

  it("tells apart data that JSON would write the same (Maps, Sets, undefined, dates)", () => {
    const key = (data: unknown) => pageKey(get(), 200, context(data));
    expect(key({ m: new Map([[1, "a"]]) })).not.toBe(key({ m: new Map([[1, "b"]]) }));
    expect(key({ s: new Set([1]) })).not.toBe(key({ s: new Set([2]) }));
    expect(key({ a: undefined })).not.toBe(key({}));
    expect(key({ d: new Date(0) })).not.toBe(key({ d: new Date(0).toISOString() }));
  });

  it("never keeps a failed, non-GET, action's or still-resolving response", () => {
    expect(pageKey(get(), 404, context({}))).toBeUndefined();
    expect(pageKey(new Request("http://x/a", { method: "POST" }), 200, context({}))).toBeUndefined();
    expect(pageKey(get(), 200, context({}, { actionData: { a: 1 } }))).toBeUndefined();
    expect(pageKey(get(), 200, context({}, { errors: { root: new Error("x") } }))).toBeUndefined();
    expect(pageKey(get(), 200, context({ later: Promise.resolve(1) }))).toBeUndefined();
  });

  it("sends each request its own nonce, plain or as one valid gzip stream", () => {
    const html = Buffer.from(
      `<html><script nonce="${NONCE_MARK}">a()</script>${"<p>Hành động khắc phục</p>".repeat(500)}<script nonce="${NONCE_MARK}">b()</script></html>`,
    );
    const expected = (nonce: string) => html.toString().replaceAll(NONCE_MARK, nonce);
    const first = keepPage("k-nonce", html, "n1/+=", true);
    expect(first.gzip).toBe(true);
    expect(zlib.gunzipSync(first.body).toString()).toBe(expected("n1/+="));
    const plain = cachedPage("k-nonce", "second-nonce", false)!;
    expect(plain.gzip).toBe(false);
    expect(plain.body.toString()).toBe(expected("second-nonce"));
    const gz = cachedPage("k-nonce", "third", true)!;
    expect(zlib.gunzipSync(gz.body).toString()).toBe(expected("third"));
    expect(gz.body.length).toBeLessThan(html.length / 5);
    expect(gz.body.toString("latin1")).not.toContain(NONCE_MARK);
  });

  it("reads Accept-Encoding as HTTP does", () => {
    expect(takesGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(takesGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(takesGzip("*")).toBe(true);
    expect(takesGzip("gzip;q=0")).toBe(false);
    expect(takesGzip("br")).toBe(false);
    expect(takesGzip(null)).toBe(false);
  });

  it("keeps at most 1000 pages, dropping the least recently used", () => {
    keepPage("first", Buffer.from("1"), undefined);
    for (let i = 0; i < 999; i++) keepPage(`k${i}`, Buffer.from("x"), undefined);
    expect(cachedPage("first", undefined)?.body.toString()).toBe("1"); // used: now the most recent
    keepPage("one-more", Buffer.from("y"), undefined);
    expect(cachedPage("first", undefined)).toBeDefined();
    expect(cachedPage("k0", undefined)).toBeUndefined();
  });
});
