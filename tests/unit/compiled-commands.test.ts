import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { currentBuild } from "../../bin/compiled.mjs";

// Issue 19: the commands run their compiled build only while it is current, so an edit since the last
// `npm run build` never runs stale code (bin/isoxa.mjs then runs the TypeScript source).
describe("which build a command runs", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });
  function project() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-compiled-"));
    roots.push(root);
    fs.mkdirSync(path.join(root, "app", "modules"), { recursive: true });
    fs.writeFileSync(path.join(root, "app", "modules", "x.server.ts"), "export const x = 1;\n");
    return root;
  }
  const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

  it("no build yet: the source", () => {
    expect(currentBuild("report", project())).toBeUndefined();
  });

  it("a build newer than every source: the build; a source edited since: the source", () => {
    const root = project();
    const built = path.join(root, "build", "start", "report.js");
    fs.mkdirSync(path.dirname(built), { recursive: true });
    fs.writeFileSync(built, "");
    at(path.join(root, "app", "modules", "x.server.ts"), 1_000_000);
    at(built, 2_000_000);
    expect(currentBuild("report", root)).toBe(built);
    at(path.join(root, "app", "modules", "x.server.ts"), 3_000_000);
    expect(currentBuild("report", root)).toBeUndefined();
  });

  it("ISOXA_FROM_SOURCE=1 always runs the source", () => {
    const root = project();
    const built = path.join(root, "build", "start", "job.js");
    fs.mkdirSync(path.dirname(built), { recursive: true });
    fs.writeFileSync(built, "");
    at(path.join(root, "app", "modules", "x.server.ts"), 1_000_000);
    process.env.ISOXA_FROM_SOURCE = "1";
    try {
      expect(currentBuild("job", root)).toBeUndefined();
    } finally {
      delete process.env.ISOXA_FROM_SOURCE;
    }
    expect(currentBuild("job", root)).toBe(built);
  });
});
