import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/**
 * Issue 18 ("Fit and finish"): every page of every role, at 390 px, in Vietnamese and in English, with
 *  - no horizontal overflow (the elements reaching furthest beyond the viewport are named when it fails),
 *  - no serious or critical axe violation,
 *  - no raw message key of the catalogues (nor "undefined", "NaN", "[object Object]") in the page's text,
 *  - no 5xx, no error thrown in the browser, and no link to a page that does not exist.
 *
 * The pages are found as a person finds them: one signed-in context per role crawls its own links, starting from
 * the home page, and opens one page per route (the first link to it: a real record of the demo data), plus the
 * pages no link leads to (the 404 page, forbidden pages, a report's verification page, a reported audit's
 * checklist...). A 403/404 page is checked like any other. Then the language is switched with the app's own switch
 * and the same pages are checked in English. Last, the roles together must have opened every page route of
 * app/routes (a new page is swept without editing this file; one no link leads to needs an entry in UNLINKED/FOLLOW).
 */

// ---------------------------------------------------------------------------------------------------------------
// Known failures of issue-18 items that another change is fixing. Each entry silences one check on the routes it
// names (route ids are app/routes file names); remove it when its item lands. An entry that matched nothing is
// reported in the test's annotations as "stale exception".
// ---------------------------------------------------------------------------------------------------------------
type Check = "overflow" | "axe" | "text" | "status";
type OpenItem = { item: number; check: Check; route: RegExp; match?: RegExp; why: string };
const OPEN_ISSUE_18_ITEMS: OpenItem[] = [
  // e.g. { item: 6, check: "overflow", route: /^compliance\._index$/, why: "the grid's hidden cell texts widen /compliance to ~1100 px" },
];
// ---------------------------------------------------------------------------------------------------------------

const ROLES = [
  { username: "quantri", role: "admin" },
  { username: "kiemtra.tinh", role: "inspector" },
  { username: "canbo.tinh", role: "officer, province" },
  { username: "thuky.laivung", role: "officer, commune" },
  { username: "chutich.laivung", role: "leader, commune" },
] as const;
/** Signed out: the sign-in page, the public pages, a verification code that matches no report. */
const PUBLIC_START = ["/login", "/cong-khai", "/reports/verify/ABCDE-12345"];

/** Pages no link leads to, opened by every role (each answers its page, a 403 or a 404: all are checked). */
const UNLINKED = ["/khong-co-trang-nay", "/admin/jobs", "/documents/new", "/reports/verify"];
/** From a page, pages that need a value read on it (besides its links and the pages under it: see pagesUnder). */
const FOLLOW: Record<string, (page: Page, url: URL) => Promise<string[]>> = {
  // The demo's one audit is already reported: no button leads to raising a finding from a checklist item.
  "audits.$id.checklist": async (page, url) => {
    const id = await page.locator("li[id^=item-]").first().getAttribute("id");
    return id ? [`${url.pathname.replace(/\/checklist$/, "")}/items/${id.slice("item-".length)}/finding`] : [];
  },
  // The public index lists provinces (?tinh=…, the same route): a unit's public page is one step further.
  "cong-khai._index": async (page) => {
    const province = await page.locator('a[href^="/cong-khai?tinh="]').first().getAttribute("href");
    const html = province ? await (await page.request.get(province)).text() : "";
    return (html.match(/href="(\/cong-khai\/[^"/?#]+)"/) ?? []).slice(1, 2);
  },
  "reports.$id._index": async (page) => {
    const code = (await page.locator("dd code").first().textContent())?.trim();
    return code ? [`/reports/verify/${encodeURIComponent(code)}`] : [];
  },
};

type Lang = "vi" | "en";
type Found = { who: string; lang: Lang; url: string; route: string; check: Check; detail: string };

// --- The app's routes, from app/routes (Remix flat routes): which are pages, and a pattern for each. ---
type Route = { id: string; page: boolean; pattern: RegExp; rank: number; segments: string[] };
const ROUTES_DIR = path.resolve("app/routes");
const ROUTES: Route[] = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .map((file) => {
    const id = file.replace(/\.tsx?$/, "");
    let rank = 0;
    // Segments are separated by dots outside [brackets] (escapes: du-lieu[.json] is "du-lieu.json").
    const segments = (id.match(/(?:[^.[]|\[[^\]]*\])+/g) ?? []).filter((s) => s !== "_index").map((s) => s.replace(/_$/, ""));
    const re = segments
      .map((s) => {
        if (s === "$") return ((rank += 100), "/.*");
        if (s.startsWith("$")) return ((rank += 1), "/[^/]+");
        return "/" + s.replace(/\[([^\]]*)\]/g, "$1").replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
      })
      .join("");
    const source = fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");
    return { id, page: file.endsWith(".tsx") && /export default/.test(source), pattern: new RegExp(`^${re || "/"}$`), rank, segments };
  })
  // Static segments win over parameters (/documents/legal is not document "legal"), the splat comes last.
  .sort((a, b) => a.rank - b.rank);
const routeOf = (href: string) => ROUTES.find((r) => r.pattern.test(new URL(href, "http://x").pathname));
/**
 * The pages under a record's page (its edit, review, acknowledge... pages), opened whether or not a button leads
 * there: which buttons show depends on the record's state, which the journeys run before this one may have changed.
 */
function pagesUnder(route: Route, url: URL): string[] {
  if (route.rank === 0 || route.rank >= 100) return [];
  const n = route.segments.length;
  return ROUTES.filter(
    (c) => c.page && c.segments.length > n && route.segments.every((s, i) => c.segments[i] === s) && c.segments.slice(n).every((s) => !s.startsWith("$")),
  ).map(
    (c) =>
      `${url.pathname}/${c.segments
        .slice(n)
        .join("/")
        .replace(/\[([^\]]*)\]/g, "$1")}`,
  );
}

// --- The message catalogues: every key, and the namespaces keys start with (a key missing from the catalogues is
// shown as itself, so an unknown "ns.something" token is suspect too). ---
const MESSAGES_DIR = path.resolve("app/i18n/messages");
async function messageKeys() {
  const keys = new Set<string>();
  for (const file of fs.readdirSync(MESSAGES_DIR).filter((f) => f.endsWith(".ts"))) {
    const catalogues = Object.values((await import(path.join(MESSAGES_DIR, file))) as Record<string, { vi?: Record<string, string> }>);
    for (const c of catalogues) for (const key of Object.keys(c.vi ?? {})) keys.add(key);
  }
  return { keys, namespaces: new Set([...keys].map((k) => k.split(".")[0]!)) };
}

// --- axe, loaded into every page of the context before the page's own scripts: far cheaper than AxeBuilder (which
// injects the source over the protocol and finishes each run in a separate blank page), same rules and results. ---
const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js", { paths: [path.dirname(require.resolve("@axe-core/playwright"))] }), "utf8");

/** What the page shows: its width, the elements widening it, its text, and its <main> (to check a content once). */
function measure() {
  const vw = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const culprits: string[] = [];
  if (scrollWidth > vw + 1) {
    // Clipped by a scroll box on its containing-block chain? (An absolutely positioned child of an unpositioned
    // scroll box escapes it, and widens the page.)
    const clipped = (el: Element) => {
      for (let cur = el; ;) {
        const position = getComputedStyle(cur).position;
        if (position === "fixed") return false;
        let p = cur.parentElement;
        if (position === "absolute")
          while (p && p !== document.body && getComputedStyle(p).position === "static" && getComputedStyle(p).transform === "none") p = p.parentElement;
        if (!p || p === document.body) return false;
        if (getComputedStyle(p).overflowX !== "visible") return true;
        cur = p;
      }
    };
    const name = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : "") +
      [...el.classList].map((c) => `.${c}`).join("") +
      (el.textContent ? ` "${el.textContent.trim().replace(/\s+/g, " ").slice(0, 40)}"` : "");
    const wide = [...document.body.querySelectorAll("*")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.right > vw + 1 && r.width > 0 && !clipped(el))
      .sort((a, b) => b.r.right - a.r.right || b.r.width - a.r.width);
    for (const { el, r } of wide.slice(0, 3)) culprits.push(`${name(el)} (${Math.round(r.width)} px wide, right edge at ${Math.round(r.right)} px)`);
  }
  return { vw, scrollWidth, culprits, text: document.body.innerText, main: (document.querySelector("main") ?? document.body).innerHTML };
}

/** The same filter as `expectAccessible` in fixtures.ts: serious and critical violations only. */
async function axeViolations() {
  type Results = { violations: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }[] };
  const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<Results> } }).axe;
  const r = await axe.run(document, { resultTypes: ["violations"] });
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test.use({ viewport: { width: 390, height: 844 }, trace: "off" }); // a failure lists every page and check; a trace of ~500 pages would only slow it

test("every page of every role at 390 px, in Vietnamese and English: no overflow, no axe serious/critical, no raw key", async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const { keys, namespaces } = await messageKeys();
  expect(keys.size).toBeGreaterThan(1000);
  const found: Found[] = [];
  const visitedRoutes = new Map<string, Set<number>>();
  /** Contents (language + the HTML of <main>) already checked with axe on an earlier page (of any role): not checked twice. */
  const axed = new Set<string>();
  const time = { load: 0, axe: 0, axeSkipped: 0, pages: 0 };

  async function check(page: Page, who: string, lang: Lang, url: string, route: string, status: number, always = false) {
    const at = (check: Check, detail: string) => found.push({ who, lang, url, route, check, detail });
    if (status >= 500) at("status", `answered ${status}`);
    const seen = await page.evaluate(measure);
    if (seen.scrollWidth > seen.vw + 1) at("overflow", `${seen.scrollWidth} px wide in ${seen.vw} px; reaching furthest: ${seen.culprits.join("; ") || "?"}`);
    const raw = new Set<string>();
    for (const token of seen.text.match(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g) ?? []) {
      const t = token.replace(/\.+$/, "");
      if (keys.has(t) || (namespaces.has(t.split(".")[0]!) && /^[a-z][\w-]*(\.[A-Za-z_][\w-]*)+$/.test(t))) raw.add(t);
    }
    for (const word of seen.text.match(/\bundefined\b|\bNaN\b|\[object Object\]/g) ?? []) raw.add(word);
    if (raw.size) at("text", `raw text: ${[...raw].join(", ")}`);
    const contents = `${lang}\n${createHash("sha256").update(seen.main).digest("hex")}`;
    if (axed.has(contents) && !always) time.axeSkipped++;
    else {
      axed.add(contents);
      const start = Date.now();
      for (const v of await page.evaluate(axeViolations)) at("axe", v);
      time.axe += Date.now() - start;
    }
  }

  async function open(page: Page, url: string) {
    const start = Date.now();
    const response = await page.goto(url, { waitUntil: "load" });
    time.load += Date.now() - start;
    time.pages++;
    const finalUrl = new URL(page.url());
    return { status: response?.status() ?? 0, route: routeOf(finalUrl.pathname)?.id ?? "?", finalUrl };
  }

  /** Crawl in Vietnamese (checking each page), then check the same pages in English. */
  async function sweep(browser: Browser, who: string, username: string | null, start: string[]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript({ content: AXE_SOURCE });
    const page = await context.newPage();
    let lang: Lang = "vi";
    // A script that throws in the browser (hydration included) is a problem of the page too.
    page.on("pageerror", (e) => {
      const url = new URL(page.url());
      found.push({ who, lang, url: url.pathname + url.search, route: routeOf(url.pathname)?.id ?? "?", check: "status", detail: `page error: ${e.message}` });
    });
    if (username) await signIn(page, username);
    const visits: { url: string; route: string }[] = [];
    const byRoute = new Set<string>();
    const queue = [...start, ...UNLINKED];
    const queued = new Set(queue);
    while (queue.length) {
      const url = queue.shift()!;
      const target = routeOf(url);
      if (target && byRoute.has(target.id)) continue;
      const { status, route, finalUrl } = await open(page, url);
      if (byRoute.has(route)) continue; // redirected (e.g. signed out → /login) to a page already checked
      byRoute.add(route);
      if (target) byRoute.add(target.id);
      const shown = finalUrl.pathname + finalUrl.search;
      visits.push({ url: shown, route });
      if (!visitedRoutes.has(route)) visitedRoutes.set(route, new Set());
      visitedRoutes.get(route)!.add(status);
      await check(page, who, "vi", shown, route, status);
      const links = await page.evaluate(() =>
        [...document.querySelectorAll("a[href]:not([download])")].map((a) => a.getAttribute("href") ?? "").filter((h) => /^\/(?!\/)/.test(h)),
      );
      const more = [...((await FOLLOW[route]?.(page, finalUrl)) ?? []), ...pagesUnder(routeOf(finalUrl.pathname)!, finalUrl)];
      for (const href of [...links.map((h) => h.split("#")[0]!), ...more]) {
        const r = routeOf(href);
        if (r?.id === "$") found.push({ who, lang: "vi", url: shown, route, check: "status", detail: `link to no page: ${href}` });
        if (!r || !r.page || r.id === "$" || byRoute.has(r.id) || queued.has(href)) continue;
        queued.add(href);
        queue.push(href);
      }
    }

    /** The home page with the menu open (at 390 px it is folded behind the "Menu" button). */
    const withMenu = async () => {
      if (!username) return;
      await open(page, "/");
      const menu = page.getByRole("button", { name: "Menu" });
      // The button works once the page is hydrated: click until it opens.
      await expect(async () => {
        if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
        await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
      }).toPass();
      await expect(page.locator("#main-nav")).toBeVisible();
      await check(page, who, lang, "/ (menu open)", "_index", 200, true);
    };
    await withMenu();

    await page.goto(visits[0]!.url);
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    lang = "en";
    for (const v of visits) {
      const { status } = await open(page, v.url);
      await check(page, who, "en", v.url, v.route, status);
    }
    await withMenu();
    await context.close();
    testInfo.annotations.push({ type: `pages of ${who}`, description: visits.map((v) => v.url).join(" ") });
  }

  // Two roles at a time: while one page renders on the server, the other is measured in the browser.
  const sessions = [...ROLES, { username: null, role: "signed out" }];
  const lane = async () => {
    for (let r = sessions.shift(); r; r = sessions.shift()) {
      const { username, role } = r;
      await test.step(`${username ?? role} (${role})`, () => sweep(browser, username ?? role, username, username ? ["/"] : PUBLIC_START));
    }
  };
  await Promise.all([lane(), lane()]);
  testInfo.annotations.push({ type: "answers per route", description: [...visitedRoutes].map(([id, st]) => `${id}: ${[...st].join("/")}`).join("\n") });

  // Every problem, except those of the open issue-18 items (listed as annotations, so they stay visible).
  const used = new Set<OpenItem>();
  const problems: string[] = [];
  for (const f of found.sort((a, b) => `${a.who}${a.lang}`.localeCompare(`${b.who}${b.lang}`))) {
    const line = `${f.who} [${f.lang}] ${f.url} ${f.check}: ${f.detail}`;
    const known = OPEN_ISSUE_18_ITEMS.find((o) => o.check === f.check && o.route.test(f.route) && (!o.match || o.match.test(f.detail)));
    if (!known) problems.push(line);
    else {
      used.add(known);
      testInfo.annotations.push({ type: `known: issue 18 item ${known.item}`, description: line });
    }
  }
  for (const o of OPEN_ISSUE_18_ITEMS.filter((x) => !used.has(x)))
    testInfo.annotations.push({
      type: "stale exception",
      description: `issue 18 item ${o.item}, ${o.check} on ${o.route}: remove it from OPEN_ISSUE_18_ITEMS`,
    });
  testInfo.annotations.push({
    type: "time",
    description: `${time.pages} page loads: ${time.load} ms loading, ${time.axe} ms in axe (${time.axeSkipped} contents already checked)`,
  });
  expect(problems, `${time.pages} pages checked`).toEqual([]);

  // The roles together opened every page route (an unreachable new page would escape the sweep).
  const pages = ROUTES.filter((r) => r.page).map((r) => r.id);
  expect(
    pages.filter((id) => !visitedRoutes.has(id)),
    "page routes no role opened",
  ).toEqual([]);
});
