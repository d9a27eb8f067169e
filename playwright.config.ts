import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e-data";
// The app under test runs on a fixed clock (it starts at this instant and runs on), so that the journeys give the
// same answer on every day of the year; the demo data is dated relative to it. Keep in step with tests/e2e/fixtures.ts.
const E2E_NOW = "2026-11-25T02:00:00Z";

/**
 * Browser journeys against the production build, on Debian's chromium (browsers cannot be downloaded here).
 * The server starts on a fresh data folder, so the demo data is loaded on first start exactly as for a user.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The compiled server exactly as `npm start` runs it (test:e2e builds first).
    command: `rm -rf ${DATA_DIR} && npm start`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR, SECURE_COOKIES: "off", NODE_ENV: "production", ISOXA_NOW: E2E_NOW, WEB_CONCURRENCY: "1" },
  },
});
