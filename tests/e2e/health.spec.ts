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
