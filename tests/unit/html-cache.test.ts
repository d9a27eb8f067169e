import type { EntryContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { cachedPage, keepPage, plainPageKey } from "~/http/html-cache.server";

// Which rendered pages may be kept (app/http/html-cache.server.ts): plain pages read anonymously, keyed by their
// URL and their data, so that changed data is never answered with a page rendered from the old.

function context(data: unknown, hydrate: boolean | undefined): EntryContext {
  return {
    staticHandlerContext: { matches: [{ route: { id: "root" } }, { route: { id: "routes/page" } }], loaderData: { root: { user: null }, "routes/page": data } },
    routeModules: { root: {}, "routes/page": { handle: hydrate === undefined ? undefined : { hydrate } } },
  } as unknown as EntryContext;
}
const get = (cookie?: string) => new Request("http://x/cong-khai/DT-LAIVUNG", { headers: cookie ? { Cookie: cookie } : {} });

describe("rendered plain pages", () => {
  it("keys an anonymous plain page by its URL and data", () => {
    const a = plainPageKey(get(), 200, context({ docs: [1] }, false));
    expect(a).toBeDefined();
    expect(plainPageKey(get(), 200, context({ docs: [1] }, false))).toBe(a);
    expect(plainPageKey(get(), 200, context({ docs: [1, 2] }, false))).not.toBe(a);
    expect(plainPageKey(new Request("http://x/cong-khai/OTHER"), 200, context({ docs: [1] }, false))).not.toBe(a);
  });

  it("never keeps a signed-in, scripted, failed or non-GET response", () => {
    expect(plainPageKey(get("isoxa_session=abc"), 200, context({}, false))).toBeUndefined();
    expect(plainPageKey(get(), 200, context({}, undefined))).toBeUndefined();
    expect(plainPageKey(get(), 404, context({}, false))).toBeUndefined();
    expect(plainPageKey(new Request("http://x/cong-khai", { method: "POST" }), 200, context({}, false))).toBeUndefined();
  });

  it("keeps at most 200 pages, dropping the least recently used", () => {
    keepPage("first", Buffer.from("1"));
    for (let i = 0; i < 199; i++) keepPage(`k${i}`, Buffer.from("x"));
    expect(cachedPage("first")?.toString()).toBe("1"); // used: now the most recent
    keepPage("one-more", Buffer.from("y"));
    expect(cachedPage("first")).toBeDefined();
    expect(cachedPage("k0")).toBeUndefined();
  });
});
