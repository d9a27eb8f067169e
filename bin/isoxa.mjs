// `node bin/isoxa.mjs <command> [args…]`: what `npm run report|job|scheduler|backup|restore|trail:verify|db:*` start.
// Runs the compiled program (build/start/<command>.js, made by `npm run build`) with plain node: it starts in a
// fraction of the time a TypeScript loader needs to compile the imports (issue 19). When there is no build yet, or
// a source file is newer than the build (an edit since the last `npm run build`), it runs the TypeScript source
// through tsx instead and says so on stderr: a command never runs stale code, and a fresh clone works without a
// build. ISOXA_FROM_SOURCE=1 forces the source.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { COMMANDS } from "./commands.mjs";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
const source = name ? COMMANDS[name] : undefined;
if (!source) {
  console.error(`usage: node bin/isoxa.mjs <command> [args…]; commands: ${Object.keys(COMMANDS).join(", ")}`);
  process.exit(2);
}
// The command sees its own arguments where it expects them (process.argv[2] onwards).
process.argv.splice(2, 1);

const compiled = path.join(root, "build", "start", `${name}.js`);
const SOURCES = ["app", "db", "jobs", "templates"];

/** The newest modification time of the TypeScript sources a command is compiled from (a few ms for ~400 files). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "migrations" && e.name !== "node_modules") walk(p);
      } else if (/\.(ts|tsx|mjs|js|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCES) walk(path.join(root, d));
  return newest;
}

function compiledIsCurrent() {
  if (process.env.ISOXA_FROM_SOURCE === "1") return false;
  let built;
  try {
    built = fs.statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
  return newestSource() <= built;
}

if (compiledIsCurrent()) {
  await import(pathToFileURL(compiled).href);
} else {
  if (process.env.ISOXA_FROM_SOURCE !== "1")
    console.error(
      `[isoxa] ${fs.existsSync(compiled) ? "sources changed since the last build" : "no build yet"}: running ${source} through tsx (\`npm run build\` makes it start faster)`,
    );
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: path.join(root, "tsconfig.json") });
  await import(pathToFileURL(path.join(root, source)).href);
}
