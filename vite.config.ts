import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { denyImports } from "vite-env-only";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    // The server-only floor, made explicit: Remix already drops loaders, actions and *.server modules from the
    // browser bundle; if a component or a route's UI code ever imports one of these, the build fails here
    // instead of shipping (or half-shipping) server code. ~/http is matched by file, so `../http/…` is caught too.
    denyImports({
      client: {
        specifiers: [/^node:/, "better-sqlite3", "#db/client", "~/http/**"],
        files: ["**/*.server.*", "**/.server/**", "app/http/**", "db/client.ts"],
      },
    }),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  // why: better-sqlite3 and pdfkit are native / CJS server packages; never bundle them.
  ssr: { external: ["better-sqlite3", "pdfkit", "exceljs", "node-cron"] },
});
