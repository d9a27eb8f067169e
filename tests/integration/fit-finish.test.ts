import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { procedures, serviceFigures, users } from "#db/schema";
import { createSession } from "~/modules/auth/sessions.server";
import { importFigures, previewFigures } from "~/modules/figures/import.server";
import { formerUnitFigures, listFigures } from "~/modules/figures/queries.server";
import { applyCatalogueImport, previewCatalogueImport } from "~/modules/procedures/import.server";
import { InvalidInputError } from "~/lib/errors";
import { unitCompliance } from "~/modules/compliance/queries.server";
import { evaluate } from "~/modules/compliance/rules";
import { objectivesWithAttainment } from "~/modules/objectives/queries.server";
import { createObjective } from "~/modules/objectives/save-objective.server";
import { formatResult, formatTarget, ObjectiveSchema } from "~/modules/objectives/schema";
import { setDb } from "~/http/db.server";
import { now } from "~/lib/clock.server";
import { formatDate, vnDay } from "~/lib/time";
import { commitSessionToken } from "~/http/session.server";
import * as auditsExport from "~/routes/audits.export";
import * as complianceExport from "~/routes/compliance.export";
import * as caExport from "~/routes/corrective-actions.export";
import * as documentsExport from "~/routes/documents.export";
import * as documentsNew from "~/routes/documents.new";
import * as figuresExport from "~/routes/figures.export";
import * as findingsExport from "~/routes/findings.export";
import { closeTestDb, ctxOf, TEST_NOW, testDb, unitIdByCode } from "../support/db";

// Issue 18 ("fit and finish"), items 3, 8, 9, 13 and 14: the rules behind what people read on screen and in files.

type DB = ReturnType<typeof testDb>;
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

async function download(db: DB, username: string, loader: Loader, url: string): Promise<ExcelJS.Worksheet> {
  const user = db.select().from(users).where(eq(users.username, username)).get()!;
  const cookie = (await commitSessionToken(createSession(db, user.id, TEST_NOW, 1))).split(";")[0]!;
  const res = (await loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0]!;
}

/** The row (1-based) whose cells are the column headers: the first with more than one cell. */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).cellCount > 1) return i;
  throw new Error("no header row");
}
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(headerRowOf(ws));
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`no column ${header}`);
}
/** Every data cell of a column that holds something. */
function cellsOf(ws: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const c = columnOf(ws, header);
  const out: ExcelJS.Cell[] = [];
  for (let i = headerRowOf(ws) + 1; i <= ws.rowCount; i++) {
    const cell = ws.getRow(i).getCell(c);
    if (cell.value !== null && cell.value !== undefined && cell.value !== "") out.push(cell);
  }
  return out;
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEADER = ["Mã đơn vị", "Tháng", "Tiếp nhận", "Giải quyết trước hạn", "Đúng hạn", "Quá hạn", "Trực tuyến", "Qua BCCI"];

describe("issue 18 item 3: re-importing one-stop figures keeps what the file does not carry", () => {
  let db: DB;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
  });
  afterAll(() => closeTestDb(db));
  const october = () =>
    db
      .select()
      .from(serviceFigures)
      .where(and(eq(serviceFigures.unitId, unitIdByCode(db, "DT-LAIVUNG")), eq(serviceFigures.month, "2026-10")))
      .get()!;

  it("a file without the optional columns keeps surveyed, satisfied and feedback; the preview lists every change old → new", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const before = october();
    expect(before).toMatchObject({ surveyed: 40, satisfied: 38, feedbackReceived: 3, feedbackOnTime: 3 });
    const bytes = await xlsx([
      HEADER,
      [
        "DT-LAIVUNG",
        "10/2026",
        before.received + 10,
        before.resolvedEarly + 10,
        before.resolvedOnTime,
        before.resolvedOverdue,
        before.receivedOnline,
        before.returnedByPost,
      ],
    ]);
    const preview = await previewFigures(ctx, bytes);
    expect(preview.rows[0]).toMatchObject({ replaces: true, errors: [] });
    expect(preview.rows[0]!.changes).toEqual([
      { field: "received", before: before.received, after: before.received + 10 },
      { field: "resolvedEarly", before: before.resolvedEarly, after: before.resolvedEarly + 10 },
    ]);
    await importFigures(ctx, { bytes, skipBad: false });
    expect(october()).toMatchObject({ received: before.received + 10, surveyed: 40, satisfied: 38, feedbackReceived: 3, feedbackOnTime: 3 });
  });

  it("a cell given in an optional column replaces the stored value, and the preview says so", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const o = october();
    const bytes = await xlsx([
      [...HEADER, "Số người khảo sát", "Số người hài lòng"],
      ["DT-LAIVUNG", "10/2026", o.received, o.resolvedEarly, o.resolvedOnTime, o.resolvedOverdue, o.receivedOnline, o.returnedByPost, 50, 45],
    ]);
    const preview = await previewFigures(ctx, bytes);
    expect(preview.columns).toContain("surveyed");
    expect(preview.rows[0]!.changes).toEqual([
      { field: "surveyed", before: 40, after: 50 },
      { field: "satisfied", before: 38, after: 45 },
    ]);
  });
});

describe("issue 18 item 9: exports write real dates and months, the figures' totals and survey columns, the as-of date", () => {
  let db: DB;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
  });
  afterAll(() => closeTestDb(db));

  const dateColumns: [string, Loader, string, string[]][] = [
    ["documents", documentsExport.loader as Loader, "/documents/export", ["Hiệu lực từ", "Hạn xem xét"]],
    ["audits", auditsExport.loader as Loader, "/audits/export?year=", ["Ngày bắt đầu", "Ngày kết thúc"]],
    ["findings", findingsExport.loader as Loader, "/findings/export", ["Ngày phát hiện", "Hạn khắc phục"]],
    ["corrective actions", caExport.loader as Loader, "/corrective-actions/export", ["Hạn hoàn thành"]],
  ];
  for (const [name, loader, url, headers] of dateColumns) {
    it(`${name}: every date is a date cell shown dd/mm/yyyy`, async () => {
      const ws = await download(db, "kiemtra.tinh", loader, url);
      for (const h of headers) {
        const cells = cellsOf(ws, h);
        expect(cells.length, h).toBeGreaterThan(0);
        for (const c of cells) {
          expect(c.type, `${h} ${String(c.value)}`).toBe(ExcelJS.ValueType.Date);
          expect(c.numFmt).toBe("dd/mm/yyyy");
        }
      }
    });
  }

  it("figures: months are dates shown mm/yyyy; survey columns and the page's totals row are there", async () => {
    const ws = await download(db, "thuky.laivung", figuresExport.loader as Loader, "/figures/export?year=2026");
    const months = cellsOf(ws, "Tháng");
    expect(months.length).toBe(10);
    for (const c of months) {
      expect(c.type).toBe(ExcelJS.ValueType.Date);
      expect(c.numFmt).toBe("mm/yyyy");
    }
    expect((months[9]!.value as Date).toISOString().slice(0, 10)).toBe("2026-10-01");
    expect(cellsOf(ws, "Số người khảo sát").map((c) => c.value)).toContain(40);
    expect(cellsOf(ws, "Số người hài lòng").length).toBeGreaterThan(0);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe("Tổng cộng");
    const received = cellsOf(ws, "Tiếp nhận").map((c) => Number(c.value));
    expect(received.at(-1)).toBe(received.slice(0, -1).reduce((a, b) => a + b, 0));
  });

  it("figures: export → edit one figure → import changes that figure only", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const ws = await download(db, "thuky.laivung", figuresExport.loader as Loader, "/figures/export?year=2026");
    const col = columnOf(ws, "Tiếp nhận");
    const row = ws.getRow(headerRowOf(ws) + 10); // 10/2026
    const was = Number(row.getCell(col).value);
    row.getCell(col).value = was + 1;
    const bytes = Buffer.from(await ws.workbook.xlsx.writeBuffer());
    const preview = await previewFigures(ctx, bytes);
    expect(preview).toMatchObject({ good: 10, bad: 0 });
    expect(preview.rows.flatMap((r) => r.changes.map((c) => [r.month, c.field, c.before, c.after]))).toEqual([["2026-10", "received", was, was + 1]]);
  });

  it("compliance: the sheet itself says as of which day", async () => {
    const ws = await download(db, "kiemtra.tinh", complianceExport.loader as Loader, "/compliance/export");
    // The route reads the app's clock (the request's day), as the file name does.
    expect(String(ws.getRow(1).getCell(1).value)).toContain(`tính đến ngày ${formatDate(vnDay(now()))}`);
    expect(ws.getRow(2).getCell(1).value).toBe("Mã đơn vị");
  });
});

describe("issue 18 item 13: a catalogue import says what it changes and never fills a missing column with a default", () => {
  let db: DB;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
  });
  afterAll(() => closeTestDb(db));
  const officer = () => ctxOf(db, "thuky.laivung");
  const csv = (text: string) => new File([text], "danh-muc.csv", { type: "text/csv" });
  const stored = (code: string) =>
    db
      .select()
      .from(procedures)
      .where(and(eq(procedures.unitId, unitIdByCode(db, "DT-LAIVUNG")), eq(procedures.code, code)))
      .get()!;

  it("a file without the optional columns keeps the stored processing time and online level; the preview shows old → new", async () => {
    const before = stored("1.001758");
    expect(before).toMatchObject({ processingTime: "10 ngày làm việc", onlineLevel: "partial" });
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const p = await previewCatalogueImport(officer(), lv, csv(`Mã TTHC,Tên thủ tục,Lĩnh vực\n1.001758,${before.name} (sửa đổi),Bảo trợ xã hội\n`));
    expect(p.rows[0]).toMatchObject({ action: "update" });
    expect(p.rows[0]!.changes).toEqual([{ field: "name", before: before.name, after: `${before.name} (sửa đổi)` }]);
    applyCatalogueImport(officer(), lv, JSON.stringify(p.rows.map((r) => r.row)));
    expect(stored("1.001758")).toMatchObject({ name: `${before.name} (sửa đổi)`, processingTime: "10 ngày làm việc", onlineLevel: "partial" });
  });

  it("a file lacking a required column is refused, naming the column", async () => {
    const e = await previewCatalogueImport(officer(), unitIdByCode(db, "DT-LAIVUNG"), csv("Mã TTHC,Tên thủ tục\n1.001758,Thủ tục xác nhận\n")).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).fieldErrors).toEqual({ file: ["procedures.errors.missingColumn.field"] });
  });

  it("“Soạn tài liệu mới” from an uncovered procedure opens the form with that procedure ticked", async () => {
    const proc = stored("1.001776");
    const user = db.select().from(users).where(eq(users.username, "thuky.laivung")).get()!;
    const cookie = (await commitSessionToken(createSession(db, user.id, TEST_NOW, 1))).split(";")[0]!;
    const data = (await (documentsNew.loader as Loader)({
      request: new Request(`http://localhost/documents/new?unit=${proc.unitId}&procedure=${proc.id}`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    })) as { defaultUnit: number; procedureIds: string[] };
    expect(data).toMatchObject({ defaultUnit: proc.unitId, procedureIds: [String(proc.id)] });
  });
});

describe("issue 18 item 8: no obligation passes on zero evidence; objectives read in their own unit", () => {
  let db: DB;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
  });
  afterAll(() => closeTestDb(db));
  const obligations = (viewer: string, code: string) => unitCompliance(ctxOf(db, viewer), unitIdByCode(db, code));

  it("a unit with no document in force fails the documents obligation", () => {
    const c = obligations("thuky.longho", "VL-LONGHO");
    const docs = c.obligations.find((o) => o.key === "documentsCurrent")!;
    expect(docs).toMatchObject({ state: "missing", detail: { key: "compliance.documents.none" } });
    const phongHoa = obligations("thuky.phonghoa", "DT-PHONGHOA").obligations.find((o) => o.key === "documentsCurrent")!;
    expect(phongHoa.state).toBe("missing");
  });

  it("a unit with no quality objectives fails that obligation, and it counts in the score", () => {
    const c = obligations("thuky.longho", "VL-LONGHO");
    expect(c.obligations.find((o) => o.key === "objectivesMeasured")).toMatchObject({ state: "missing", detail: { key: "compliance.objectives.none" } });
    const counted = c.obligations.filter((o) => o.state !== "no_data");
    expect(counted.map((o) => o.key)).toContain("objectivesMeasured");
    expect(c.score).toBe(Math.round((100 * counted.filter((o) => o.state === "ok" || o.state === "warning").length) / counted.length));
  });

  it("objectives set but none measured fail; an empty record passes only where the duty is to have nothing late", () => {
    const base = {
      lastAnnouncedOn: null,
      scopeChangedOn: null,
      lastInternalAuditOn: null,
      lastManagementReviewOn: null,
      lastEffectivenessOn: null,
      procedures: { total: 0, uncovered: 0 },
      documents: { effective: 0, overdueReview: 0, overdueUpdate: 0 },
      actions: { open: 0, overdue: 0, dueSoon: 0 },
      inspection: { findings: 0, late: 0 },
      objectives: { total: 3, measured: 0, met: 0 },
      findings: null,
    };
    const passed = evaluate(base, "2026-11-25")
      .filter((o) => o.state === "ok" || o.state === "warning")
      .map((o) => o.key);
    expect(passed.sort()).toEqual(["actionsOnTime", "inspectionActionsReported"]);
    expect(evaluate({ ...base, objectives: null, documents: null }, "2026-11-25").filter((o) => o.state === "no_data")).toEqual([]);
  });

  it("a manual objective shows its own unit, never a “%” it does not have; its target is not capped at 100", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const input = {
      unitId: unitIdByCode(db, "DT-LAIVUNG"),
      year: 2026,
      title: "Tổ chức 2 buổi tập huấn ISO",
      measure: "manual" as const,
      target: 2,
      manualValue: 3,
    };
    const o = createObjective(ctx, ObjectiveSchema.parse({ ...input, targetUnit: "buổi" }));
    expect(o.targetUnit).toBe("buổi");
    expect(formatTarget(o)).toBe("≥ 2 buổi");
    expect(formatResult(o, 3)).toBe("3 buổi");
    expect(formatTarget({ ...o, targetUnit: null })).toBe("≥ 2");
    expect(formatTarget({ measure: "online_rate", target: 40, targetUnit: null })).toBe("≥ 40 %");
    expect(ObjectiveSchema.safeParse({ ...input, target: 150, targetUnit: "lượt" }).success).toBe(true);
    expect(ObjectiveSchema.safeParse({ ...input, target: 150, targetUnit: "%" }).success).toBe(false);
    const row = objectivesWithAttainment(ctx, 2026).find((x) => x.id === o.id)!;
    expect(row).toMatchObject({ value: 3, met: true, targetUnit: "buổi" });
  });
});

describe("issue 18 item 14: the successor's people read their former district's figures, labelled and read only", () => {
  let db: DB;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
  });
  afterAll(() => closeTestDb(db));
  const year2020 = { from: "2020-01", to: "2020-12" };

  it("Xã Lai Vung's officer gets Huyện Lai Vung's 2020 figures (ended 30/06/2025), and none of it through the ordinary list", () => {
    const ctx = ctxOf(db, "thuky.laivung");
    expect(listFigures(ctx, year2020).count).toBe(0); // the district is not in the commune's scope
    const former = formerUnitFigures(ctx, year2020);
    expect(former.map((f) => f.unit)).toEqual([{ id: unitIdByCode(db, "DT-LV"), name: "Huyện Lai Vung", validTo: "2025-06-30" }]);
    expect(former[0]!.total).toMatchObject({ received: 7174, returnedByPost: 1858, postRate: 25.9 });
    expect(former[0]!.rows).toHaveLength(12);
  });

  it("only the former unit's own rows: an old commune that went to a sibling stays out of reach", () => {
    const t = Date.parse("2026-11-25T03:00:00Z");
    db.insert(serviceFigures)
      .values({
        unitId: unitIdByCode(db, "DT-LV-HL"), // Hòa Long's predecessor, not Lai Vung's
        month: "2020-05",
        received: 77,
        resolvedEarly: 70,
        resolvedOnTime: 7,
        resolvedOverdue: 0,
        receivedOnline: 1,
        returnedByPost: 1,
        createdAt: t,
        updatedAt: t,
      })
      .run();
    const former = formerUnitFigures(ctxOf(db, "thuky.laivung"), year2020);
    expect(former.flatMap((f) => f.rows.map((r) => r.unitName))).not.toContain("Xã Hòa Long");
    expect(former[0]!.total.received).toBe(7174);
  });

  it("nobody who already reads the district, and no unit of another province, gets a second copy", () => {
    expect(formerUnitFigures(ctxOf(db, "canbo.huyen"), year2020)).toEqual([]);
    expect(formerUnitFigures(ctxOf(db, "kiemtra.tinh"), year2020)).toEqual([]);
    expect(formerUnitFigures(ctxOf(db, "thuky.longho"), year2020)).toEqual([]);
    expect(formerUnitFigures(ctxOf(db, "thuky.hoalong"), year2020).map((f) => f.unit.name)).toEqual(["Huyện Lai Vung"]);
  });
});
