import { expect, signIn, test } from "./fixtures";

test("GET /healthz says the database is reachable and how many migrations are applied", async ({ request }) => {
  const r = await request.get("/healthz");
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({ ok: true, database: "reachable" });
  expect(body.migrations).toBeGreaterThanOrEqual(2);
});

test("a cross-site form post is refused", async ({ request }) => {
  const r = await request.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(r.status()).toBe(403);
});

test("pages carry a nonce-based Content-Security-Policy and the app still hydrates under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  const resp = await page.goto("/login");
  const csp = resp?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(resp?.headers()["x-frame-options"]).toBe("DENY");
  // Client-side validation only works once React has hydrated: an empty submit shows errors without a reload.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Vui lòng nhập thông tin này.").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a page read again is sent from its kept copy: gzip, with each response's own nonce, and hydrates", async ({ page }) => {
  // app/http/html-cache.server.ts (decision 0019): the second and third reads of the same data are not rendered again,
  // but each carries the nonce of its own Content-Security-Policy, or the browser would refuse its scripts.
  await signIn(page, "kiemtra.tinh");
  const reads = [];
  for (let i = 0; i < 3; i++) {
    const r = await page.request.get("/corrective-actions", { headers: { "Accept-Encoding": "gzip" } });
    expect(r.status()).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];
    reads.push({ nonce, body: await r.text(), encoding: r.headers()["content-encoding"] });
  }
  expect(new Set(reads.map((r) => r.nonce)).size).toBe(3);
  for (const r of reads) {
    expect(r.encoding).toBe("gzip");
    const nonces = [...r.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(nonces.length).toBeGreaterThan(1);
    expect(new Set(nonces)).toEqual(new Set([r.nonce]));
    expect(r.body.replaceAll(r.nonce!, "N")).toBe(reads[0]!.body.replaceAll(reads[0]!.nonce!, "N"));
  }
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  // Opened in the browser (a kept copy by now): it hydrates, so the client-side filter works without a reload.
  await page.goto("/corrective-actions");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
  expect(await page.evaluate(() => Boolean((window as unknown as { __remixContext?: unknown }).__remixContext))).toBe(true);
});
