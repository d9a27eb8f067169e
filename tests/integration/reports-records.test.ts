import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audits, caSignatures, correctiveActions, findings, inspections, reports, trail } from "#db/schema";
import { produceQueued } from "~/modules/reports/produce.server";
import { requestRecordReport } from "~/modules/reports/request.server";
import { getReportFileInScopeOrThrow } from "~/modules/reports/queries.server";
import { verifyBytes } from "~/modules/reports/verify.server";
import { readConfig } from "~/lib/config.server";
import { ForbiddenError, NotFoundError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb } from "../support/db";
import { pdfText } from "../unit/templates-pdftext";

const NOW = new Date("2026-11-25T03:00:00Z");
type TDB = ReturnType<typeof testDb>;

function tmpData() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-rec-"));
  return readConfig({ ...process.env, DATA_DIR: dir, APP_ROOT: process.cwd() });
}

describe("PDFs of one record (audit report, corrective action request form, inspection minutes) from the demo data", () => {
  let db: TDB;
  let config: ReturnType<typeof readConfig>;
  const deps = () => ({ reportsDir: config.reportsDir, baseUrl: "https://iso.dongthap.gov.vn" });
  let auditId: number;
  let findingId: number;
  let inspectionId: number;

  beforeAll(() => {
    db = testDb({ seeded: true });
    config = tmpData();
    auditId = db.select().from(audits).where(like(audits.title, "%2026 – Xã Lai Vung")).get()!.id;
    // The demo's inspection finding in Lai Vung: its one action was signed "KT." by the vice-chair.
    findingId = db.select().from(findings).where(like(findings.description, "Chưa cập nhật 4 quy trình lĩnh vực chứng thực%")).get()!.id;
    inspectionId = db.select().from(inspections).where(eq(inspections.decisionNumber, "215/QĐ-SKHCN")).get()!.id;
  });
  afterAll(() => closeTestDb(db));

  async function generate(username: string, kind: "audit" | "action" | "minutes", subjectId: number) {
    const row = requestRecordReport(ctxOf(db, username, NOW), { kind, subjectId });
    expect(row.status).toBe("queued");
    expect(row.periodKey).toBe(`#${subjectId}`);
    const done = await produceQueued(db, row.id, deps(), NOW);
    expect(done?.status, done?.error ?? "").toBe("done");
    const bytes = fs.readFileSync(path.join(config.reportsDir, done!.file!));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(done!.sha256);
    return { row: done!, bytes, text: pdfText(bytes) };
  }

  it("the Lai Vung 2026 internal audit report carries its dates, scope, team, checklist figures, graded findings, conclusion and both signatures", async () => {
    const { row, bytes, text } = await generate("thuky.laivung", "audit", auditId);
    expect(row.subjectId).toBe(auditId);
    expect(text).toContain("BÁO CÁO ĐÁNH GIÁ NỘI BỘ");
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG");
    expect(text).toMatch(/Số: .*\/BC-ĐGNB/);
    expect(text).toContain("Lai Vung, ngày 19 tháng 6 năm 2026");
    expect(text).toContain("Đánh giá nội bộ HTQLCL năm 2026 – Xã Lai Vung");
    expect(text).toContain("Thời gian: từ 15/06/2026 đến 16/06/2026");
    expect(text).toContain("Phạm Quốc Huy, Chuyên viên Sở KH&CN, Tỉnh Đồng Tháp");
    expect(text).toContain("Lý Thị Kim Ngân, Thư ký ISO UBND xã, Xã Hòa Long");
    expect(text).toContain("QT 05/CX-HT – Đăng ký khai sinh");
    expect(text).toMatch(/8\.7 Kiểm soát đầu ra không phù hợp/);
    // Checklist figures: counted here from the audit's own rows.
    const items = db.$client.prepare("SELECT result, count(*) n FROM audit_checklist_items WHERE audit_id = ? GROUP BY result").all(auditId) as {
      result: string;
      n: number;
    }[];
    const n = (r: string) => items.find((i) => i.result === r)?.n ?? 0;
    const total = items.reduce((s, i) => s + i.n, 0);
    expect(n("nonconformity")).toBe(2);
    expect(text).toContain(
      `Đoàn đánh giá đã đánh giá ${total}/${total} câu hỏi của danh mục kiểm tra: ${n("conforms")} phù hợp, 2 không phù hợp, 1 cần lưu ý, 0 không áp dụng.`,
    );
    expect(text).toContain("Ghi nhận 3 phát hiện");
    expect(text).toContain("Không phù hợp nặng");
    expect(text).toContain("3/20 hồ sơ chứng thực quý I/2026 trễ hạn");
    expect(text).toContain("Có 01 điểm không phù hợp nặng (8.7)");
    expect(text).toContain("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ CHỦ TỊCH");
    expect(text).toContain("Nguyễn Hữu Phước");
    expect(text).toContain("ĐOÀN ĐÁNH GIÁ TRƯỞNG ĐOÀN");
    // Archived and verifiable like any other report.
    const v = verifyBytes(db, bytes);
    expect(v.by).toBe("file");
    const issued = v.by === "file" ? v.report : null;
    expect(issued?.kind).toBe("audit");
    expect(issued?.unitCode).toBe("DT-LAIVUNG");
    expect(text).toContain(row.verifyCode);
    expect(
      db
        .select()
        .from(trail)
        .where(and(eq(trail.entity, "report"), eq(trail.entityId, String(row.id))))
        .all()
        .map((t) => t.action),
    ).toEqual(["request", "generate"]);
  });

  it("the corrective action request form carries the correction, root cause, the action with owner and due date, the KT. signature and its date", async () => {
    const action = db.select().from(correctiveActions).where(eq(correctiveActions.findingId, findingId)).get()!;
    const sig = db.select().from(caSignatures).where(eq(caSignatures.actionId, action.id)).get()!;
    expect(sig.capacity).toBe("kt");
    const signedDay = new Date(sig.signedAt + 7 * 3600_000).toISOString().slice(0, 10).split("-").reverse().join("/");
    const due = action.dueOn.split("-").reverse().join("/");
    const { text } = await generate("thuky.laivung", "action", findingId);
    expect(text).toContain("PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC");
    expect(text).toMatch(/Số: .*\/PYC-HĐKP/);
    expect(text).toContain("Chưa cập nhật 4 quy trình lĩnh vực chứng thực");
    expect(text).toContain("Không phù hợp nặng");
    expect(text).toContain("Đã tạm áp dụng biểu mẫu mới theo văn bản hiện hành.");
    expect(text).toContain("Chưa phân công người theo dõi văn bản pháp luật mới để cập nhật hệ thống quản lý chất lượng.");
    expect(text).toContain("Cập nhật 4 quy trình chứng thực");
    expect(text).toContain("Trần Thị Ngọc Ánh");
    expect(text).toContain(due);
    expect(text).toContain(`Hành động 1: KT. Chủ tịch – Phó Chủ tịch – Huỳnh Thanh Tâm đã ký xác nhận ngày ${signedDay}.`);
    // The form closes with the signer's block as Decree 30 writes it.
    expect(text).toContain("KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
    expect(text).toMatch(/Đã thực\s.*hiện, chờ kiểm tra hiệu lực/); // the status column wraps
  });

  it("a form whose action was verified says so; the 5 whys come out in order", async () => {
    const f4 = db.select().from(findings).where(like(findings.description, "Người dân phản ánh trả kết quả hồ sơ chứng thực trễ hẹn%")).get()!;
    const { text } = await generate("canbo.tinh", "action", f4.id);
    expect(text).toContain("Tại sao 1? Hồ sơ chuyển lãnh đạo ký chậm. Tại sao 2? Không có nhắc hạn hồ sơ sắp đến hạn trả.");
    expect(text).toContain("Phạm Quốc Huy: hành động khắc phục có hiệu lực. Kiểm tra 3 tháng: 0 hồ sơ chứng thực trễ hẹn.");
  });

  it("the Hòa Long inspection minutes carry the decision, team, signing date and each finding with its two-month due date", async () => {
    const { text } = await generate("kiemtra.tinh", "minutes", inspectionId);
    expect(text).toContain("BIÊN BẢN KIỂM TRA");
    expect(text).toMatch(/Số: .*\/BB-ĐKT/);
    expect(text).toContain("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(text).toContain(
      "Thực hiện Quyết định số 215/QĐ-SKHCN ngày 03/08/2026 của Giám đốc Sở Khoa học và Công nghệ, hôm nay, ngày 20/08/2026, tại trụ sở Ủy ban nhân dân xã Hòa Long",
    );
    expect(text).toContain("Ông (bà) Lê Thị Minh Thư, Chuyên viên Chi cục TCĐLCL, Trưởng đoàn;");
    expect(text).toContain("Ông (bà) Phạm Quốc Huy, Chuyên viên Sở KH&CN, thành viên;");
    expect(text).toContain("Ông (bà) Phan Văn Đức, Chủ tịch UBND xã;");
    expect(text).toContain("Chưa cập nhật 04 quy trình theo danh mục TTHC mới");
    expect(text).toContain("Chưa thực hiện đánh giá nội bộ năm 2026 theo kế hoạch.");
    expect(text.match(/20\/10\/2026/g)?.length).toBeGreaterThanOrEqual(3); // both findings and the report deadline
    expect(text).toContain("trước ngày 20/10/2026 (trong vòng 02 tháng kể từ ngày ký biên bản)");
    expect(text).toContain("Hai bên thống nhất ký biên bản.");
    expect(text).toContain("ĐẠI DIỆN ĐƠN VỊ CHỦ TỊCH");
    expect(text).toContain("Phan Văn Đức");
  });

  it("a sibling commune's user can neither generate nor download them (not found); a leader may not generate (forbidden)", async () => {
    const hoaLong = ctxOf(db, "thuky.hoalong", NOW);
    expect(() => requestRecordReport(hoaLong, { kind: "audit", subjectId: auditId })).toThrow(NotFoundError);
    expect(() => requestRecordReport(hoaLong, { kind: "action", subjectId: findingId })).toThrow(NotFoundError);
    expect(() => requestRecordReport(ctxOf(db, "thuky.laivung", NOW), { kind: "minutes", subjectId: inspectionId })).toThrow(NotFoundError);
    expect(() => requestRecordReport(ctxOf(db, "thuky.laivung", NOW), { kind: "audit", subjectId: 999_999 })).toThrow(NotFoundError);
    expect(() => requestRecordReport(ctxOf(db, "chutich.laivung", NOW), { kind: "audit", subjectId: auditId })).toThrow(ForbiddenError);
    const made = db.select().from(reports).where(eq(reports.kind, "audit")).all();
    expect(made.length).toBeGreaterThan(0);
    for (const r of made) {
      expect(() => getReportFileInScopeOrThrow(hoaLong, config.reportsDir, r.id)).toThrow(NotFoundError);
      expect(getReportFileInScopeOrThrow(ctxOf(db, "kiemtra.tinh"), config.reportsDir, r.id).sha256).toBe(r.sha256);
    }
    const minutes = db.select().from(reports).where(eq(reports.kind, "minutes")).get()!;
    expect(() => getReportFileInScopeOrThrow(ctxOf(db, "thuky.laivung"), config.reportsDir, minutes.id)).toThrow(NotFoundError);
    expect(getReportFileInScopeOrThrow(hoaLong, config.reportsDir, minutes.id).unitCode).toBe("DT-HOALONG");
  });

  it("the command line writes each kind by --subject, and says clearly what is wrong", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-cli-"));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    fs.copyFileSync(db.file, path.join(dataDir, "iso-xa.db"));
    const env = { ...process.env, DATA_DIR: dataDir, SEED: "off", VITEST: "" };
    const out = path.join(dataDir, "cli-audit.pdf");
    const run = (args: string[]) => execFileSync("npx", ["tsx", "jobs/report.ts", ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const stdout = run(["--kind", "audit", "--subject", String(auditId), "--out", out]);
    const json = JSON.parse(stdout.slice(stdout.indexOf("{\n"))); // after the database's startup log line
    expect(json.subject).toBe(auditId);
    expect(pdfText(fs.readFileSync(out))).toContain("Đánh giá nội bộ HTQLCL năm 2026 – Xã Lai Vung");
    for (const [args, msg] of [
      [["--kind", "minutes", "--out", out], /needs --subject <id> \(the inspection's id\)/],
      [["--kind", "action", "--subject", "999999", "--out", out], /no finding with id 999999/],
      [["--kind", "audit", "--subject", "abc", "--out", out], /--subject must be a positive record id/],
    ] as const) {
      try {
        run([...args]);
        expect.unreachable();
      } catch (e) {
        expect(String((e as { stderr?: string }).stderr)).toMatch(msg);
      }
    }
  }, 60_000);
});
