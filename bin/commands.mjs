// The command-line programs that `npm run <script>` starts through bin/isoxa.mjs, by name → TypeScript source.
// vite.server.config.ts compiles each to build/start/<name>.js beside the server.
export const COMMANDS = {
  report: "jobs/report.ts",
  job: "jobs/run.ts",
  scheduler: "jobs/worker.ts",
  backup: "db/backup-cli.ts",
  restore: "db/restore-cli.ts",
  "trail-verify": "app/modules/trail/verify-cli.ts",
  "db-migrate": "db/migrate.ts",
  "db-seed": "db/seed-cli.ts",
};

/** Modules compiled beside them for worker threads (no TypeScript loader in the thread when a build is current). */
export const WORKER_MODULES = {
  "report-render": "templates/render.ts",
};
