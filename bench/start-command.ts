import fs from "node:fs";

/**
 * The node arguments of package.json's start script ("node <V8 flags> build/start/server.js"): the benchmarks start
 * the server exactly as `npm start` does, flags included, and sample that process's memory (not npm's).
 */
export function startArgs(): string[] {
  const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start.trim().split(/\s+/);
  if (start[0] !== "node") throw new Error(`unexpected start script: ${start.join(" ")}`);
  return start.slice(1);
}
