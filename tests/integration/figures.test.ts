import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serviceFigures, trail } from "#db/schema";
import { importFigures, previewFigures } from "~/modules/figures/import.server";
import { listFigures } from "~/modules/figures/queries.server";
import { objectivesWithAttainment } from "~/modules/objectives/queries.server";
import { ForbiddenError, InvalidInputError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEADER = ["Mã đơn vị", "Tháng", "Tiếp nhận", "Giải quyết trước hạn", "Đúng hạn", "Quá hạn", "Trực tuyến", "Qua BCCI"];

describe("one-stop figures and quality objectives", () => {
  let db: ReturnType<typeof testDb>;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  it("the demo data carries Lai Vung's 2020 figures: 7,174 received, 1,858 by public post = 25.9 %", () => {
    const ctx = ctxOf(db, "canbo.huyen");
    const { total } = listFigures(ctx, { from: "2020-01", to: "2020-12" });
    expect(total.received).toBe(7174);
    expect(total.returnedByPost).toBe(1858);
    expect(total.postRate).toBe(25.9);
  });

  it("a good Excel file imports every row with its trail, and the rates follow", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const bytes = await xlsx([HEADER, ["DT-LAIVUNG", "11/2026", 200, 120, 78, 2, 90, 50], ["DT-LAIVUNG", "12/2026", 100, 50, 50, 0, 40, 25]]);
    const preview = await previewFigures(ctx, bytes);
    expect(preview).toMatchObject({ good: 2, bad: 0, missingColumns: [] });
    expect(await importFigures(ctx, { bytes, skipBad: false })).toEqual({ imported: 2, skipped: 0 });
    const { rows } = listFigures(ctx, { from: "2026-11", to: "2026-12" });
    expect(rows.map((r) => [r.month, r.onTimeRate, r.onlineRate, r.postRate])).toEqual([
      ["2026-11", 99, 45, 25],
      ["2026-12", 100, 40, 25],
    ]);
    expect(db.select().from(trail).where(eq(trail.entity, "service_figure")).all()).toHaveLength(2);
  });

  it("a file with bad rows imports nothing, names each bad line and why, and imports the good rows only when asked", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const bytes = Buffer.from(
      [
        "Mã đơn vị;Tháng;Tiếp nhận;Trước hạn;Đúng hạn;Quá hạn;Trực tuyến;Qua BCCI",
        "DT-LAIVUNG;11/2026;200;120;78;2;90;50",
        "DT-HOALONG;11/2026;10;5;5;0;1;1",
        "DT-LAIVUNG;13/2026;10;5;5;0;1;1",
        "DT-LAIVUNG;12/2026;abc;5;5;0;1;1",
        "DT-LAIVUNG;10/2026;10;5;5;0;11;1",
      ].join("\n"),
    );
    const preview = await previewFigures(ctx, bytes);
    expect(preview.good).toBe(1);
    expect(preview.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors.map((e) => e.key)])).toEqual([
      [3, ["figures.import.unknownUnit"]], // a sibling commune: not in this officer's scope
      [4, ["figures.import.badMonth"]],
      [5, ["figures.import.badNumber"]],
      [6, ["figures.errors.onlineOverReceived"]],
    ]);
    await expect(importFigures(ctx, { bytes, skipBad: false })).rejects.toThrow(InvalidInputError);
    const month = (m: string) =>
      db
        .select()
        .from(serviceFigures)
        .where(and(eq(serviceFigures.unitId, unitIdByCode(db, "DT-LAIVUNG")), eq(serviceFigures.month, m)))
        .get();
    expect(month("2026-11")).toBeUndefined();
    expect(await importFigures(ctx, { bytes, skipBad: true })).toEqual({ imported: 1, skipped: 4 });
    expect(month("2026-11")?.received).toBe(200);
  });

  it("re-importing a month replaces it and keeps the old values in the trail; leaders cannot import", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const bytes = await xlsx([HEADER, ["DT-LAIVUNG", "01/2026", 999, 900, 99, 0, 10, 10]]);
    const preview = await previewFigures(ctx, bytes);
    expect(preview.rows[0]!.replaces).toBe(true);
    await importFigures(ctx, { bytes, skipBad: false });
    const row = db.select().from(trail).where(eq(trail.action, "reimport")).get()!;
    expect(JSON.parse(row.before!).received).not.toBe(999);
    expect(JSON.parse(row.after!).received).toBe(999);
    await expect(importFigures(ctxOf(db, "chutich.laivung"), { bytes, skipBad: false })).rejects.toThrow(ForbiddenError);
  });

  it("objectives read their attainment from the year's figures", () => {
    const ctx = ctxOf(db, "chutich.phonghoa");
    const objs = objectivesWithAttainment(ctx, 2026);
    const byMeasure = Object.fromEntries(objs.map((o) => [o.measure, o]));
    expect(byMeasure.on_time_rate).toMatchObject({ value: 100, met: true }); // Phong Hòa had no late dossier
    expect(byMeasure.overdue_count).toMatchObject({ value: 0, met: true });
    expect(byMeasure.online_rate!.met).toBe(false); // 31 % against 40 %
    expect(objs.every((o) => o.unitName === "Xã Phong Hòa")).toBe(true);
  });
});
