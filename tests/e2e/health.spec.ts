import { expect, test } from "./fixtures";

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
