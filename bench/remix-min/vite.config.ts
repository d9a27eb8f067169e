import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";

// The minimal Remix 2 app the load benchmark measures beside ours (issue 19 item 3): the framework's own floor, same
// Remix version and future flags, same adapter shape (bench/remix-min/server.mjs). Built by bench/run.ts into
// bench/remix-min/build.
export default defineConfig({
  root: import.meta.dirname,
  logLevel: "warn",
  plugins: [
    remix({
      // Absolute: Remix resolves these from the working directory, not from `root`.
      appDirectory: path.join(import.meta.dirname, "app"),
      buildDirectory: path.join(import.meta.dirname, "build"),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  ssr: { external: ["better-sqlite3"] },
});
