import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspections, trail, units } from "#db/schema";
import { areaReportsArchive } from "~/modules/dossiers/area.server";
import { inspectionDossier, inspectionPapers } from "~/modules/dossiers/inspection.server";
import { produceQueued } from "~/modules/reports/produce.server";
import { issueReport, saveNarrative } from "~/modules/reports/issue.server";
import { DEMO_PASSWORD } from "#db/seed";
import { requestRecordReport, requestReport } from "~/modules/reports/request.server";
import { config } from "~/lib/config.server";
import { DomainError, NotFoundError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { drain, unzipAll } from "../support/archives";
import { pdfText } from "../unit/templates-pdftext";

// why: reports and uploads are written under DATA_DIR; keep this file's apart.
process.env.DATA_DIR = path.resolve("tests/.tmp/dossiers-data");
const NOW = new Date("2026-11-25T03:00:00Z");
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("dossiers in one download", () => {
  let db: ReturnType<typeof testDb>;
  let inspectionId: number;
  let laiVung: number;
  let hoaLong: number;
  beforeAll(async () => {
    fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
    db = testDb({ seeded: true });
    laiVung = unitIdByCode(db, "DT-LAIVUNG");
    hoaLong = unitIdByCode(db, "DT-HOALONG");
    inspectionId = db
      .select()
      .from(inspections)
      .where(and(eq(inspections.decisionNumber, "215/QĐ-SKHCN"), eq(inspections.unitId, hoaLong)))
      .get()!.id;
    const deps = { reportsDir: config().reportsDir, baseUrl: "https://iso.dongthap.gov.vn" };
    const made = [
      requestReport(ctxOf(db, "thuky.hoalong", NOW), { kind: "unit", unitId: hoaLong, period: "2026-07" }),
      requestReport(ctxOf(db, "thuky.laivung", NOW), { kind: "unit", unitId: laiVung, period: "2026-10" }),
      requestRecordReport(ctxOf(db, "kiemtra.tinh", NOW), { kind: "minutes", subjectId: inspectionId }),
      ...inspectionPapers(ctxOf(db, "kiemtra.tinh", NOW), inspectionId).detail.findings.map((f) =>
        requestRecordReport(ctxOf(db, "kiemtra.tinh", NOW), { kind: "action", subjectId: f.id }),
      ),
    ];
    for (const r of made) expect((await produceQueued(db, r.id, deps, NOW))?.status).toBe("done");
  });
  afterAll(() => closeTestDb(db));

  it("an inspection's dossier is one ZIP whose index lists every paper, each file where the index says", async () => {
    const ctx = ctxOf(db, "kiemtra.tinh", NOW);
    const { papers, missing } = inspectionPapers(ctx, inspectionId);
    expect(papers.map((p) => p.paper)).toEqual(
      expect.arrayContaining(["Quyết định kiểm tra", "Báo cáo của đơn vị được kiểm tra", "Biên bản kiểm tra (bản in từ phần mềm)"]),
    );
    expect(papers.some((p) => p.paper.startsWith("Phiếu yêu cầu hành động khắc phục"))).toBe(true);
    // Hòa Long's only report is an unnumbered copy printed on request (as before decision 0017): filed, said to be one.
    expect(papers.find((p) => p.paper === "Báo cáo của đơn vị được kiểm tra")?.detail).toBe(
      "Kỳ 2026-07 (bản lưu in theo yêu cầu, không số, trước khi có quy trình ban hành)",
    );
    const { fileName, stream } = await inspectionDossier(ctx, inspectionId);
    expect(fileName).toBe("Hồ sơ kiểm tra 215-QĐ-SKHCN - Xã Hòa Long.zip");
    const entries = await unzipAll(await drain(stream));
    const names = [...entries.keys()];
    expect(names[0]).toBe("00 Mục lục hồ sơ.pdf");
    const withFiles = papers.filter((p) => p.file);
    expect(names.length).toBe(1 + withFiles.length);
    const index = flat(pdfText(entries.get("00 Mục lục hồ sơ.pdf")!));
    expect(index).toContain("MỤC LỤC HỒ SƠ KIỂM TRA");
    expect(index).toContain(`Danh mục giấy tờ (${papers.length})`);
    for (const p of papers) expect(index, p.paper).toContain(flat(p.paper).slice(0, 40));
    for (const n of names.slice(1)) {
      expect(index, n).toContain(n.split("/").pop()!.slice(0, 25));
      const paper = withFiles.find((p) => `${p.folder}/${p.file!.name}` === n)!;
      expect(entries.get(n)!.equals(fs.readFileSync(paper.file!.path)), n).toBe(true);
    }
    for (const m of missing) expect(index).toContain(flat(m).slice(0, 40));
    const row = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "inspection"), eq(trail.action, "download")))
      .all()
      .pop()!;
    expect(row.entityId).toBe(String(inspectionId));
  });

  it("scoped like every download: a sibling commune and another province get 404, and nothing is recorded", async () => {
    const before = db.select().from(trail).all().length;
    for (const u of ["thuky.laivung", "thuky.longho"]) {
      await expect(inspectionDossier(ctxOf(db, u, NOW), inspectionId)).rejects.toBeInstanceOf(NotFoundError);
      expect(() => areaReportsArchive(ctxOf(db, u, NOW), { unitId: hoaLong, period: "2026" })).toThrow(NotFoundError);
    }
    const province = db.select().from(units).where(eq(units.code, "DT")).get()!.id;
    expect(() => areaReportsArchive(ctxOf(db, "thuky.laivung", NOW), { unitId: province, period: "2026" })).toThrow(NotFoundError);
    expect(db.select().from(trail).all().length).toBe(before);
  });

  it("all issued reports of an area for a period: one folder per unit, only the area's and the period's, recorded", async () => {
    const province = db.select().from(units).where(eq(units.code, "DT")).get()!.id;
    const { fileName, stream, count } = areaReportsArchive(ctxOf(db, "kiemtra.tinh", NOW), { unitId: province, period: "2026" });
    expect(fileName).toBe("Báo cáo đã phát hành - Tỉnh Đồng Tháp - 2026.zip");
    const entries = await unzipAll(await drain(stream));
    expect(entries.size).toBe(count);
    expect([...entries.keys()]).toEqual(
      // The unit report was printed on request, unnumbered (as before decision 0017): its name says it is not issued.
      expect.arrayContaining([
        expect.stringMatching(
          /^DT-LAIVUNG - Xã Lai Vung\/Bản lưu không số \(trước khi có quy trình ban hành\) - Báo cáo ISO - Xã Lai Vung - 2026-10 \(\d+\)\.pdf$/,
        ),
      ]),
    );
    for (const [, bytes] of entries) expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const october = areaReportsArchive(ctxOf(db, "kiemtra.tinh", NOW), { unitId: laiVung, period: "2025-10" });
    expect(october.count).toBe(0);
    let bad: DomainError | undefined;
    try {
      areaReportsArchive(ctxOf(db, "kiemtra.tinh", NOW), { unitId: province, period: "2026-13" });
    } catch (e) {
      bad = e as DomainError;
    }
    expect(bad?.fieldErrors.period).toEqual(["dossiers.errors.period"]);
    const rows = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "report_archive"), eq(trail.action, "download")))
      .all();
    expect(rows.length).toBe(2);
  });

  it("the inspection dossier files the unit's issued report before a later unnumbered copy (decision 0017)", async () => {
    saveNarrative(ctxOf(db, "thuky.hoalong", NOW), "unit", hoaLong, "2026-Q1", { difficulties: "Khó khăn quý I.", proposals: "Kiến nghị quý I." });
    const { issue, report } = await issueReport(ctxOf(db, "chutich.hoalong", NOW), "unit", hoaLong, "2026-Q1", { password: DEMO_PASSWORD });
    expect((await produceQueued(db, report.id, { reportsDir: config().reportsDir, baseUrl: "https://iso.dongthap.gov.vn" }, NOW))?.status).toBe("done");
    const paper = inspectionPapers(ctxOf(db, "kiemtra.tinh", NOW), inspectionId).papers.find((p) => p.paper === "Báo cáo của đơn vị được kiểm tra");
    expect(paper?.detail).toBe(`Số ${issue.number}, kỳ 2026-Q1`);
  });
});
