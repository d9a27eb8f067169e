import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const pdf = (label: string) => ({
  name: `${label}.pdf`,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
});
// A Windows executable's first bytes ("MZ" … "PE"), named and typed as a PDF.
const fakePdf = {
  name: "quy-trinh.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from("PE\0\0"), Buffer.alloc(300, 7)]),
};
const unique = () => String(Date.now() % 1_000_000);

async function signOut(page: Page) {
  await page.context().clearCookies();
}

async function fillNewProcess(page: Page, code: string, title: string) {
  await page.goto("/documents/new");
  await expect(page.getByRole("heading", { name: "Soạn tài liệu mới" })).toBeVisible();
  await page.getByLabel("Mã hiệu").fill(code);
  await page.getByLabel("Tên tài liệu").fill(title);
  await page.getByLabel("Bộ phận / người chịu trách nhiệm").fill("Công chức Tư pháp - Hộ tịch");
}

test.describe("document control", () => {
  test("an officer drafts a process with a PDF, the chair approves it on a phone, a new revision supersedes it; a sibling cannot see it", async ({
    page,
    browser,
  }) => {
    const code = `QT ${unique()}/CX-E2E`;
    await signIn(page, "thuky.laivung");
    await fillNewProcess(page, code, "Quy trình cấp bản sao trích lục hộ tịch");
    await expectAccessible(page);
    await page.getByLabel("Tệp tài liệu (PDF, DOCX hoặc XLSX)").setInputFiles(pdf("ban-hanh-lan-1"));
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu dự thảo" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
    const docUrl = page.url();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Bản đang xử lý" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Trình xem xét, phê duyệt" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã trình" })).toBeVisible();
    const revisionUrl = page.url();

    // The chair approves from a phone.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const chair = await phone.newPage();
    await signIn(chair, "chutich.laivung");
    await chair.goto(revisionUrl);
    await expect(chair.getByText("Đây là dự thảo, chưa được phê duyệt")).toBeVisible();
    await expectAccessible(chair);
    await chair.getByRole("button", { name: "Phê duyệt" }).click();
    await expect(chair.getByRole("status").filter({ hasText: "Tài liệu có hiệu lực" })).toBeVisible();
    await expect(chair.locator(".dl").getByText("Đang hiệu lực")).toBeVisible();
    await expectAccessible(chair);

    // A new revision, approved, supersedes the first.
    await page.goto(docUrl);
    await page.getByRole("link", { name: "Soạn lần ban hành mới" }).click();
    await page.getByLabel("Nội dung ban hành / sửa đổi").fill("Cập nhật thời hạn giải quyết theo quy định mới");
    await page.getByLabel("Tệp tài liệu (PDF, DOCX hoặc XLSX)").setInputFiles(pdf("ban-hanh-lan-2"));
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Lần ban hành 2");
    await page.getByRole("button", { name: "Trình xem xét, phê duyệt" }).click();
    // The chair opens it once the submission has landed (before, the revision is still a draft: no approve button).
    await expect(page.getByRole("status").filter({ hasText: "Đã trình xem xét, phê duyệt" })).toBeVisible();
    await chair.goto(page.url());
    await chair.getByRole("button", { name: "Phê duyệt" }).click();
    await expect(chair.getByRole("status").filter({ hasText: "Tài liệu có hiệu lực" })).toBeVisible();

    await page.goto(docUrl);
    const rows = page.locator("section", { has: page.getByRole("heading", { name: "Các lần ban hành" }) }).locator("tbody tr");
    await expect(rows.nth(0)).toContainText("Đang hiệu lực");
    await expect(rows.nth(1)).toContainText("Đã bị thay thế");
    // The superseded revision stays readable, marked on screen and in its download name.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải bản lưu (không áp dụng): Lần ban hành 1" }).click();
    expect((await download).suggestedFilename()).toMatch(/^\[ĐÃ BỊ THAY THẾ\] QT \d+-CX-E2E - lần 1\.pdf$/);
    await page.getByRole("link", { name: "Chi tiết: Lần ban hành 1" }).click();
    await expect(page.getByRole("note")).toContainText("Bản này đã bị thay thế bởi lần ban hành 2");
    await expectAccessible(page);

    // An officer of a sibling commune neither opens nor finds it.
    await phone.close();
    await signOut(page);
    await signIn(page, "thuky.hoalong");
    const res = await page.goto(docUrl);
    expect(res?.status()).toBe(404);
    await page.goto(`/documents?q=${encodeURIComponent(code)}`);
    await expect(page.getByText("Không có tài liệu nào phù hợp.")).toBeVisible();
    const file = await page.request.get(`${revisionUrl}/file`);
    expect(file.status()).toBe(404);
  });

  test("an executable renamed .pdf is refused with a clear message and the form keeps its other input", async ({ page }) => {
    const code = `QT ${unique()}/CX-EXE`;
    await signIn(page, "thuky.phonghoa");
    await fillNewProcess(page, code, "Quy trình chứng thực chữ ký");
    await page.getByLabel("Tệp tài liệu (PDF, DOCX hoặc XLSX)").setInputFiles(fakePdf);
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByText("Tệp không phải PDF, DOCX hoặc XLSX")).toBeVisible();
    await expect(page.getByLabel("Mã hiệu")).toHaveValue(code);
    await expect(page.getByLabel("Tên tài liệu")).toHaveValue("Quy trình chứng thực chữ ký");
    await expect(page.getByLabel("Bộ phận / người chịu trách nhiệm")).toHaveValue("Công chức Tư pháp - Hộ tịch");
    await expectAccessible(page);
  });

  test("importing the sample catalogue previews each row, then shows the procedures without a process", async ({ page }) => {
    await signIn(page, "thuky.tanduong");
    await page.goto("/procedures/import");
    await expectAccessible(page);
    const csv = fs.readFileSync(path.resolve("tests/fixtures/catalogue-sample.csv"));
    await page.getByLabel("Tệp danh mục (CSV hoặc XLSX)").setInputFiles({ name: "danh-muc.csv", mimeType: "text/csv", buffer: csv });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.getByText("Thêm mới: 7 · Cập nhật: 0 · Không đổi: 0 · Lỗi: 1")).toBeVisible();
    await expect(page.getByText("Mức độ DVC không hợp lệ")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Nhập 7 dòng hợp lệ" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã nhập danh mục: thêm 7" })).toBeVisible();
    await expect(page.getByText("0/7 TTHC đã có quy trình đang hiệu lực; 7 TTHC chưa có.")).toBeVisible();
    await expect(page.getByRole("link", { name: "1.001193" })).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(7);
    await expect(page.locator("tbody tr").first()).toContainText("Chưa có quy trình");
    await expectAccessible(page);
  });
});
