import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { readCheckpoints, readTrailKey } from "~/lib/trail-key.server";
import { chainIsUnkeyed } from "~/modules/trail/keying.server";
import { verifyTrail } from "~/modules/trail/verify.server";
import { generate } from "../../bench/generate";

// The bench's generated data folder is a complete one (issue 15): `trail:verify` on it checks a keyed chain, a
// checkpoint and every uploaded file's bytes, as on a production folder — so the time it takes there is the real one.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-data-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("bench data folder", () => {
  it("has a keyed trail, a checkpoint and every file's bytes: verify passes, and names a removed file", async () => {
    const res = await generate("quick", { outDir: dir, log: () => {} });
    const db = openDatabase(res.file, { readonly: true });
    try {
      const key = readTrailKey(dir);
      expect(key).toBeDefined();
      expect(chainIsUnkeyed(db)).toBe(false);
      const checkpoints = readCheckpoints(dir, key!);
      expect(checkpoints).toHaveLength(1);
      const opts = { key, checkpoints, uploadsDir: path.join(dir, "files"), reportsDir: path.join(dir, "reports") };
      const verdict = verifyTrail(db, opts);
      expect(verdict.problems).toEqual([]);
      expect(verdict.rows).toBe(res.counts.trail);
      expect(res.counts.files).toBeGreaterThan(0);

      const first = db.$client.prepare("SELECT sha256 FROM files ORDER BY id LIMIT 1").get() as { sha256: string };
      fs.rmSync(path.join(dir, "files", first.sha256.slice(0, 2), first.sha256));
      expect(verifyTrail(db, opts).problems.map((p) => p.what)).toEqual(["file"]);
    } finally {
      db.$client.close();
    }
  });
});
