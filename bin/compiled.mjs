// Whether a compiled program in build/start/ (vite.server.config.ts) is current: it exists and no source file it is
// compiled from changed since. Used by bin/isoxa.mjs (the commands) and the PDF render worker.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "db", "jobs", "templates"];

/** The newest modification time of the sources the programs are compiled from (a few ms for ~400 files). */
function newestSource(root) {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "migrations" && e.name !== "node_modules") walk(p);
      } else if (/\.(ts|tsx|mjs|js|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCES) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return newest;
}

/**
 * The compiled file of `name` (build/start/<name>.js) when it exists and is newer than every source file, else
 * undefined (no build yet, or an edit since the last `npm run build`). ISOXA_FROM_SOURCE=1 always says undefined.
 */
export function currentBuild(name, root = ROOT) {
  if (process.env.ISOXA_FROM_SOURCE === "1") return undefined;
  const file = path.join(root, "build", "start", `${name}.js`);
  let built;
  try {
    built = fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  return newestSource(root) <= built ? file : undefined;
}
