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
import { currentBuild, ROOT } from "./compiled.mjs";

const name = process.argv[2];
const source = name ? COMMANDS[name] : undefined;
if (!source) {
  console.error(`usage: node bin/isoxa.mjs <command> [args…]; commands: ${Object.keys(COMMANDS).join(", ")}`);
  process.exit(2);
}
// The command sees its own arguments where it expects them (process.argv[2] onwards).
process.argv.splice(2, 1);

const compiled = currentBuild(name);
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  if (process.env.ISOXA_FROM_SOURCE !== "1")
    console.error(
      `[isoxa] ${fs.existsSync(path.join(ROOT, "build", "start", `${name}.js`)) ? "sources changed since the last build" : "no build yet"}: running ${source} through tsx (\`npm run build\` makes it start faster)`,
    );
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: path.join(ROOT, "tsconfig.json") });
  await import(pathToFileURL(path.join(ROOT, source)).href);
}
