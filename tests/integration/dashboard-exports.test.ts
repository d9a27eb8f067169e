import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units, users } from "#db/schema";
import { createSession } from "~/modules/auth/sessions.server";
import { scopeFor } from "~/modules/units/scope.server";
import { setDb } from "~/http/db.server";
import { commitLang } from "~/http/i18n.server";
import { commitSessionToken } from "~/http/session.server";
import * as auditsExport from "~/routes/audits.export";
import * as auditsList from "~/routes/audits._index";
import * as complianceExport from "~/routes/compliance.export";
import * as complianceList from "~/routes/compliance._index";
import * as caExport from "~/routes/corrective-actions.export";
import * as caList from "~/routes/corrective-actions._index";
import * as documentsExport from "~/routes/documents.export";
import * as documentsList from "~/routes/documents._index";
import * as findingsExport from "~/routes/findings.export";
import * as findingsList from "~/routes/findings._index";
import * as home from "~/routes/_index";
import { closeTestDb, TEST_NOW, testDb, unitIdByCode } from "../support/db";

type DB = ReturnType<typeof testDb>;
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

async function request(db: DB, username: string, url: string, lang?: "en") {
  const user = db.select().from(users).where(eq(users.username, username)).get()!;
  const token = createSession(db, user.id, TEST_NOW, 1);
  const cookie = [(await commitSessionToken(token)).split(";")[0]!, lang ? (await commitLang(lang)).split(";")[0]! : null].filter(Boolean).join("; ");
  return new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
}

/** An export as a sheet: its header row and data rows (cell values as text). */
async function sheet(db: DB, username: string, loader: Loader, url: string, lang?: "en") {
  const res = (await loader({ request: await request(db, username, url, lang), params: {}, context: {} })) as Response;
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
  expect(res.headers.get("Content-Disposition")).toMatch(/attachment; .*\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  // Dates are date cells: read them as the sheet shows them (dd/mm/yyyy).
  const text = (v: unknown) =>
    v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10).split("-").reverse().join("/") : String(v);
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(text)));
  // A title row (one cell: what the sheet is, as of when) may stand above the header.
  const title = rows[0]!.filter(Boolean).length === 1 && (rows[1]?.length ?? 0) > 1 ? rows.shift()![0] : undefined;
  return { name: ws.name, title, header: rows[0]!, rows: rows.slice(1) };
}

async function page(db: DB, username: string, loader: Loader, url: string) {
  return (await loader({ request: await request(db, username, url), params: {}, context: {} })) as Record<string, unknown> & {
    rows: unknown[];
    total?: number;
  };
}

describe("Excel exports of every list", () => {
  let db: DB;
  let laiVung: string;
  let hoaLong: string;
  /** Names of every unit outside Lai Vung's scope (siblings, the district, the province, other provinces). */
  let outsideLaiVung: string[];
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
    laiVung = db
      .select()
      .from(units)
      .where(eq(units.id, unitIdByCode(db, "DT-LAIVUNG")))
      .get()!.name;
    hoaLong = db
      .select()
      .from(units)
      .where(eq(units.id, unitIdByCode(db, "DT-HOALONG")))
      .get()!.name;
    const officer = db.select().from(users).where(eq(users.username, "thuky.laivung")).get()!;
    const scope = scopeFor(db, {
      kind: "user",
      id: officer.id,
      name: "",
      username: officer.username,
      role: officer.role,
      unitId: officer.unitId,
      unitPath: db.select().from(units).where(eq(units.id, officer.unitId)).get()!.path,
    });
    outsideLaiVung = db
      .select()
      .from(units)
      .all()
      .filter((u) => !scope.prefixes.some((p) => u.path.startsWith(p)))
      .map((u) => u.name);
  });
  afterAll(() => closeTestDb(db));

  const unitColumn = (s: { header: string[]; rows: string[][] }) => s.header.indexOf("Đơn vị");

  it("documents: Vietnamese headers, every row of the register in scope, none of a sibling commune", async () => {
    const s = await sheet(db, "thuky.laivung", documentsExport.loader as Loader, "/documents/export");
    expect(s.header).toEqual(["Đơn vị", "Ký hiệu", "Tên", "Loại", "Trạng thái", "Lần ban hành", "Hiệu lực từ", "Hạn xem xét", "Hạn cập nhật", "Quá hạn"]);
    const p = await page(db, "thuky.laivung", documentsList.loader as Loader, "/documents");
    expect(s.rows.length).toBe(p.total);
    expect(s.rows.length).toBeGreaterThan(0);
    expect(s.rows.every((r) => r[0] === laiVung)).toBe(true);
    expect(s.rows.some((r) => outsideLaiVung.includes(r[0]!))).toBe(false);
    // Dates as the reader writes them, statuses in words.
    expect(s.rows.some((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(r[6]!))).toBe(true);
    expect(s.rows.map((r) => r[4])).toContain("Đang hiệu lực");
  });

  it("documents: the page's filters apply (overdue update only)", async () => {
    const all = await sheet(db, "kiemtra.tinh", documentsExport.loader as Loader, "/documents/export");
    const overdue = await sheet(db, "kiemtra.tinh", documentsExport.loader as Loader, "/documents/export?overdue=update");
    const p = await page(db, "kiemtra.tinh", documentsList.loader as Loader, "/documents?overdue=update");
    expect(overdue.rows.length).toBe(p.total);
    expect(overdue.rows.length).toBeLessThan(all.rows.length);
    expect(overdue.rows.every((r) => r[9] === "Có")).toBe(true);
    // The province inspector sees both communes.
    expect(all.rows.some((r) => r[0] === laiVung) && all.rows.some((r) => r[0] === hoaLong)).toBe(true);
  });

  it("audits: same rows as the page, in scope only", async () => {
    // A chair is on no audit team: the list (and the file) holds only Lai Vung's own audits. (Officers also see
    // the audits of other communes they audit, by design of the audits list.)
    const s = await sheet(db, "chutich.laivung", auditsExport.loader as Loader, "/audits/export?year=");
    expect(s.header).toEqual([
      "Đơn vị",
      "Tên",
      "Ngày bắt đầu",
      "Ngày kết thúc",
      "Trạng thái",
      "Ngày báo cáo",
      "Trưởng đoàn",
      "Số câu hỏi",
      "Đã trả lời",
      "Số điểm không phù hợp",
    ]);
    const p = await page(db, "chutich.laivung", auditsList.loader as Loader, "/audits?year=");
    expect(s.rows.length).toBe(p.rows.length);
    expect(s.rows.length).toBeGreaterThan(0);
    expect(s.rows.some((r) => outsideLaiVung.includes(r[0]!))).toBe(false);
    const province = await sheet(db, "kiemtra.tinh", auditsExport.loader as Loader, "/audits/export?year=");
    expect(province.rows.length).toBeGreaterThanOrEqual(s.rows.length);
    expect(province.rows.map((r) => r[0])).toEqual(expect.arrayContaining(s.rows.map((r) => r[0])));
  });

  it("findings: every page at once, filters kept, a sibling's findings never included", async () => {
    const s = await sheet(db, "thuky.laivung", findingsExport.loader as Loader, "/findings/export");
    expect(s.header).toEqual(["Đơn vị", "Ngày phát hiện", "Nguồn", "Mức độ", "Điều khoản", "Nội dung", "Hạn khắc phục", "Trạng thái", "Quá hạn"]);
    const p = await page(db, "thuky.laivung", findingsList.loader as Loader, "/findings");
    expect(s.rows.length).toBe(p.total);
    expect(s.rows.length).toBeGreaterThan(0);
    expect(s.rows.some((r) => outsideLaiVung.includes(r[unitColumn(s)]!))).toBe(false);
    const province = await sheet(db, "kiemtra.tinh", findingsExport.loader as Loader, "/findings/export?grade=major");
    const pp = await page(db, "kiemtra.tinh", findingsList.loader as Loader, "/findings?grade=major");
    expect(province.rows.length).toBe(pp.total);
    expect(new Set(province.rows.map((r) => r[3])).size).toBeLessThanOrEqual(1);
  });

  it("corrective actions: in scope, the overdue filter kept", async () => {
    const s = await sheet(db, "chutich.laivung", caExport.loader as Loader, "/corrective-actions/export");
    expect(s.header).toEqual(["Đơn vị", "Phát hiện", "Hành động", "Người thực hiện", "Hạn hoàn thành", "Trạng thái", "Ngày thực hiện", "Quá hạn"]);
    const p = await page(db, "chutich.laivung", caList.loader as Loader, "/corrective-actions");
    expect(s.rows.length).toBe(p.rows.length);
    expect(s.rows.length).toBeGreaterThan(0);
    expect(s.rows.some((r) => outsideLaiVung.includes(r[0]!))).toBe(false);
    const overdue = await sheet(db, "kiemtra.tinh", caExport.loader as Loader, "/corrective-actions/export?status=overdue");
    expect(overdue.rows.every((r) => r[7] === "Có")).toBe(true);
  });

  it("obligations grid: one row per unit with its score and every obligation's state; filter and scope kept", async () => {
    const s = await sheet(db, "kiemtra.tinh", complianceExport.loader as Loader, "/compliance/export?sort=score");
    expect(s.header.slice(0, 3)).toEqual(["Mã đơn vị", "Đơn vị", "Điểm tuân thủ (%)"]);
    expect(s.header).toContain("Đánh giá nội bộ trong 12 tháng");
    const p = await page(db, "kiemtra.tinh", complianceList.loader as Loader, "/compliance?sort=score");
    expect(s.rows.length).toBe(p.total);
    expect(s.rows.map((r) => r[1])).toEqual(expect.arrayContaining([laiVung, hoaLong]));
    // Sorted like the page (weakest first).
    const scores = s.rows.map((r) => (r[2] === "" ? -1 : Number(r[2])));
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    const missing = await sheet(db, "kiemtra.tinh", complianceExport.loader as Loader, "/compliance/export?missing=internalAudit");
    const col = s.header.indexOf("Đánh giá nội bộ trong 12 tháng");
    expect(missing.rows.every((r) => r[col] === "Chưa đạt")).toBe(true);
    const own = await sheet(db, "chutich.hoalong", complianceExport.loader as Loader, "/compliance/export");
    expect(own.rows.map((r) => r[1])).not.toContain(laiVung);
    expect(own.rows.map((r) => r[1])).toContain(hoaLong);
  });

  it("headers follow the interface language", async () => {
    const s = await sheet(db, "thuky.laivung", findingsExport.loader as Loader, "/findings/export", "en");
    expect(s.header.slice(0, 3)).toEqual(["Unit", "Found on", "Source"]);
    expect(s.name).toBe("Findings");
  });

  it("the dashboard of a commune shows its own obligations; of the province, the area and its charts", async () => {
    const commune = (await page(db, "chutich.laivung", home.loader as Loader, "/")) as unknown as {
      compliance: { own: { unit: { name: string } } | null };
      charts: { overdueByUnit: { data: { label: string }[] } };
    };
    expect(commune.compliance.own?.unit.name).toBe(laiVung);
    expect(commune.charts.overdueByUnit.data.every((d) => !outsideLaiVung.includes(d.label))).toBe(true);
    const province = (await page(db, "kiemtra.tinh", home.loader as Loader, "/")) as unknown as {
      compliance: { own: unknown; units: number };
      charts: { findingsByGrade: { data: unknown[] }; rates: unknown };
    };
    expect(province.compliance.own).toBeNull();
    expect(province.compliance.units).toBeGreaterThan(2);
    expect(province.charts.findingsByGrade.data.length).toBeGreaterThan(0);
    expect(province.charts.rates).not.toBeNull();
  });
});
