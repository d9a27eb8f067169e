import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { reportIssues, reports, trail } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { issueReport, renderDraft, reportDraft, saveNarrative } from "~/modules/reports/issue.server";
import { parsePeriod } from "~/modules/reports/periods";
import { produceQueued } from "~/modules/reports/produce.server";
import { requestReport } from "~/modules/reports/request.server";
import { produceScheduled } from "~/modules/reports/schedule.server";
import { NarrativeSchema } from "~/modules/reports/schema";
import { verifyBytes, type Verification } from "~/modules/reports/verify.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { filesUnder as archived } from "../support/files";
import { pdfText } from "../unit/templates-pdftext";

// Issue 14 items 4 and 5: reports a unit sends go draft → issued; the yearly report follows TT 26 / QĐ 19.
const NOW = new Date("2026-11-25T03:00:00Z");
const BASE = "https://iso.dongthap.gov.vn";

type TDB = ReturnType<typeof testDb>;

const issuedBy = (v: Verification) => (v.by === "invalid" ? null : v.report);

describe("reports a unit sends: draft → issued", () => {
  let db: TDB;
  let dir: string;
  const deps = () => ({ reportsDir: dir, baseUrl: BASE });
  beforeAll(() => {
    db = testDb({ seeded: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-issues-"));
  });
  afterAll(() => closeTestDb(db));

  it("the 2020 yearly report of Huyện Lai Vung carries the TT 26 counts and the one-stop figures (7.174, 1.858 = 25,9 %)", async () => {
    const lv = unitIdByCode(db, "DT-LV");
    const rowsBefore = db.select().from(reports).all().length;
    const { bytes } = await renderDraft(ctxOf(db, "canbo.huyen", NOW), "annual", lv, "2020", { baseUrl: BASE });
    const text = pdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("7.174");
    expect(text).toContain("1.858");
    expect(text).toContain("25,9");
    expect(text).toContain("trả kết quả qua dịch vụ bưu chính công ích 1.858 hồ sơ (25,9%)");
    expect(text).toContain("Hồ sơ tiếp nhận 7.174 100,0%");
    expect(text).toContain("TÌNH HÌNH XÂY DỰNG, ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG");
    // The district and the 12 units below it, as in the obligations table (x/13).
    expect(text).toContain("Đơn vị thuộc đối tượng phải áp dụng HTQLCL 13");
    expect(text).toContain("0/13 đơn vị đạt");
    expect(text).toContain("Đơn vị được kiểm tra trong năm");
    expect(text).toContain("trong đó kiểm tra tại chỗ");
    expect(text).toContain("Kết quả kiểm tra");
    expect(text).toContain("KHÓ KHĂN, VƯỚNG MẮC");
    expect(text).toContain("ĐỀ XUẤT, KIẾN NGHỊ");
    expect(text).toContain("TÌNH HÌNH TẠI CÁC ĐƠN VỊ TRỰC THUỘC (12 ĐƠN VỊ)");
    // A draft: marked on every page, never archived nor hashed.
    const pages = (text.match(/Trang \d+\/(\d+)/) ?? [])[1];
    expect((text.match(/DỰ THẢO/g) ?? []).length).toBeGreaterThanOrEqual(Number(pages));
    expect(db.select().from(reports).all().length).toBe(rowsBefore);
    expect(archived(dir)).toEqual([]);
    expect(issuedBy(verifyBytes(db, bytes))).toBeNull();
  });

  it("a draft is read by anyone in scope, written by the unit's officer only, and refused outside the scope", () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    expect(reportDraft(ctxOf(db, "kiemtra.tinh", NOW), "annual", lv, "2025").status).toBe("draft");
    expect(reportDraft(ctxOf(db, "kiemtra.tinh", NOW), "annual", lv, "2025").can).toEqual({ edit: false, issue: false });
    expect(reportDraft(ctxOf(db, "thuky.laivung", NOW), "annual", lv, "2025").can).toEqual({ edit: true, issue: false });
    expect(reportDraft(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025").can).toEqual({ edit: false, issue: true });
    expect(() => reportDraft(ctxOf(db, "thuky.hoalong", NOW), "annual", lv, "2025")).toThrow(NotFoundError);
    expect(() => reportDraft(ctxOf(db, "thuky.laivung", NOW), "annual", lv, "2026-10")).toThrow(NotFoundError);
    expect(() => saveNarrative(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025", { proposals: "x" })).toThrow(ForbiddenError);
    expect(() => saveNarrative(ctxOf(db, "canbo.tinh", NOW), "annual", lv, "2025", { proposals: "x" })).toThrow(ForbiddenError);
    const long = NarrativeSchema.safeParse({ proposals: "x".repeat(5001) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("errors.tooLong");
    // The yearly report is never produced into the archive on demand: it is issued from its draft.
    expect(() => requestReport(ctxOf(db, "thuky.laivung", NOW), { kind: "annual", unitId: lv, period: "2025" })).toThrow(InvalidInputError);
  });

  it("the head issues with the next number of the unit and year (01, 02; per unit), only the issued file is archived and verifiable", async () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const hl = unitIdByCode(db, "DT-HOALONG");
    const officer = ctxOf(db, "thuky.laivung", NOW);
    // Not written yet: refused, nothing numbered.
    await expect(issueReport(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025", { password: DEMO_PASSWORD })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    saveNarrative(officer, "annual", lv, "2025", {
      situation: "Xã duy trì hệ thống sau khi sáp nhập.",
      difficulties: "Thiếu cán bộ chuyên trách ISO sau sắp xếp.",
      proposals: "Đề nghị Sở KH&CN tập huấn lại quy trình mới.",
    });
    saveNarrative(officer, "unit", lv, "2026-10", { difficulties: "Khó khăn tháng 10.", proposals: "Kiến nghị tháng 10." });
    saveNarrative(ctxOf(db, "thuky.hoalong", NOW), "unit", hl, "2026-10", { difficulties: "Khó khăn.", proposals: "Kiến nghị." });
    const trailRows = db.select().from(trail).where(eq(trail.entity, "report_issue")).all();
    expect(trailRows.map((r) => r.action)).toEqual(["create", "create", "create"]);
    // The head of another unit, a wrong password, an officer: refused.
    await expect(issueReport(ctxOf(db, "chutich.hoalong", NOW), "annual", lv, "2025", { password: DEMO_PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
    await expect(issueReport(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025", { password: "wrong" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(issueReport(officer, "annual", lv, "2025", { password: DEMO_PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
    // Two issues at once (the chair and the vice-chair): distinct numbers, no gap.
    const [a, b] = await Promise.all([
      issueReport(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025", { password: DEMO_PASSWORD }),
      issueReport(ctxOf(db, "phochutich.laivung", NOW), "unit", lv, "2026-10", { password: DEMO_PASSWORD }),
    ]);
    expect([a.issue.number, b.issue.number].sort()).toEqual(["01/BC-UBND", "02/BC-UBND"]);
    expect(a.issue.issuedOn).toBe("2026-11-25");
    // Per unit: Hòa Long starts at 01.
    const c = await issueReport(ctxOf(db, "chutich.hoalong", NOW), "unit", hl, "2026-10", { password: DEMO_PASSWORD });
    expect(c.issue.number).toBe("01/BC-UBND");
    // Issued once: again is refused, and the narrative is frozen.
    await expect(issueReport(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025", { password: DEMO_PASSWORD })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(() => saveNarrative(officer, "annual", lv, "2025", { proposals: "sửa" })).toThrow(PreconditionFailedError);

    const done = await produceQueued(db, a.report.id, deps(), NOW);
    expect(done?.status).toBe("done");
    const bytes = fs.readFileSync(path.join(dir, done!.file!));
    const text = pdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain(`Số: ${a.issue.number}`);
    expect(text).toContain("Thiếu cán bộ chuyên trách ISO sau sắp xếp.");
    expect(text).toContain("Đề nghị Sở KH&CN tập huấn lại quy trình mới.");
    expect(text).toContain("Nguyễn Hữu Phước");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(text).not.toContain("DỰ THẢO");
    expect(text).not.toContain("Dự thảo");
    expect(text).not.toContain("bổ sung đề xuất, kiến nghị trước khi trình ký");
    expect(issuedBy(verifyBytes(db, bytes))?.sha256).toBe(done!.sha256);
    const vice = await produceQueued(db, b.report.id, deps(), NOW);
    const viceText = pdfText(fs.readFileSync(path.join(dir, vice!.file!))).replace(/\s+/g, " ");
    expect(viceText).toContain("KT. CHỦ TỊCH");
    expect(viceText).toContain("Huỳnh Thanh Tâm");
    expect(viceText).toContain("Khó khăn tháng 10.");
    expect(
      db
        .select()
        .from(trail)
        .where(and(eq(trail.entity, "report_issue"), eq(trail.action, "issue")))
        .all(),
    ).toHaveLength(3);
  });

  it("the scheduler makes the yearly report's draft, never an archived file", async () => {
    const province = unitIdByCode(db, "DT");
    const period = parsePeriod("2025")!;
    const first = await produceScheduled(db, { name: "reports.yearly", now: NOW }, { kind: "annual", unitId: province, period });
    const again = await produceScheduled(db, { name: "reports.yearly", now: NOW }, { kind: "annual", unitId: province, period });
    expect([first, again]).toEqual(["produced", "skipped"]);
    expect(
      db
        .select()
        .from(reports)
        .where(and(eq(reports.kind, "annual"), eq(reports.unitId, province)))
        .all(),
    ).toEqual([]);
    const draft = db
      .select()
      .from(reportIssues)
      .where(and(eq(reportIssues.kind, "annual"), eq(reportIssues.unitId, province)))
      .get();
    expect(draft?.status).toBe("draft");
  });
});
