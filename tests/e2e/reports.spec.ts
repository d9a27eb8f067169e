import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("PDF reports", () => {
  test("an inspector asks for a commune's report and gets its draft, not a sealed file; a sibling commune cannot read it", async ({ page, browser }) => {
    await signIn(page, "kiemtra.tinh");
    await page.getByRole("link", { name: "Báo cáo", exact: true }).first().click();
    await expect(page.getByRole("heading", { name: "Báo cáo PDF" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Tạo báo cáo" }).click();
    await expect(page.getByRole("heading", { name: "Tạo báo cáo" })).toBeVisible();
    await expectAccessible(page);
    // The period is picked (month, quarter or year), not typed. A period not begun yet is refused beside the
    // field, the choice kept.
    await page.getByLabel("Đơn vị").selectOption({ label: "· Xã Lai Vung" });
    const period = page.getByRole("group", { name: "Kỳ báo cáo" });
    await period.getByLabel("Loại kỳ").selectOption({ label: "Tháng" });
    await period.getByLabel("Tháng", { exact: true }).selectOption({ label: "Tháng 12" });
    await period.getByLabel("Năm").selectOption("2026");
    await page.getByRole("button", { name: "Tạo báo cáo" }).click();
    await expect(period.getByRole("alert")).toBeVisible();
    await expect(period.getByLabel("Tháng", { exact: true })).toHaveValue("12");

    // A unit's report is one the unit sends (decision 0017): the form leads to its draft, nothing is archived.
    await period.getByLabel("Loại kỳ").selectOption({ label: "Quý" });
    await period.getByLabel("Quý", { exact: true }).selectOption({ label: "Quý 3" });
    await page.getByRole("button", { name: "Tạo báo cáo" }).click();
    await expect(page).toHaveURL(/\/reports\/issue\/unit\/\d+\/2026-Q3$/);
    const draftUrl = page.url();
    await expect(page.getByText("Dự thảo.", { exact: true })).toBeVisible();
    // The inspector reads; only the unit's officer writes and its head issues.
    await expect(page.getByRole("button", { name: "Lưu nội dung" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Ký và ban hành" })).toHaveCount(0);
    await expectAccessible(page);

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải bản dự thảo (PDF)" }).click();
    const file = await (await downloadPromise).path();
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("DỰ THẢO");
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG");
    expect(text).toContain("Tình hình duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 quý III năm 2026");
    expect(text).toContain("PHÁT HIỆN THEO MỨC ĐỘ VÀ TÌNH TRẠNG");

    // A draft verifies nothing (no sign-in needed to ask).
    const anon = await browser.newContext();
    const verify = await anon.newPage();
    await verify.goto("/reports/verify");
    await expectAccessible(verify);
    await verify.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({ name: "du-thao.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(file) });
    await verify.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(verify.getByText("Tệp này đúng là báo cáo do hệ thống phát hành.")).toHaveCount(0);
    await anon.close();

    // A sibling commune's officer: the draft and its PDF answer 404.
    const sibling = await browser.newContext();
    const other = await sibling.newPage();
    await signIn(other, "thuky.hoalong");
    const draftPath = new URL(draftUrl).pathname;
    expect((await other.request.get(draftPath)).status()).toBe(404);
    expect((await other.request.get(`${draftPath}/pdf`)).status()).toBe(404);
    await sibling.close();
  });

  test("a commune chair on a phone reads the reports list of their commune", async ({ browser }) => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const page = await phone.newPage();
    await signIn(page, "chutich.laivung");
    await page.goto("/reports");
    await expect(page.getByRole("heading", { name: "Báo cáo PDF" })).toBeVisible();
    // Leaders read and download but do not generate.
    await expect(page.getByRole("link", { name: "Tạo báo cáo" })).toHaveCount(0);
    await expectAccessible(page);
    await phone.close();
  });
});
