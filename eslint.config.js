// ESLint (flat config). Syntax-only typescript-eslint rules (no type information), so `npm run lint` stays
// well under a minute on a small machine; `tsc --noEmit` does the type checking.
//
// The `no-restricted-imports` blocks below are the import floors of the code (see docs/CONVENTIONS: routes
// orchestrate, modules decide, templates draw, jobs call the domain). app/lib is the ground floor; app/modules
// stands on it; app/http and app/routes sit on top; app/components serve the routes in the browser too; templates
// draw typed data; jobs call domain verbs; db holds the schema and the storage operations. A rule here makes a
// floor true: an import that breaks it fails `npm run lint`, and so `npm test`.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The `patterns` of one floor: the aliases (gitignore-style `group`; `#` is escaped, it would start a comment)
 * and, so that a relative path cannot walk around the rule, the same folders reached by `../`.
 */
function floor(message, { group = [], relative = [] }) {
  const out = [];
  if (group.length) out.push({ group, message });
  if (relative.length) out.push({ regex: `^(\\.\\./)+(${relative.join("|")})(/|$)`, message });
  return out;
}
const alias = (...names) => names.flatMap((n) => [n, `${n}/*`]);

const DB_UP = "db holds the schema and the storage operations; the app stands on it, not the other way round.";
const DB_JOBS = "db does not call jobs: a job calls db (the nightly backup job calls db/backup.ts).";

export default defineConfig(
  {
    ignores: [
      "build/**",
      "bench/remix-min/build/**",
      "node_modules/**",
      "data/**",
      "public/**",
      "tests/.tmp/**",
      "bench/.data/**",
      "test-reports/**",
      "test-results*/**",
      "playwright-report/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    // A disable comment that no longer silences anything is an error: it must keep meaning something.
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Unused bindings are errors, except the ones named `_…` on purpose (a rest sibling dropped, an ignored argument).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ["**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
  },

  // ---- One clock ----
  // The app reads the time from ctx.now / ctx.today, or outside a ctx from `now()` (app/lib/clock.server.ts, the one
  // place that reads the system clock: ISOXA_NOW starts it at a fixed instant for the tests). A time budget is a
  // duration on the monotonic clock (app/lib/budget.ts), never a date.
  {
    // Also the test harnesses that start servers and wait on them (tests/crash, tests/support, tests/integration):
    // their server runs on the tests' fixed clock (ISOXA_NOW) and their waits are durations.
    files: [
      "app/**/*.{ts,tsx}",
      "jobs/**/*.ts",
      "db/**/*.ts",
      "templates/**/*.ts",
      "server.ts",
      "tests/crash/**/*.ts",
      "tests/support/**/*.ts",
      "tests/integration/**/*.ts",
    ],
    ignores: ["app/lib/clock.server.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Read the app's clock: ctx.now, or now() from app/lib/clock.server.ts (a duration: app/lib/budget.ts)." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Read the app's clock: ctx.now, or now() from app/lib/clock.server.ts.",
        },
      ],
    },
  },

  // ---- The floors ----
  {
    files: ["app/lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...floor("app/lib is the ground floor (time, locale, errors, zod, config, clock): it imports nothing from the app above it.", {
              group: alias("~/modules", "~/http", "~/components", "~/routes", "~/i18n"),
              relative: ["modules", "http", "components", "routes", "i18n"],
            }),
            ...floor("app/lib is the ground floor: no jobs, templates or database (the callers pass data down).", {
              group: alias("\\#jobs", "\\#templates", "\\#db"),
              relative: ["jobs", "templates", "db"],
            }),
          ],
        },
      ],
    },
  },
  {
    files: ["app/modules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...floor("the domain knows no HTTP: modules throw typed errors (~/lib/errors), never Responses; ~/http and the routes turn them into answers.", {
              group: ["@remix-run/*", ...alias("~/http", "~/routes")],
              relative: ["http", "routes"],
            }),
            ...floor("the domain serves the UI; it does not import it.", { group: alias("~/components"), relative: ["components"] }),
            ...floor("jobs call the domain (with a job ctx); a module importing jobs would be upside down.", { group: alias("\\#jobs"), relative: ["jobs"] }),
          ],
        },
      ],
    },
  },
  {
    files: ["templates/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/|(\\.\\./)+app(/|$))",
              message:
                "templates are pure drawing over typed data: the data arrives shaped (app/modules/reports builds it) and a template imports nothing from app/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["jobs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: floor("a job runs without a request: it calls domain verbs (~/modules) with a job ctx, never the web edge or a route.", {
            group: alias("~/http", "~/routes"),
            relative: ["app/http", "app/routes"],
          }),
        },
      ],
    },
  },
  {
    files: ["app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...floor("components run in the browser too: the web edge (~/http) is server-only.", { group: alias("~/http"), relative: ["http"] }),
            ...floor("components run in the browser too: a *.server module must never reach the client bundle (a shared type belongs in a non-server file).", {
              group: ["*.server", "*.server.*"],
            }),
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    // db/seed*.ts loads the demo data through the domain verbs, as a person would; the command-line entry
    // points (below) read the configuration.
    ignores: ["db/seed*.ts", "db/*-cli.ts", "db/migrate.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...floor(DB_UP, { group: ["~/*"], relative: ["app"] }), ...floor(DB_JOBS, { group: alias("\\#jobs"), relative: ["jobs"] })] },
      ],
    },
  },
  {
    files: ["db/*-cli.ts", "db/migrate.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(~/(?!lib/)|(\\.\\./)+app/(?!lib/))", message: `${DB_UP} A db command reads its configuration and clock from ~/lib, nothing else.` },
            ...floor(DB_JOBS, { group: alias("\\#jobs"), relative: ["jobs"] }),
          ],
        },
      ],
    },
  },

  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
);
