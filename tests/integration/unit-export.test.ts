import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents, files, trail } from "#db/schema";
import { blobPath } from "~/modules/files/store.server";
import { config } from "~/lib/config.server";
import { unitExport } from "~/modules/dossiers/unit-export.server";
import { DomainError, NotFoundError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { drain, unzipAll } from "../support/archives";

// why: uploads and reports are read under DATA_DIR; keep this file's apart.
process.env.DATA_DIR = path.resolve("tests/.tmp/unit-export-data");
const NOW = new Date("2026-11-25T03:00:00Z");

describe("leaving is possible: a unit's complete export", () => {
  let db: ReturnType<typeof testDb>;
  let laiVung: number;
  beforeAll(() => {
    db = testDb({ seeded: true });
    laiVung = unitIdByCode(db, "DT-LAIVUNG");
  });
  afterAll(() => closeTestDb(db));

  it("every record of the unit as a workbook (one sheet a table, no secret), its files and its trail; recorded", async () => {
    // One uploaded file of the unit on disk (the demo data records files whose bytes this copy does not hold).
    const f = db.select().from(files).where(eq(files.unitId, laiVung)).get()!;
    const bytes = Buffer.from("%PDF-1.4 tệp của Lai Vung");
    fs.mkdirSync(path.dirname(blobPath(config().uploadsDir, f.sha256)), { recursive: true });
    fs.writeFileSync(blobPath(config().uploadsDir, f.sha256), bytes);
    const { fileName, stream } = await unitExport(ctxOf(db, "thuky.laivung", NOW), laiVung);
    expect(fileName).toBe("Xuất toàn bộ dữ liệu - Xã Lai Vung - 2026-11-25.zip");
    const entries = await unzipAll(await drain(stream));
    expect(entries.get(`Tệp/${f.id} - ${f.originalName}`)?.equals(bytes)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries.get("Dữ liệu (mỗi bảng một trang).xlsx")! as unknown as ArrayBuffer);
    const sheet = (name: string) => wb.getWorksheet(name)!;
    const header = (name: string) => (sheet(name).getRow(1).values as unknown[]).slice(1);
    expect(sheet("documents").rowCount - 1).toBe(db.select().from(documents).where(eq(documents.unitId, laiVung)).all().length);
    expect(sheet("document_revisions").rowCount).toBeGreaterThan(1);
    expect(header("users")).toContain("username");
    expect(header("users")).not.toContain("password_hash");
    expect(sheet("trail").rowCount - 1).toBe(db.select().from(trail).where(eq(trail.unitId, laiVung)).all().length - 1); // its own export row came after
    const row = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "unit"), eq(trail.action, "export")))
      .get()!;
    expect(row.unitId).toBe(laiVung);
  });

  it("scoped: a sibling commune gets 404, an inspector may not export", async () => {
    await expect(unitExport(ctxOf(db, "thuky.hoalong", NOW), laiVung)).rejects.toBeInstanceOf(NotFoundError);
    const inspector = (await unitExport(ctxOf(db, "kiemtra.tinh", NOW), laiVung).catch((e) => e)) as DomainError;
    expect(inspector.messageKey).toBe("errors.forbidden");
  });
});
