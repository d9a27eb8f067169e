import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Kept apart from vite.config.ts: the Remix plugin must not run under vitest.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
    // PDFs render in the test's own thread: a worker per test file would only cost time. The app's clock starts at
    // the tests' fixed instant (tests/support/db.ts TEST_NOW), so a route under test does not read today's date.
    env: { REPORTS_WORKER: "off", ISOXA_NOW: "2026-11-25T03:00:00Z" },
    reporters: ["default", ["json", { outputFile: "test-reports/vitest.json" }]],
  },
});
