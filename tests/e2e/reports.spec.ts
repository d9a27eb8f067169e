import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("PDF reports", () => {
  test("an inspector generates a commune's report, watches it finish, downloads it and verifies it; a sibling commune cannot", async ({ page, browser }) => {
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

    await period.getByLabel("Loại kỳ").selectOption({ label: "Quý" });
    await period.getByLabel("Quý", { exact: true }).selectOption({ label: "Quý 3" });
    await page.getByRole("button", { name: "Tạo báo cáo" }).click();
    await expect(page).toHaveURL(/\/reports\/\d+$/);
    const reportUrl = page.url();
    // The page polls until the PDF is ready.
    await expect(page.getByRole("link", { name: "Tải PDF" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Báo cáo đã sẵn sàng.")).toBeVisible();
    await expectAccessible(page);
    const hash = (await page.locator("code.hash").first().textContent())!.trim();

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải PDF" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^Báo cáo ISO - Xã Lai Vung - 2026-Q3 \(\d+\)\.pdf$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(hash);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG");
    expect(text).toContain("Tình hình duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 quý III năm 2026");
    expect(text).toContain("PHÁT HIỆN THEO MỨC ĐỘ VÀ TÌNH TRẠNG");

    // Anyone holding the file can verify it (no sign-in needed).
    const anon = await browser.newContext();
    const verify = await anon.newPage();
    await verify.goto("/reports/verify");
    await expectAccessible(verify);
    await verify.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(file);
    await verify.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(verify.getByText("Tệp này đúng là báo cáo do hệ thống phát hành.")).toBeVisible();
    await expect(verify.getByText("Xã Lai Vung", { exact: true })).toBeVisible();
    // Signed with the commune's demo certificate (decision 0012), and said to be a demo one.
    await expect(verify.getByText("Xã Lai Vung (DEMO) (chứng thư DEMO, không có giá trị pháp lý)")).toBeVisible();
    await expectAccessible(verify);
    await anon.close();

    // A sibling commune's officer: the report and its download answer 404.
    const sibling = await browser.newContext();
    const other = await sibling.newPage();
    await signIn(other, "thuky.hoalong");
    const id = reportUrl.split("/").pop();
    expect((await other.request.get(`/reports/${id}/pdf`)).status()).toBe(404);
    expect((await other.request.get(`/reports/${id}`)).status()).toBe(404);
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
