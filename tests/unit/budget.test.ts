import { describe, expect, it } from "vitest";
import { SPENT, timeBudget } from "~/lib/budget";
import { readArchive } from "~/modules/imports/archive-core";
import { parseTabular, TABULAR_LIMITS } from "~/modules/imports/tabular-core";
import { pdfBytes, zipOf } from "../support/archives";

// A reading's time budget is a duration on a clock the caller gives (monotonic by default), never a date: these
// tests step their own clock, so they answer the same on any day and on any machine.
describe("time budgets of file readings", () => {
  it("is exceeded only once more than its milliseconds have passed on its clock", () => {
    let t = 1_000;
    const b = timeBudget(50, () => t);
    expect(b.exceeded()).toBe(false);
    t += 50;
    expect(b.exceeded()).toBe(false);
    t += 1;
    expect(b.exceeded()).toBe(true);
  });

  it("a spreadsheet read on a spent budget stops with 'too slow'; the same file on a fresh one is read", async () => {
    const csv = Buffer.from("Mã TTHC,Tên thủ tục\n" + "1.001,Khai sinh\n".repeat(600));
    await expect(parseTabular(csv, TABULAR_LIMITS, SPENT)).rejects.toThrow("imports.errors.tooSlow");
    const rows = await parseTabular(csv, TABULAR_LIMITS, timeBudget(60_000));
    expect(rows.filter((r) => r.cells.some((c) => c)).map((r) => r.cells[1])).toEqual(["Tên thủ tục", ...Array(600).fill("Khai sinh")]);
  });

  it("an archive read on a spent budget stops with 'too slow'", async () => {
    const zip = await zipOf([["QT 01.pdf", pdfBytes("QT 01")]]);
    const limits = { maxBytes: 1 << 20, maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 22, maxRatio: 100, timeMs: 60_000 };
    await expect(readArchive(zip, limits, SPENT)).rejects.toThrow("imports.errors.tooSlow");
    expect((await readArchive(zip, limits)).map((e) => e.name)).toEqual(["QT 01.pdf"]);
  });
});
