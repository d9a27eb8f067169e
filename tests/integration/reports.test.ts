import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctiveActions, findings, jobRuns, reportIssues, reports, trail } from "#db/schema";
import { catchUp, runJob } from "#jobs/runner";
import { getJob } from "#jobs/schedule";
import { drainQueue, produceQueued } from "~/modules/reports/produce.server";
import { requestReport } from "~/modules/reports/request.server";
import { getReportFileInScopeOrThrow, listReports } from "~/modules/reports/queries.server";
import { verifyBytes, verifyText } from "~/modules/reports/verify.server";
import { readConfig } from "~/lib/config.server";
import { ForbiddenError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { pdfText } from "../unit/templates-pdftext";

// why a fixed clock: periods and "overdue" are cut on calendar days; 25/11/2026 10:00 in Vietnam.
const NOW = new Date("2026-11-25T03:00:00Z");

type TDB = ReturnType<typeof testDb>;

function insertFinding(db: TDB, unitCode: string, over: Partial<typeof findings.$inferInsert> = {}) {
  const t = NOW.getTime();
  return db
    .insert(findings)
    .values({
      unitId: unitIdByCode(db, unitCode),
      source: "internal_audit",
      gradeCode: "minor",
      description: "Phát hiện thử",
      foundOn: "2026-10-10",
      createdAt: t,
      updatedAt: t,
      ...over,
    })
    .returning()
    .get();
}

function tmpData() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-"));
  return readConfig({ ...process.env, DATA_DIR: dir, APP_ROOT: process.cwd() });
}

/** The figures the report must show, counted here independently of the report's own query. */
function expectedFindings(db: ReturnType<typeof testDb>, code: string, start: string, end: string) {
  const endMs = new Date(`${end}T17:00:00Z`).getTime(); // the end day's 24:00 in Vietnam
  const startMs = new Date(`${start}T00:00:00+07:00`).getTime();
  const rows = db
    .select()
    .from(findings)
    .where(eq(findings.unitId, unitIdByCode(db, code)))
    .all()
    .filter((f) => f.foundOn <= end);
  const open = rows.filter((f) => f.closedAt === null || f.closedAt >= endMs);
  return {
    raised: rows.filter((f) => f.foundOn >= start).length,
    closed: rows.filter((f) => f.closedAt !== null && f.closedAt >= startMs && f.closedAt < endMs).length,
    open: open.length,
    // Overdue (findings/rules.ts findingOverdue): open past its due date with no corrective action at the end of the
    // period, or one not implemented by then.
    overdue: open.filter((f) => {
      if (f.actionDueOn === null || f.actionDueOn >= end) return false;
      const acts = db
        .select()
        .from(correctiveActions)
        .where(eq(correctiveActions.findingId, f.id))
        .all()
        .filter((a) => a.createdAt < endMs);
      return acts.length === 0 || acts.some((a) => a.implementedOn === null || a.implementedOn > end);
    }).length,
  };
}

describe("on-demand reports: request, produce, archive, scope", () => {
  let db: TDB;
  let config: ReturnType<typeof readConfig>;
  const deps = () => ({ reportsDir: config.reportsDir, baseUrl: "https://iso.dongthap.gov.vn" });
  beforeAll(() => {
    db = testDb({ seeded: true });
    config = tmpData();
    // Lai Vung, October 2026: 2 major (one closed in October), 3 minor (one overdue), 1 observation; Sept one still open.
    insertFinding(db, "DT-LAIVUNG", {
      gradeCode: "major",
      foundOn: "2026-10-03",
      description: "Hồ sơ hộ tịch trả quá hạn, chưa có văn bản xin lỗi",
      actionDueOn: "2026-12-03",
    });
    insertFinding(db, "DT-LAIVUNG", { gradeCode: "major", foundOn: "2026-10-05", status: "closed", closedAt: new Date("2026-10-20T03:00:00Z").getTime() });
    insertFinding(db, "DT-LAIVUNG", { gradeCode: "minor", foundOn: "2026-10-08", actionDueOn: "2026-10-20" });
    insertFinding(db, "DT-LAIVUNG", { gradeCode: "minor", foundOn: "2026-10-12" });
    insertFinding(db, "DT-LAIVUNG", { gradeCode: "minor", foundOn: "2026-10-28" });
    insertFinding(db, "DT-LAIVUNG", { gradeCode: "observation", foundOn: "2026-10-15" });
    insertFinding(db, "DT-LAIVUNG", { gradeCode: "minor", foundOn: "2026-09-20" });
    // A sibling's finding must not leak into Lai Vung's figures.
    insertFinding(db, "DT-HOALONG", { gradeCode: "major", foundOn: "2026-10-09" });
  });
  afterAll(() => closeTestDb(db));

  it("an officer requests a unit report; it is produced, archived with its hash, and its text carries the figures", async () => {
    const ctx = ctxOf(db, "thuky.laivung", NOW);
    const row = requestReport(ctx, { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: "2026-10" });
    expect(row.status).toBe("queued");
    const done = await produceQueued(db, row.id, deps(), NOW);
    expect(done?.status).toBe("done");
    const file = path.join(config.reportsDir, done!.file!);
    const bytes = fs.readFileSync(file);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(done!.sha256);
    expect(bytes.length).toBe(done!.size);
    const text = pdfText(bytes);
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG");
    expect(text).toContain("Lai Vung, ngày 25 tháng 11 năm 2026");
    expect(text).toContain("tháng 10 năm 2026 (từ ngày 01/10/2026 đến ngày 31/10/2026)");
    // Here 6 raised in October (1 closed), 1 open from September; the demo seed adds 1 raised in October, 1 closed
    // in October (raised in September) and 1 still open from September: 7 raised, 2 closed, 8 open, 1 overdue.
    const e = expectedFindings(db, "DT-LAIVUNG", "2026-10-01", "2026-10-31");
    expect(e.raised).toBeGreaterThan(0);
    expect(text).toContain(
      `Trong kỳ phát sinh ${e.raised} phát hiện, đã đóng ${e.closed}; đến cuối kỳ còn ${e.open} phát hiện chưa đóng, trong đó ${e.overdue} phát hiện quá hạn khắc phục.`,
    );
    expect(text).toContain("Hồ sơ hộ tịch trả quá hạn, chưa có văn bản xin lỗi");
    // Every area now feeds its section: the obligations, documents and quality objectives come from the records.
    expect(text).not.toContain("nguồn số liệu chưa được kết nối");
    expect(text).toContain("Đánh giá nội bộ trong 12 tháng");
    expect(text).toContain("Ít nhất 40% hồ sơ được tiếp nhận trực tuyến");
    expect(text).toContain(`Mã xác thực: ${done!.verifyCode}`);
    expect(text).toContain(`https://iso.dongthap.gov.vn/reports/verify/${done!.verifyCode}`);
    expect(text).toContain("Nguyễn Hữu Phước"); // the chair signs
    // The request and the result are both in the trail.
    const actions = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "report"), eq(trail.entityId, String(row.id))))
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["request", "generate"]);
  });

  it("a sibling commune's officer is refused the download (not found), the province inspector and the unit's chair get it", async () => {
    const ctx = ctxOf(db, "kiemtra.tinh", NOW);
    const row = requestReport(ctx, { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: "2026-Q3" });
    await produceQueued(db, row.id, deps(), NOW);
    const sibling = ctxOf(db, "thuky.hoalong", NOW);
    expect(() => getReportFileInScopeOrThrow(sibling, config.reportsDir, row.id)).toThrow(NotFoundError);
    expect(listReports(sibling, {}).rows.map((r) => r.unitName)).not.toContain("Xã Lai Vung");
    for (const who of ["kiemtra.tinh", "chutich.laivung", "thuky.laivung"]) {
      const c = ctxOf(db, who, NOW);
      expect(getReportFileInScopeOrThrow(c, config.reportsDir, row.id).sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("who may ask, and for what: leaders cannot, out-of-scope units are not found, bad periods and kinds are refused per field", () => {
    const laivung = unitIdByCode(db, "DT-LAIVUNG");
    expect(() => requestReport(ctxOf(db, "chutich.laivung", NOW), { kind: "unit", unitId: laivung, period: "2026-10" })).toThrow(ForbiddenError);
    expect(() => requestReport(ctxOf(db, "thuky.hoalong", NOW), { kind: "unit", unitId: laivung, period: "2026-10" })).toThrow(NotFoundError);
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as InvalidInputError).fieldErrors;
      }
      throw new Error("no error");
    };
    const officer = ctxOf(db, "thuky.laivung", NOW);
    expect(field(() => requestReport(officer, { kind: "area", unitId: laivung, period: "2026-10" }))).toEqual({ unitId: ["reports.errors.notArea"] });
    expect(field(() => requestReport(officer, { kind: "annual", unitId: laivung, period: "2026-10" }))).toEqual({ period: ["reports.errors.annualYear"] });
    expect(field(() => requestReport(officer, { kind: "unit", unitId: laivung, period: "2026-12" }))).toEqual({ period: ["reports.errors.future"] });
    expect(field(() => requestReport(officer, { kind: "unit", unitId: laivung, period: "2026-13" }))).toEqual({ period: ["reports.errors.period"] });
  });

  it("the area summary has one line per unit below, with the sibling's figures on their own line", async () => {
    const ctx = ctxOf(db, "kiemtra.tinh", NOW);
    const row = requestReport(ctx, { kind: "area", unitId: unitIdByCode(db, "DT"), period: "2026-10" });
    await drainQueue(db, deps(), () => NOW);
    const r = db.select().from(reports).where(eq(reports.id, row.id)).get()!;
    expect(r.status).toBe("done");
    const text = pdfText(fs.readFileSync(path.join(config.reportsDir, r.file!)));
    expect(text).toContain("BÁO CÁO TỔNG HỢP");
    expect(text).toContain("của 4 đơn vị trên địa bàn tỉnh Đồng Tháp tháng 10 năm 2026");
    const lv = expectedFindings(db, "DT-LAIVUNG", "2026-10-01", "2026-10-31");
    const hl = expectedFindings(db, "DT-HOALONG", "2026-10-01", "2026-10-31");
    expect(text).toContain(`Xã Lai Vung ${lv.raised} ${lv.open} ${lv.overdue}`);
    expect(text).toContain(`Xã Hòa Long (từ 01/07/2025) ${hl.raised} ${hl.open} ${hl.overdue}`);
    expect(text).toContain(`Xã Lai Vung: ${lv.overdue} phát hiện quá hạn khắc phục.`);
  });

  it("verification: the file, its hash or its code say which report it is; a changed file is not found", async () => {
    const r = db.select().from(reports).where(eq(reports.status, "done")).get()!;
    const bytes = fs.readFileSync(path.join(config.reportsDir, r.file!));
    const byFile = verifyBytes(db, bytes);
    expect(byFile.by === "file" && byFile.report?.unitName).toBe("Xã Lai Vung");
    const byHash = verifyText(db, r.sha256!.toUpperCase());
    expect(byHash.by === "hash" && byHash.report?.periodKey).toBe(r.periodKey);
    const byCode = verifyText(db, r.verifyCode.toLowerCase().replace("-", " "));
    expect(byCode.by === "code" && byCode.report?.sha256).toBe(r.sha256);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 1;
    expect(verifyBytes(db, tampered).by === "file" && verifyBytes(db, tampered)).toMatchObject({ report: null });
    expect(verifyText(db, "hello").by).toBe("invalid");
  });

  it("renders in a worker thread (what the server uses) with the same text", async () => {
    const { renderInWorker, stopRenderWorker } = await import("~/modules/reports/render.server");
    const { sampleUnitReport } = await import("#templates/samples");
    try {
      const { bytes, pages } = await renderInWorker(sampleUnitReport());
      expect(pages).toBeGreaterThan(0);
      expect(pdfText(bytes)).toContain("Tình hình duy trì, áp dụng hệ thống quản lý chất lượng");
    } finally {
      await stopRenderWorker();
    }
  }, 60_000);
});

describe("scheduled reports: a draft exactly once per (kind, unit, period), catch-up, restart", () => {
  // Decision 0016: the scheduler makes drafts (report_issues rows), never a sealed file; issuing them is tested in
  // report-issues.test.ts and report-drafts-scheduled.test.ts.
  let db: TDB;
  let config: ReturnType<typeof readConfig>;
  beforeAll(() => {
    db = testDb({ seeded: true });
    config = tmpData();
    insertFinding(db, "DT-PHONGHOA", { gradeCode: "major", foundOn: "2026-08-11" });
  });
  afterAll(() => closeTestDb(db));
  const monthly = () => getJob("reports-monthly")!;
  const at = (iso: string) => () => new Date(iso);
  const count = (periodKey: string) => db.select().from(reportIssues).where(eq(reportIssues.periodKey, periodKey)).all();
  const sealed = (periodKey: string) =>
    db
      .select()
      .from(reports)
      .where(and(eq(reports.trigger, "schedule"), eq(reports.periodKey, periodKey)))
      .all();

  it("the job for a month makes each unit's draft and each area's summary draft once; running it again adds nothing", async () => {
    const first = await runJob(db, config, monthly(), "2026-08", "manual", at("2026-09-01T01:00:00Z"));
    expect(first.status).toBe("succeeded");
    const rows = count("2026-08");
    // 5 communes valid in 2026 (4 in Đồng Tháp + Long Hồ) and 2 provinces.
    expect(rows.filter((r) => r.kind === "unit")).toHaveLength(5);
    expect(rows.filter((r) => r.kind === "area")).toHaveLength(2);
    expect(rows.every((r) => r.status === "draft" && r.reportId === null && r.number === null)).toBe(true);
    expect(sealed("2026-08")).toEqual([]);
    expect((await runJob(db, config, monthly(), "2026-08", "manual", at("2026-09-01T02:00:00Z"))).status).toBe("skipped");
    const forced = await runJob(db, config, monthly(), "2026-08", "manual", at("2026-09-01T03:00:00Z"), { force: true });
    expect(forced.status).toBe("skipped"); // succeeded runs are not forced either
    expect(count("2026-08")).toHaveLength(7);
  }, 120_000);

  it("a restart in the middle of a run finishes the period without making anything twice", async () => {
    // A run of September died after one draft: its job_runs row stays "running", one draft exists.
    const started = new Date("2026-10-01T18:00:00Z").getTime(); // 01:00 on 2 Oct in Vietnam
    db.insert(jobRuns)
      .values({
        job: "reports-monthly",
        periodKey: "2026-09",
        status: "running",
        trigger: "schedule",
        owner: "dead:1",
        startedAt: started,
        heartbeatAt: started,
      })
      .run();
    const { produceScheduled } = await import("~/modules/reports/schedule.server");
    const { parsePeriod } = await import("~/modules/reports/periods");
    expect(
      await produceScheduled(
        db,
        { name: "reports-monthly", now: new Date(started) },
        { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: parsePeriod("2026-09")! },
      ),
    ).toBe("produced");
    // Restart 20 minutes later: catch-up takes the stale run over.
    const results = await catchUp(db, config, [monthly()], at("2026-10-01T18:20:00Z"));
    const run = results.find((r) => r.periodKey === "2026-09")?.outcome;
    expect(run?.status).toBe("succeeded");
    expect(run?.status === "succeeded" && run.output).toMatchObject({ produced: 6, skipped: 1 });
    const rows = count("2026-09");
    expect(rows).toHaveLength(7);
    const keys = rows.map((r) => `${r.kind}:${r.unitId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sealed("2026-09")).toEqual([]);
  }, 120_000);

  it("after two months stopped, the start catches up both missed months", async () => {
    // Last made: September (above). Stopped until 1 December, 09:00 Vietnam.
    const results = await catchUp(db, config, [monthly()], at("2026-12-01T02:00:00Z"));
    const produced = results
      .filter((r) => r.outcome.status === "succeeded")
      .map((r) => r.periodKey)
      .sort();
    expect(produced).toEqual(["2026-10", "2026-11"]);
    expect(count("2026-10")).toHaveLength(7);
    expect(count("2026-11")).toHaveLength(7);
  }, 180_000);
});
