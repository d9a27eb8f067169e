import { makeCtx } from "~/modules/context.server";
import path from "node:path";
import { and, eq, like } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { openDatabase, type DB } from "#db/client";
import { caSignatures, correctiveActions, findings, notifications, users } from "#db/schema";
import { insertFinding } from "#db/seed-actions";
import { JOBS } from "#jobs/schedule";
import { runJob } from "#jobs/runner";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { addDays } from "~/lib/time";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { startCorrectiveAction } from "~/modules/corrective-actions/start.server";
import type { Ctx, UserActor } from "~/modules/context";
import { readConfig } from "~/lib/config.server";
import { vnDay } from "~/lib/time";
import { DEMO_PASSWORD, E2E_NOW, expect, expectAccessible, signIn, test } from "./fixtures";

// Test-only setup: findings are inserted straight into the e2e server's database (the audits area owns the real
// way to raise one); everything a person does afterwards goes through the browser.
const DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e-data");
let db: DB;
test.beforeAll(() => {
  db = openDatabase(path.join(DATA_DIR, "iso-xa.db"));
});
test.afterAll(() => db?.$client.close());

const PHONE = { width: 390, height: 844 };
const uid = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const today = () => vnDay(E2E_NOW);

function actor(username: string): UserActor {
  const u = db.select().from(users).where(eq(users.username, username)).get()!;
  const unit = db.$client.prepare("SELECT path FROM units WHERE id = ?").get(u.unitId) as { path: string };
  return { kind: "user", id: u.id, name: u.fullName, username, role: u.role, unitId: u.unitId, unitPath: unit.path };
}
const ctx = (username: string): Ctx => makeCtx(db, actor(username), E2E_NOW);

function newFinding(label: string) {
  return insertFinding(db, {
    unitCode: "DT-LAIVUNG",
    source: "internal_audit",
    grade: "minor",
    clause: "7.5.3",
    description: `Hồ sơ hộ tịch thiếu phiếu kiểm soát (${label})`,
    foundOn: today(),
    actionDueOn: addDays(today(), 30),
    raisedBy: "thuky.laivung",
  });
}

/** A finding with a request and one proposed action, set up through the domain verbs. */
function proposedAction(label: string, dueOn = addDays(today(), 20)) {
  const f = newFinding(label);
  saveCaRequest(ctx("thuky.laivung"), f.id, {
    correction: "Đã lập bổ sung phiếu",
    rootCauseMethod: "free_text",
    rootCause: "Quy trình chưa quy định bước lập phiếu",
  });
  return addCorrectiveAction(ctx("thuky.laivung"), f.id, { description: `Sửa quy trình QT 02 (${label})`, ownerId: actor("congchuc.laivung").id, dueOn });
}

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

async function ready(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle"); // hydrated: conform validates in the browser
}

test.describe("corrective actions", () => {
  test("the full loop: finding → action → leader signs on a phone → owner implements → another officer verifies → finding closed", async ({ page }) => {
    const label = uid();
    const f = newFinding(label);

    await signIn(page, "thuky.laivung");
    await ready(page, `/findings/${f.id}/actions`);
    await expect(page.getByRole("heading", { name: "Phiếu yêu cầu hành động khắc phục" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Khắc phục tức thời", { exact: true }).fill("Đã lập bổ sung phiếu kiểm soát cho 3 hồ sơ.");
    await page.getByLabel("Tại sao 1?").fill("Công chức không lập phiếu khi nhận hồ sơ trực tiếp.");
    await page.getByLabel("Tại sao 2?").fill("Quy trình QT 02 chưa quy định bước này.");
    await page.getByRole("button", { name: "Lưu phiếu" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu.");

    const description = `Bổ sung bước lập phiếu kiểm soát vào QT 02 (${label})`;
    await page.getByLabel("Nội dung hành động").fill(description);
    await page.getByLabel("Người thực hiện").selectOption({ label: "Nguyễn Thị Thu Trang (Công chức Văn phòng - Thống kê)" });
    await expect(page.getByLabel("Hạn hoàn thành")).toHaveValue(/\d{2}\/\d{2}\/\d{4}/); // defaulted from the finding
    await page.getByRole("button", { name: "Đề xuất", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("chờ lãnh đạo xác nhận");
    const action = db.select().from(correctiveActions).where(eq(correctiveActions.findingId, f.id)).get()!;

    // The chair, on a phone.
    await page.setViewportSize(PHONE);
    await switchUser(page, "chutich.laivung");
    await ready(page, "/inbox");
    const card = page.locator(".ca-card", { hasText: description });
    await expect(card).toBeVisible();
    await expectAccessible(page);
    await card.getByRole("link", { name: "Xem và ký xác nhận" }).click();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Ký xác nhận hành động khắc phục" })).toBeVisible();
    await expectAccessible(page);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByLabel("Tự ký (Nguyễn Hữu Phước)").check();
    await page.getByLabel("Ý kiến (không bắt buộc)").fill("Đồng ý, hoàn thành đúng hạn.");
    await page.getByLabel("Mật khẩu của bạn").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Ký xác nhận" }).click();
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByRole("status")).toContainText(`Đã ký xác nhận hành động #${action.id}`);
    await expect(page.locator(".ca-card", { hasText: description })).toHaveCount(0);
    const [sig] = db.select().from(caSignatures).where(eq(caSignatures.actionId, action.id)).all();
    expect(sig).toMatchObject({ signerName: "Nguyễn Hữu Phước", capacity: "own", comment: "Đồng ý, hoàn thành đúng hạn." });

    // The owner starts and reports it implemented with evidence.
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchUser(page, "congchuc.laivung");
    await ready(page, `/corrective-actions/${action.id}`);
    // Decree 30 order: capacity (none when signing in one's own title), title, name.
    await expect(page.getByText("Đã ký xác nhận: Chủ tịch – Nguyễn Hữu Phước")).toBeVisible();
    await page.getByRole("button", { name: "Bắt đầu thực hiện" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã chuyển sang đang thực hiện.");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Kết quả thực hiện").fill("Đã ban hành QT 02 sửa đổi, rà soát 120 hồ sơ quý IV.");
    await page
      .getByLabel("Tệp bằng chứng (không bắt buộc)")
      .setInputFiles({ name: "quyet-dinh-sua-doi.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await page.getByRole("button", { name: "Báo cáo đã thực hiện" }).click();
    await expect(page.getByRole("status")).toContainText("chờ kiểm tra hiệu lực");
    await expect(page.getByRole("link", { name: "quyet-dinh-sua-doi.pdf" })).toBeVisible();

    // Another officer (the province's) verifies effectiveness: the finding closes.
    await switchUser(page, "canbo.tinh");
    await ready(page, "/inbox");
    await page.locator(".ca-card", { hasText: description }).getByRole("link", { name: "Kiểm tra hiệu lực" }).click();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByLabel("Có hiệu lực", { exact: true }).check();
    await page.getByLabel("Căn cứ kết luận").fill("Kiểm tra 20 hồ sơ: đủ phiếu kiểm soát.");
    await page.getByRole("button", { name: "Ghi kết quả kiểm tra" }).click();
    await expect(page.getByRole("status")).toContainText("phát hiện đã được đóng");
    expect(db.select().from(findings).where(eq(findings.id, f.id)).get()!.status).toBe("closed");
    await page.goto(`/findings/${f.id}/actions`);
    await expect(page.getByText("Đã đóng").first()).toBeVisible();
  });

  test("a wrong password on acknowledgement is refused and nothing is recorded", async ({ page }) => {
    const action = proposedAction(uid());
    await page.setViewportSize(PHONE);
    await signIn(page, "chutich.laivung");
    await ready(page, `/corrective-actions/${action.id}/acknowledge`);
    await page.getByLabel("Mật khẩu của bạn").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Ký xác nhận" }).click();
    await expect(page.locator(".field-errors")).toContainText("Mật khẩu không đúng. Chưa có gì được ghi nhận.");
    await expectAccessible(page);
    expect(db.select().from(caSignatures).where(eq(caSignatures.actionId, action.id)).all()).toHaveLength(0);
    expect(db.select().from(correctiveActions).where(eq(correctiveActions.id, action.id)).get()!.status).toBe("proposed");
    await page.goto("/inbox");
    await expect(page.locator(".ca-card", { hasText: action.description })).toBeVisible();
  });

  test("changing the due date after acknowledgement voids it and the leader's inbox shows it again", async ({ page }) => {
    const action = proposedAction(uid());
    await acknowledgeCorrectiveAction(ctx("chutich.laivung"), action.id, { password: DEMO_PASSWORD, capacity: "own" });
    startCorrectiveAction(ctx("congchuc.laivung"), action.id);

    await signIn(page, "congchuc.laivung");
    await ready(page, `/corrective-actions/${action.id}`);
    await page.getByText("Đề nghị gia hạn", { exact: true }).first().click();
    const newDue = addDays(action.dueOn, 30);
    await page.getByLabel("Hạn mới đề nghị").fill(newDue.split("-").reverse().join("/"));
    await page.getByLabel("Lý do").fill("Chờ lớp tập huấn của Sở KH&CN.");
    await page.getByRole("button", { name: "Gửi đề nghị" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã gửi đề nghị gia hạn cho lãnh đạo.");

    await page.setViewportSize(PHONE);
    await switchUser(page, "chutich.laivung");
    await ready(page, "/inbox");
    await expect(page.locator(".ca-card", { hasText: action.description })).toHaveCount(1);
    const ext = page.locator(".ca-card", { hasText: action.description });
    await expect(ext).toContainText("Chờ lớp tập huấn");
    await ext.getByRole("button", { name: "Đồng ý gia hạn" }).click();
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByRole("status")).toContainText("cần được ký xác nhận lại");
    const again = page.locator(".ca-card", { hasText: action.description });
    await expect(again).toContainText("Chờ xác nhận lại");
    await expect(again.getByRole("link", { name: "Xem và ký lại" })).toBeVisible();
    await expectAccessible(page);
    const row = db.select().from(correctiveActions).where(eq(correctiveActions.id, action.id)).get()!;
    expect(row).toMatchObject({ dueOn: newDue, status: "proposed" });
    await again.getByRole("link", { name: "Xem và ký lại" }).click();
    await expect(page.getByText("Cần ký xác nhận lại")).toBeVisible();
  });

  test("the overdue job, run with a fixed clock, notifies and escalates once, not on every run", async ({ page }) => {
    const dueOn = addDays(today(), 3);
    const action = proposedAction(uid(), dueOn);
    await acknowledgeCorrectiveAction(ctx("chutich.laivung"), action.id, { password: DEMO_PASSWORD, capacity: "own" });
    startCorrectiveAction(ctx("congchuc.laivung"), action.id);

    const job = JOBS.find((j) => j.name === "corrective-actions-daily")!;
    const config = readConfig({ ...process.env, DATA_DIR, SMTP_URL: "" });
    const runOn = async (day: string) => runJob(db, config, job, day, "manual", () => new Date(`${day}T00:05:00Z`)); // 07:05 in Vietnam
    const late = addDays(dueOn, 20); // more than N = 14 days overdue
    expect((await runOn(late)).status).toBe("succeeded");
    expect((await runOn(late)).status).toBe("skipped"); // the same day again: the runner refuses
    expect((await runOn(addDays(late, 1))).status).toBe("succeeded"); // the next day: runs, but nothing new
    expect((await runOn(addDays(late, 2))).status).toBe("succeeded");

    const mine = (kind: "ca.overdue" | "ca.escalated" | "ca.overdue_leader") =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, kind), like(notifications.dedupeKey, `ca:${action.id}:%`)))
        .all();
    expect(mine("ca.overdue")).toHaveLength(1);
    expect(mine("ca.overdue_leader")).toHaveLength(2); // chair and vice-chair
    expect(mine("ca.escalated")).toHaveLength(1); // the province officer (parent unit)

    await signIn(page, "canbo.tinh");
    await expect(page.getByRole("link", { name: /Thông báo: \d+ chưa đọc/ })).toBeVisible();
    await ready(page, "/notifications?unread=1");
    await expectAccessible(page);
    await expect(page.getByRole("button", { name: new RegExp(`Chuyển cấp trên: hành động #${action.id} `) })).toHaveCount(1);
    await page.getByRole("button", { name: new RegExp(`Chuyển cấp trên: hành động #${action.id} `) }).click();
    await expect(page).toHaveURL(new RegExp(`/corrective-actions/${action.id}$`));
    await expect(page.getByText(/quá hạn từ/)).toBeVisible();

    await switchUser(page, "congchuc.laivung");
    await ready(page, "/notifications");
    await expect(page.getByRole("button", { name: new RegExp(`Hành động #${action.id} đã quá hạn`) })).toHaveCount(1);
  });
});
