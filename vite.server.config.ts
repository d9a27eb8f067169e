import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { COMMANDS, WORKER_MODULES } from "./bin/commands.mjs";

// The production server (server.ts: Express, the Remix handler, the scheduler, the database) and the command-line
// programs (`npm run report`, `job`, `backup`, `trail:verify`…; bin/commands.mjs lists them) compiled to plain
// JavaScript after the app's own build. `npm start` then runs the server with plain `node`: without a TypeScript
// loader in the process the server's resident memory under load fell from about 350 MB to about 210 MB (issue 8);
// the commands start in a fraction of the time tsx needs to compile their imports (issue 19). Shared code lands
// in build/start/chunks. Dependencies stay in node_modules (Vite's SSR build keeps them external).
export default defineConfig({
  plugins: [tsconfigPaths()],
  build: {
    ssr: true,
    outDir: "build/start",
    target: "node20",
    emptyOutDir: true,
    copyPublicDir: false,
    rollupOptions: {
      input: { server: "server.ts", ...COMMANDS, ...WORKER_MODULES },
      // The worker modules are imported by name (their exports are their interface), not run.
      preserveEntrySignatures: "exports-only",
      output: { entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
