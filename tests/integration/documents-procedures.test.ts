import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCatalogueImport, previewCatalogueImport } from "~/modules/procedures/import.server";
import { listProcedures, coverageSummary } from "~/modules/procedures/queries.server";
import { readRows } from "~/modules/imports/tabular.server";
import { parseOnlineLevel } from "~/modules/procedures/import-parse.server";
import { ForbiddenError, InvalidInputError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

const fixture = (name: string, type: string) => new File([fs.readFileSync(path.resolve("tests/fixtures", name))], name, { type });

describe("administrative procedure catalogue", () => {
  let db: ReturnType<typeof testDb>;
  let phongHoa: number;
  beforeAll(() => {
    db = testDb({ seeded: true });
    phongHoa = unitIdByCode(db, "DT-PHONGHOA");
  });
  afterAll(() => closeTestDb(db));
  const officer = () => ctxOf(db, "thuky.phonghoa");

  it("reads quoted CSV fields and Vietnamese online levels", async () => {
    expect((await readRows(Buffer.from('a;b\n"x; ""y""";z\r\n'))).slice(0, 2).map((r) => r.cells)).toEqual([
      ["a", "b"],
      ['x; "y"', "z"],
    ]);
    expect(parseOnlineLevel("Toàn trình")).toBe("full");
    expect(parseOnlineLevel("mức độ 3")).toBe("level3");
    expect(parseOnlineLevel("")).toBe("none");
    expect(parseOnlineLevel("Mức độ 7")).toBeUndefined();
  });

  it("previews a CSV row by row with per-row errors, and the XLSX twin gives the same result", async () => {
    const csv = await previewCatalogueImport(officer(), phongHoa, fixture("catalogue-sample.csv", "text/csv"));
    expect(csv.counts).toEqual({ new: 7, update: 0, same: 0, error: 1 });
    const bad = csv.rows.find((r) => r.action === "error")!;
    expect(bad.line).toBe(10);
    expect(bad.errors.onlineLevel).toEqual(["procedures.errors.onlineLevel"]);
    expect(csv.rows[4]!.values.name).toBe("Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản");
    const xlsx = await previewCatalogueImport(officer(), phongHoa, fixture("catalogue-sample.xlsx", "application/octet-stream"));
    expect(xlsx.counts).toEqual(csv.counts);
    expect(xlsx.rows.map((r) => r.values)).toEqual(csv.rows.map((r) => r.values));
  });

  it("refuses a file that is neither CSV text nor a workbook, whatever its name", async () => {
    const exe = new File([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0)])], "danh-muc.csv", { type: "text/csv" });
    const err = await previewCatalogueImport(officer(), phongHoa, exe).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.fieldErrors.file).toEqual(["procedures.errors.importType"]);
    const noHeader = new File(["a,b,c\n1,2,3\n"], "x.csv");
    expect((await previewCatalogueImport(officer(), phongHoa, noHeader).catch((e) => e)).fieldErrors.file).toEqual(["procedures.errors.importHeader"]);
  });

  it("imports the valid rows; a second import of the same file changes nothing; all are uncovered until a process takes effect", async () => {
    const p = await previewCatalogueImport(officer(), phongHoa, fixture("catalogue-sample.csv", "text/csv"));
    const rows = JSON.stringify(p.rows.filter((r) => r.row).map((r) => r.row));
    expect(applyCatalogueImport(officer(), phongHoa, rows)).toEqual({ new: 7, update: 0, same: 0 });
    expect(applyCatalogueImport(officer(), phongHoa, rows)).toEqual({ new: 0, update: 0, same: 7 });
    const ctx = officer();
    expect(coverageSummary(ctx, phongHoa)).toEqual({ total: 7, uncovered: 7, drafting: 0 });
    const list = listProcedures(ctx, { unitId: phongHoa, coverage: "uncovered" });
    expect(list.total).toBe(7);
    expect(list.rows.map((r) => r.code)).toContain("1.001193");
  });

  it("tampered preview data is refused; a leader cannot import; a sibling sees nothing", async () => {
    expect(() => applyCatalogueImport(officer(), phongHoa, '[{"code":"x y"}]')).toThrow(InvalidInputError);
    expect(() => applyCatalogueImport(ctxOf(db, "chutich.phonghoa"), phongHoa, "[]")).toThrow(ForbiddenError);
    const sibling = ctxOf(db, "thuky.hoalong");
    expect(listProcedures(sibling, { unitId: phongHoa }).total).toBe(0);
  });
});
