import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctiveActions, documents, findings, reportIssues, reports, units } from "#db/schema";
import { insertFinding } from "#db/seed-actions";
import { runJob } from "#jobs/runner";
import { getJob } from "#jobs/schedule";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { updateCorrectiveAction } from "~/modules/corrective-actions/update-action.server";
import { verifyEffectiveness } from "~/modules/corrective-actions/verify.server";
import { unitsWithCompliance } from "~/modules/compliance/queries.server";
import { withdrawDocument } from "~/modules/documents/withdraw-document.server";
import { recordPeriodicReview } from "~/modules/documents/record-review.server";
import { makeCtx } from "~/modules/context.server";
import { measureObjectives } from "~/modules/objectives/measure.server";
import { scheduledTargets } from "~/modules/reports/data.server";
import { parsePeriod } from "~/modules/reports/periods";
import { produceQueued } from "~/modules/reports/produce.server";
import { listReports } from "~/modules/reports/queries.server";
import { requestReport } from "~/modules/reports/request.server";
import { renderDraft } from "~/modules/reports/issue.server";
import { formatResult, formatTarget } from "~/modules/objectives/schema";
import { ACTION_NOT_DONE } from "~/modules/findings/rules";
import { readConfig } from "~/lib/config.server";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { pdfText } from "../unit/templates-pdftext";
import { PASSWORD, proposed, withRequest } from "./corrective-actions-helpers";

// why a fixed clock: "as of a date" is about calendar days; 25/11/2026 10:00 in Vietnam, then later moments.
const NOW = new Date("2026-11-25T03:00:00Z");
const LATER = new Date("2026-11-27T03:00:00Z");
const DEC1 = new Date("2026-12-01T02:00:00Z"); // 01/12/2026 09:00 in Vietnam

type TDB = ReturnType<typeof testDb>;

function tmpData() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-asof-"));
  return readConfig({ ...process.env, DATA_DIR: dir, APP_ROOT: process.cwd() });
}

/** Request and produce one period report as `who` at `now`; its extracted text. */
async function generate(db: TDB, dir: string, who: string, kind: "unit" | "area" | "annual", code: string, period: string, now: Date) {
  // The yearly report is issued from its draft (issue 14): its figures are read from the draft's rendering.
  if (kind === "annual")
    return pdfText((await renderDraft(ctxOf(db, who, now), kind, unitIdByCode(db, code), period, { baseUrl: "https://iso.dongthap.gov.vn" })).bytes);
  const row = requestReport(ctxOf(db, who, now), { kind, unitId: unitIdByCode(db, code), period });
  const done = await produceQueued(db, row.id, { reportsDir: dir, baseUrl: "https://iso.dongthap.gov.vn" }, now);
  expect(done?.status).toBe("done");
  return pdfText(fs.readFileSync(path.join(dir, done!.file!)));
}

/** The report's body: from the opening paragraph to the closing one, without page footers (code, page, trail head). */
function body(text: string): string {
  const from = text.indexOf("như sau:");
  const to = text.indexOf("Trên đây là báo cáo");
  return text
    .slice(from, to)
    .replace(/Mã xác thực: \S+ · Trang \d+\/\d+ Kiểm tra văn bản tại: \S+ Nhật ký hệ thống: dòng \d+ · [0-9a-f]+/g, "")
    .replace(/\s+/g, " ");
}

describe("state as of a date: past periods keep their figures, running ones never see the future", () => {
  let db: TDB;
  let dir: string;
  beforeAll(() => {
    db = testDb({ seeded: true });
    dir = tmpData().reportsDir;
  });
  afterAll(() => closeTestDb(db));

  it("a closed period's report has the same figures before and after later changes to the records it covers", async () => {
    const before = {
      month: body(await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-10", NOW)),
      year: body(await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2025", NOW)),
      province: body(await generate(db, dir, "canbo.tinh", "annual", "DT", "2025", NOW)),
    };
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const acts = db.select().from(correctiveActions).where(eq(correctiveActions.unitId, lv)).all();
    // Later (27/11): the implemented action is verified effective, the acknowledged one is edited (its signature is
    // voided), a document is withdrawn and another reviewed, a new finding is raised.
    const implemented = acts.find((a) => a.status === "implemented")!;
    verifyEffectiveness(ctxOf(db, "canbo.tinh", LATER), implemented.id, { outcome: "effective", note: "Đã kiểm tra hồ sơ sau khắc phục." });
    const waiting = acts.filter((a) => a.status === "proposed");
    expect(waiting.length).toBe(2);
    updateCorrectiveAction(ctxOf(db, "thuky.laivung", LATER), waiting[1]!.id, {
      description: `${waiting[1]!.description} (sửa)`,
      ownerId: waiting[1]!.ownerId,
      dueOn: "2027-02-28",
      lateReason: "Chờ kinh phí năm 2027 để thay thiết bị.",
    });
    await acknowledgeCorrectiveAction(ctxOf(db, "chutich.laivung", LATER), waiting[0]!.id, { password: PASSWORD, capacity: "own" });
    const docs = db.select().from(documents).where(eq(documents.unitId, lv)).all();
    const policy = docs.find((d) => d.code === "CSCL")!;
    const manual = docs.find((d) => d.code === "STCL")!;
    withdrawDocument(ctxOf(db, "chutich.laivung", LATER), policy.id, "Thay bằng chính sách mới");
    recordPeriodicReview(ctxOf(db, "thuky.laivung", LATER), manual.id, { reviewedOn: "2026-11-27", outcome: "needs_revision", note: "Cập nhật sau sáp nhập." });
    insertFinding(db, { unitCode: "DT-LAIVUNG", source: "internal_audit", grade: "major", description: "Phát hiện mới", foundOn: "2026-11-27" }, LATER);

    // The changes are real: today's state differs from the one the reports describe.
    expect(["verified", "closed"]).toContain(db.select().from(correctiveActions).where(eq(correctiveActions.id, implemented.id)).get()!.status);
    expect(db.select().from(documents).where(eq(documents.id, policy.id)).get()!.status).toBe("obsolete");

    const after = {
      month: body(await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-10", LATER)),
      year: body(await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2025", LATER)),
      province: body(await generate(db, dir, "canbo.tinh", "annual", "DT", "2025", LATER)),
    };
    expect(before.month.length).toBeGreaterThan(1000);
    expect(after.month).toBe(before.month);
    expect(after.year).toBe(before.year);
    expect(after.province).toBe(before.province);
    // On 31/12/2025 the chair's signature of the first action still covered its content (the second action, which
    // voided it, was added on 03/01/2026): the 2025 report shows it valid, with the text signed.
    expect(before.year).toMatch(/Chủ tịch Nguyễn Hữu Phước Sửa đổi QT 02\/CX-HCTP.* Còn hiệu lực/);
  });

  it("a commune formed on 01/07/2025 has no documents in its 2025-Q2 report; its 2025 report counts those in force on 31/12/2025", async () => {
    const q2 = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2025-Q2", NOW);
    expect(q2).toContain("Tổng số tài liệu, quy trình đang quản lý: 0; đang có hiệu lực: 0.");
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    // Counted here from the revisions themselves: documents whose first revision took effect by 31/12/2025.
    const inForce = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM documents d WHERE d.unit_id = ${lv}
      AND (SELECT min(r.effective_from) FROM document_revisions r WHERE r.document_id = d.id AND r.effective_at IS NOT NULL) <= '2025-12-31'`)!.n;
    expect(inForce).toBe(6);
    const y2025 = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2025", NOW);
    expect(y2025).toContain(`đang có hiệu lực: ${inForce}.`);
  });

  it("total documents managed counts drafts; in force does not", async () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const now = db.select({ status: documents.status }).from(documents).where(eq(documents.unitId, lv)).all();
    const effective = now.filter((d) => d.status === "effective").length;
    const managed = now.filter((d) => d.status !== "obsolete").length;
    expect(managed).toBeGreaterThan(effective); // QT 04 is still in review
    const text = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-11", LATER);
    expect(text).toContain(`Tổng số tài liệu, quy trình đang quản lý: ${managed}; đang có hiệu lực: ${effective}.`);
  });
});

describe("a December report generated on 01/12 counts what is overdue on 01/12, as /compliance does that minute", () => {
  let db: TDB;
  let dir: string;
  beforeAll(() => {
    db = testDb({ seeded: true });
    dir = tmpData().reportsDir;
    // Due within December: not overdue on 01/12, overdue by 31/12.
    proposed(db, { dueOn: "2026-12-10" });
    insertFinding(
      db,
      { unitCode: "DT-LAIVUNG", source: "inspection", grade: "minor", description: "Chưa niêm yết", foundOn: "2026-11-20", actionDueOn: "2026-12-15" },
      NOW,
    );
  });
  afterAll(() => closeTestDb(db));

  it("overdue and due soon match the compliance page; the first page says when the figures were taken", async () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const text = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-12", DEC1);

    const page = unitsWithCompliance(ctxOf(db, "kiemtra.tinh", DEC1)).find((r) => r.id === lv)!;
    const acts = db.select().from(correctiveActions).where(eq(correctiveActions.unitId, lv)).all();
    const pending = acts.filter((a) => ["proposed", "acknowledged", "in_progress"].includes(a.status));
    const overdueOn = (day: string) => pending.filter((a) => a.dueOn < day).length;
    // The data tells the two days apart, and the page counts 01/12.
    expect(overdueOn("2026-12-31")).toBeGreaterThan(overdueOn("2026-12-01"));
    expect(page.facts.actions!.overdue).toBe(overdueOn("2026-12-01"));
    const dueSoon = pending.filter((a) => a.dueOn >= "2026-12-01" && a.dueOn <= "2026-12-15").length;
    expect(dueSoon).toBeGreaterThan(0);
    expect(page.facts.actions!.dueSoon).toBe(dueSoon);

    const open = acts.filter((a) => ["proposed", "acknowledged", "in_progress", "implemented"].includes(a.status)).length;
    const closed = acts.filter((a) => ["verified", "closed"].includes(a.status));
    const onTime = closed.filter((a) => a.implementedOn !== null && a.implementedOn <= a.dueOn).length;
    expect(text).toContain(`${open} ${page.facts.actions!.overdue} ${closed.length} ${onTime} `);
    expect(text).toContain(`${page.facts.actions!.open} hành động đang mở; ${page.facts.actions!.overdue} quá hạn;`);

    // Findings: open ones past their action due date on 01/12 (the inspection finding due 15/12 is not).
    const fs_ = db
      .select()
      .from(findings)
      .where(and(eq(findings.unitId, lv), eq(findings.status, "open")))
      .all();
    // Overdue as findings/rules.ts says: past its due date with no corrective action, or one not implemented yet.
    const notDone = (id: number) => {
      const acts = db.select().from(correctiveActions).where(eq(correctiveActions.findingId, id)).all();
      return acts.length === 0 || acts.some((a) => ACTION_NOT_DONE.includes(a.status));
    };
    const late = fs_.filter((f) => f.actionDueOn !== null && f.actionDueOn < "2026-12-01" && notDone(f.id)).length;
    expect(fs_.filter((f) => f.actionDueOn !== null && f.actionDueOn < "2026-12-31").length).toBeGreaterThan(late);
    expect(page.facts.findings!.overdue).toBe(late);
    expect(text).toMatch(new RegExp(`phát hiện chưa đóng, trong đó ${late} phát hiện quá hạn khắc phục`));

    // On the first page (pdftotext loses some letters of the italic face: the time and day are what matter).
    expect(pdfText(fs.readFileSync(path.join(dir, db.select().from(reports).all().at(-1)!.file!)), 1)).toContain("Số liệu tính đến 09:00 ngày 01/12/2026");

    // The closed November, produced the same morning, counts nothing created on 01/12.
    const f = insertFinding(
      db,
      {
        unitCode: "DT-LAIVUNG",
        source: "internal_audit",
        grade: "minor",
        description: "Phát hiện ngày 01/12",
        foundOn: "2026-12-01",
        actionDueOn: "2027-01-31",
      },
      DEC1,
    );
    withRequest(db, f.id, DEC1);
    addCorrectiveAction(ctxOf(db, "thuky.laivung", DEC1), f.id, {
      description: "Việc mới ngày 01/12",
      ownerId: actorOf(db, "congchuc.laivung").id,
      dueOn: "2026-12-20",
    });
    const november = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-11", new Date(DEC1.getTime() + 60_000));
    const dec1 = new Date("2026-11-30T17:00:00Z").getTime(); // 01/12 00:00 in Vietnam
    const byNov = db
      .select()
      .from(correctiveActions)
      .where(eq(correctiveActions.unitId, lv))
      .all()
      .filter((a) => a.createdAt < dec1);
    expect(byNov.length).toBeLessThan(db.select().from(correctiveActions).where(eq(correctiveActions.unitId, lv)).all().length);
    const openNov = byNov.filter((a) => ["proposed", "acknowledged", "in_progress", "implemented"].includes(a.status)).length;
    const overdueNov = byNov.filter((a) => ["proposed", "acknowledged", "in_progress"].includes(a.status) && a.dueOn < "2026-11-30").length;
    expect(november).toContain(`Đang thực hiện Quá hạn Đã hoàn thành Hoàn thành đúng hạn Tỷ lệ đúng hạn ${openNov} ${overdueNov} `);
    expect(november).not.toContain("Số liệu tính đến");
  });
});

describe("signatures in reports: as they stood at the report's date, with what they were bound to", () => {
  let db: TDB;
  let dir: string;
  beforeAll(() => {
    db = testDb({ seeded: true });
    dir = tmpData().reportsDir;
  });
  afterAll(() => closeTestDb(db));

  it("a voided signature is shown as voided beside the text it signed; a re-signature is the valid one; counts match the table", async () => {
    const { a } = proposed(db, { dueOn: "2027-01-15" });
    const t = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
    await acknowledgeCorrectiveAction(ctxOf(db, "chutich.laivung", t(1)), a.id, { password: PASSWORD, capacity: "own" });
    updateCorrectiveAction(ctxOf(db, "thuky.laivung", t(2)), a.id, { description: "Sửa quy trình QT 02 hằng tuần", ownerId: a.ownerId, dueOn: a.dueOn });

    let text = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-11", t(3));
    expect(text).toContain("Trong kỳ, lãnh đạo đã ký xác nhận 0 hành động khắc phục, chữ ký còn hiệu lực đến thời điểm báo cáo; 1 chữ ký khác");
    expect(text).toMatch(/Chủ tịch Nguyễn Hữu Phước Sửa quy trình QT 02 Mất hiệu lực/);
    expect(text).not.toMatch(/Nguyễn Hữu Phước Sửa quy trình QT 02 hằng tuần/);
    expect(text).not.toContain("Còn hiệu lực");

    await acknowledgeCorrectiveAction(ctxOf(db, "phochutich.laivung", t(4)), a.id, { password: PASSWORD, capacity: "kt" });
    text = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-11", t(5));
    expect(text).toContain("Trong kỳ, lãnh đạo đã ký xác nhận 1 hành động khắc phục, chữ ký còn hiệu lực đến thời điểm báo cáo; 1 chữ ký khác");
    expect(text).toMatch(/Chủ tịch Nguyễn Hữu Phước Sửa quy trình QT 02 Đã được ký lại/);
    expect(text).toMatch(/KT\. Chủ tịch – Phó Chủ tịch .+ Sửa quy trình QT 02 hằng tuần Còn hiệu lực/);
    expect(text.match(/Còn hiệu lực/g)).toHaveLength(1);

    // The report of the moment between the edit and the re-signature, made later, still says "voided".
    text = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-11", new Date("2026-12-02T02:00:00Z"));
    expect(text.match(/Còn hiệu lực/g)).toHaveLength(1);
  });
});

describe("units and names as of a date; figures measured one way", () => {
  let db: TDB;
  let dir: string;
  beforeAll(() => {
    db = testDb({ seeded: true });
    dir = tmpData().reportsDir;
  });
  afterAll(() => closeTestDb(db));

  it("a dissolved unit gets no scheduled report after its end date; its old periods stay producible on demand, named with their validity", async () => {
    const sys = makeCtx(db, { kind: "job", name: "reports-monthly" }, NOW);
    const old = db
      .select({ id: units.id })
      .from(units)
      .where(sql`${units.validTo} = '2025-06-30'`)
      .all()
      .map((u) => u.id);
    expect(old.length).toBe(13);
    const targets2026 = scheduledTargets(sys, parsePeriod("2026-10")!).map((t) => t.unit.id);
    expect(targets2026.filter((id) => old.includes(id))).toEqual([]);
    expect(scheduledTargets(sys, parsePeriod("2025-Q2")!).filter((t) => old.includes(t.unit.id)).length).toBe(13);

    const config = tmpData();
    await runJob(db, config, getJob("reports-monthly")!, "2026-10", "manual", () => new Date("2026-11-01T01:00:00Z"));
    // The scheduler makes drafts (decision 0017).
    const made = db.select({ unitId: reportIssues.unitId }).from(reportIssues).where(eq(reportIssues.periodKey, "2026-10")).all();
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((r) => old.includes(r.unitId))).toEqual([]);

    const text = await generate(db, dir, "kiemtra.tinh", "unit", "DT-LV-TD", "2025-Q2", NOW);
    expect(text).toContain("Ủy ban nhân dân xã Tân Dương (đến 30/06/2025) báo cáo");
    expect(listReports(ctxOf(db, "kiemtra.tinh", NOW), { unitId: unitIdByCode(db, "DT-LV-TD") }).rows.map((r) => r.unitName)).toEqual([
      "Xã Tân Dương (đến 30/06/2025)",
    ]);
    const area = await generate(db, dir, "kiemtra.tinh", "area", "DT", "2025", NOW);
    expect(area).toContain("Xã Tân Dương (đến 30/06/2025)");
    expect(area).toContain("Xã Tân Dương (từ 01/07/2025)");
  });

  it("objectives: obligation 9 and the objectives table give the same measure; the province's yearly section I says the real state", async () => {
    const lv = unitIdByCode(db, "DT-LAIVUNG");
    const text = await generate(db, dir, "thuky.laivung", "unit", "DT-LAIVUNG", "2026-10", NOW);
    const objs = measureObjectives(ctxOf(db, "thuky.laivung", NOW), [lv], "2026-10-31").get(lv)!;
    const measured = objs.filter((o) => o.value !== null).length;
    const met = objs.filter((o) => o.met === true).length;
    expect(objs.length).toBeGreaterThan(0);
    expect(text).toContain(`${measured}/${objs.length} mục tiêu đã đo được, ${met} đạt.`);
    for (const o of objs) {
      const actual = o.value === null ? "Chưa có số liệu" : formatResult(o, o.value);
      // (pdftotext sometimes drops the space after the sign: "≤0")
      const [sign, ...figure] = formatTarget(o).split(" ");
      const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(text).toMatch(new RegExp(`${esc(o.title)} ${esc(sign!)} ?${esc(figure.join(" "))} ${esc(actual)}`));
    }
    expect((text.match(/Chưa có số liệu/g) ?? []).length).toBe(objs.length - measured);

    const province = await generate(db, dir, "canbo.tinh", "annual", "DT", "2025", NOW);
    expect(province).not.toContain("nguồn số liệu chưa được kết nối");
    expect(province).toMatch(/I\. VIỆC THỰC HIỆN CÁC YÊU CẦU BẮT BUỘC .*Đánh giá nội bộ trong 12 tháng .*\d+\/\d+ đơn vị đạt/);
  });
});
