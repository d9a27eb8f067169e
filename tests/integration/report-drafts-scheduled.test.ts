import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { notifications, reportIssues, reports, users } from "#db/schema";
import { runJob } from "#jobs/runner";
import { getJob } from "#jobs/schedule";
import { readConfig } from "~/lib/config.server";
import { NotFoundError } from "~/lib/errors";
import { createSession } from "~/modules/auth/sessions.server";
import { inboxFor } from "~/modules/corrective-actions/queries.server";
import { issueReport, renderDraft, reportDraft, saveNarrative } from "~/modules/reports/issue.server";
import { produceQueued } from "~/modules/reports/produce.server";
import { clearReadCache } from "~/modules/read-cache.server";
import { getReportInScopeOrThrow, listReports } from "~/modules/reports/queries.server";
import { verifyBytes } from "~/modules/reports/verify.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import * as newReport from "~/routes/reports.new";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { filesUnder as archived } from "../support/files";
import { pdfInfo, pdfText } from "../unit/templates-pdftext";

// Issue 14 item 4, decision 0017: the scheduled monthly and quarterly unit and area reports are drafts until the
// unit's head issues them; nothing the unit must write is sealed into an archived file by the scheduler.
const NOW = new Date("2026-11-25T03:00:00Z");
const BASE = "https://iso.dongthap.gov.vn";
process.env.DATA_DIR = path.resolve("tests/.tmp/report-drafts-data");

type TDB = ReturnType<typeof testDb>;

describe("scheduled reports are drafts until the unit's head issues them", () => {
  let db: TDB;
  let config: ReturnType<typeof readConfig>;
  const deps = () => ({ reportsDir: config.reportsDir, baseUrl: BASE });
  const monthly = () => getJob("reports-monthly")!;
  const drafts = (periodKey: string) => db.select().from(reportIssues).where(eq(reportIssues.periodKey, periodKey)).all();
  const noticesOf = (username: string, kind: string) => {
    const id = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
    return db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, id), eq(notifications.kind, kind as never)))
      .all();
  };
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-drafts-"));
    config = readConfig({ ...process.env, DATA_DIR: dir, APP_ROOT: process.cwd() });
  });
  afterAll(() => closeTestDb(db));

  it("the monthly run makes a draft (no file, no hash, no number) for every unit that existed in the month; again, nothing", async () => {
    const first = await runJob(db, config, monthly(), "2026-10", "schedule", () => new Date("2026-10-31T18:00:00Z"));
    expect(first.status).toBe("succeeded");
    const made = drafts("2026-10");
    // 5 communes valid in 2026 (4 in Đồng Tháp + Long Hồ): unit drafts; 2 provinces: area drafts. The district and
    // the 12 communes dissolved on 30/06/2025 get none.
    expect(made.filter((d) => d.kind === "unit")).toHaveLength(5);
    expect(made.filter((d) => d.kind === "area")).toHaveLength(2);
    expect(made.every((d) => d.status === "draft" && d.number === null && d.issuedSeq === null && d.reportId === null)).toBe(true);
    expect(made.some((d) => d.unitId === unitIdByCode(db, "DT-LAIVUNG") && d.kind === "unit")).toBe(true);
    // Nothing archived, nothing hashed.
    expect(db.select().from(reports).where(eq(reports.periodKey, "2026-10")).all()).toEqual([]);
    expect(archived(config.reportsDir)).toEqual([]);

    // Twice (a second scheduler, a restart, a forced run): no second draft, no second notice.
    const notices = db.select().from(notifications).all().length;
    await runJob(db, config, monthly(), "2026-10", "manual", () => new Date("2026-11-01T02:00:00Z"), { force: true });
    const { runScheduledReports } = await import("#jobs/handlers/reports");
    const again = await runScheduledReports(
      Object.assign(ctxOf(db, "quantri", NOW), { heartbeat: () => {}, log: () => {} }),
      "reports-monthly",
      "month",
      "2026-10",
    );
    expect(again).toMatchObject({ produced: 0, skipped: 7 });
    expect(drafts("2026-10")).toHaveLength(7);
    expect(db.select().from(notifications).all()).toHaveLength(notices);
  });

  it("the unit's officers are told a draft waits; its leaders are told once the narrative is written", () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const waiting = noticesOf("thuky.laivung", "report.draft_waiting").filter((n) => n.link === `/reports/issue/unit/${lv}/2026-10`);
    expect(waiting).toHaveLength(1);
    expect(JSON.parse(waiting[0]!.params)).toMatchObject({ whatKey: "reports.kind.unit", period: "tháng 10 năm 2026", unit: "Xã Lai Vung" });
    // Not a sibling's officer, not the leaders yet.
    expect(noticesOf("thuky.hoalong", "report.draft_waiting").filter((n) => n.unitId === lv)).toEqual([]);
    expect(noticesOf("chutich.laivung", "report.awaiting_issue")).toEqual([]);
    const officer = ctxOf(db, "thuky.laivung", NOW);
    const link = `/reports/issue/unit/${lv}/2026-10`;
    // The inbox says the same: the officer's to write; nothing yet for the chair; nothing for a sibling's officer.
    expect(inboxFor(officer).reportDrafts.toWrite.map((r) => r.link)).toContain(link);
    expect(inboxFor(ctxOf(db, "chutich.laivung", NOW)).reportDrafts.toIssue).toEqual([]);
    expect(inboxFor(ctxOf(db, "thuky.hoalong", NOW)).reportDrafts.toWrite.map((r) => r.link)).not.toContain(link);
    saveNarrative(officer, "unit", lv, "2026-10", { difficulties: "Chỉ mới viết khó khăn." });
    expect(noticesOf("chutich.laivung", "report.awaiting_issue")).toEqual([]);
    saveNarrative(officer, "unit", lv, "2026-10", {
      difficulties: "Phần mềm một cửa chưa kết nối với cổng dịch vụ công tháng 10.",
      proposals: "Đề nghị Sở KH&CN hướng dẫn cập nhật quy trình liên thông.",
    });
    for (const leader of ["chutich.laivung", "phochutich.laivung"]) {
      expect(
        noticesOf(leader, "report.awaiting_issue").map((n) => n.link),
        leader,
      ).toEqual([`/reports/issue/unit/${lv}/2026-10`]);
    }
    expect(noticesOf("chutich.hoalong", "report.awaiting_issue")).toEqual([]);
    expect(inboxFor(ctxOf(db, "chutich.laivung", NOW)).reportDrafts.toIssue.map((r) => r.link)).toEqual([link]);
    expect(inboxFor(officer).reportDrafts.toWrite.map((r) => r.link)).not.toContain(link);
  });

  it("a draft's PDF says DỰ THẢO; a sibling commune's officer gets 404 on the draft and its PDF", async () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    expect(drafts("2026-10").find((d) => d.unitId === lv && d.kind === "unit")?.status).toBe("draft");
    const { bytes } = await renderDraft(ctxOf(db, "kiemtra.tinh", NOW), "unit", lv, "2026-10", deps());
    const text = pdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("Phần mềm một cửa chưa kết nối với cổng dịch vụ công tháng 10.");
    // On every page, for a unit's report and for an area's summary alike.
    const area = (await renderDraft(ctxOf(db, "kiemtra.tinh", NOW), "area", unitIdByCode(db, "DT"), "2026-10", deps())).bytes;
    for (const pdf of [bytes, area]) {
      const pages = Number(pdfInfo(pdf).Pages);
      expect(pages).toBeGreaterThan(0);
      for (let p = 1; p <= pages; p++) expect(pdfText(pdf, p), `page ${p}`).toContain("DỰ THẢO");
    }
    const sibling = ctxOf(db, "thuky.hoalong", NOW);
    expect(() => reportDraft(sibling, "unit", lv, "2026-10")).toThrow(NotFoundError);
    await expect(renderDraft(sibling, "unit", lv, "2026-10", deps())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the head issues the monthly draft with the next number of the unit's year; exactly one file, the narrative in it, no DỰ THẢO", async () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const officer = ctxOf(db, "thuky.laivung", NOW);
    // The unit's yearly report issued first takes 01: the monthly one continues the same sequence.
    saveNarrative(officer, "annual", lv, "2025", { difficulties: "Khó khăn năm 2025.", proposals: "Kiến nghị năm 2025." });
    const yearly = await issueReport(ctxOf(db, "chutich.laivung", NOW), "annual", lv, "2025", { password: DEMO_PASSWORD });
    expect(yearly.issue.number).toBe("01/BC-UBND");
    expect((await produceQueued(db, yearly.report.id, deps(), NOW))?.status).toBe("done");
    const before = archived(config.reportsDir).length;

    const monthlyIssue = await issueReport(ctxOf(db, "chutich.laivung", NOW), "unit", lv, "2026-10", { password: DEMO_PASSWORD });
    expect(monthlyIssue.issue.number).toBe("02/BC-UBND");
    expect(monthlyIssue.issue.issuedOn).toBe("2026-11-25");
    const done = await produceQueued(db, monthlyIssue.report.id, deps(), NOW);
    expect(done?.status).toBe("done");
    expect(archived(config.reportsDir)).toHaveLength(before + 1);
    expect(
      db
        .select()
        .from(reports)
        .where(and(eq(reports.kind, "unit"), eq(reports.unitId, lv), eq(reports.periodKey, "2026-10")))
        .all(),
    ).toHaveLength(1);
    const bytes = fs.readFileSync(path.join(config.reportsDir, done!.file!));
    const text = pdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("Số: 02/BC-UBND");
    expect(text).toContain("Phần mềm một cửa chưa kết nối với cổng dịch vụ công tháng 10.");
    expect(text).toContain("Đề nghị Sở KH&CN hướng dẫn cập nhật quy trình liên thông.");
    expect(text).not.toContain("DỰ THẢO");
    const v = verifyBytes(db, bytes);
    expect(v.by !== "invalid" && v.report?.issueNumber).toBe("02/BC-UBND");
    // Listed for the province's inspector as issued, with its number.
    const row = listReports(ctxOf(db, "kiemtra.tinh", NOW), {}).rows.find((r) => r.id === done!.id);
    expect(row).toMatchObject({ standing: "issued", issueNumber: "02/BC-UBND" });
    // The scheduler running the month again changes nothing of it.
    await runJob(db, config, monthly(), "2026-10", "manual", () => new Date("2026-11-25T04:00:00Z"), { force: true });
    expect(drafts("2026-10").find((d) => d.unitId === lv && d.kind === "unit")).toMatchObject({ status: "issued", number: "02/BC-UBND" });
  });

  it("a report archived before issuing existed stays as it was, labelled an unnumbered automatic copy", async () => {
    const hl = unitIdByCode(db, "DT-HOALONG");
    // As the old scheduler left it: a scheduled, done, hashed unit report of Hòa Long for 2026-07.
    const t = new Date("2026-08-01T18:00:00Z").getTime();
    const legacy = db
      .insert(reports)
      .values({
        kind: "unit",
        unitId: hl,
        periodKey: "2026-07",
        status: "done",
        trigger: "schedule",
        jobName: "reports-monthly",
        verifyCode: "LEGAC-Y0001",
        sha256: "a".repeat(64),
        size: 1000,
        pages: 2,
        file: "2026/legacy.pdf",
        attempts: 1,
        createdAt: t,
        startedAt: t,
        finishedAt: t,
      })
      .returning()
      .get();
    // Written here outside the app (no trail row), as it stands after an upgrade, when no list has been kept yet.
    clearReadCache();
    const inspector = ctxOf(db, "kiemtra.tinh", NOW);
    expect(getReportInScopeOrThrow(inspector, legacy.id)).toMatchObject({ standing: "legacySchedule", issueNumber: null, sha256: "a".repeat(64) });
    const listed = listReports(inspector, {}).rows.find((r) => r.id === legacy.id);
    expect(listed?.standing).toBe("legacySchedule");
    // A record document is not a report a unit sends: no standing.
    expect(listReports(inspector, {}).rows.every((r) => (["unit", "area", "annual"].includes(r.kind) ? r.standing : r.standing === null))).toBe(true);
  });

  it("asking for a unit or area report on /reports/new leads to its draft, never to a sealed unnumbered file", async () => {
    const me = db.select({ id: users.id }).from(users).where(eq(users.username, "kiemtra.tinh")).get()!.id;
    const cookie = (await commitSessionToken(createSession(db, me, NOW, 14))).split(";")[0]!;
    const before = db.select().from(reports).all().length;
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const dt = unitIdByCode(db, "DT");
    for (const [kind, unitId, period] of [
      ["unit", lv, "2026-Q3"],
      ["area", dt, "2026-09"],
    ] as const) {
      const body = new URLSearchParams({ kind, unitId: String(unitId), period });
      const request = new Request("http://localhost/reports/new", {
        method: "POST",
        body,
        headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      });
      let res: unknown;
      try {
        res = await newReport.action({ request, params: {}, context: {} } as never);
      } catch (e) {
        res = e;
      }
      expect(res instanceof Response ? res.status : 200, kind).toBe(302);
      expect((res as Response).headers.get("Location"), kind).toBe(`/reports/issue/${kind}/${unitId}/${period}`);
    }
    expect(db.select().from(reports).all()).toHaveLength(before);
  });
});
