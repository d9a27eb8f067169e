import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("PDF of a record", () => {
  test("an officer exports the internal audit report from the audit page, downloads it; a sibling commune gets 404", async ({ page, browser }) => {
    await signIn(page, "thuky.laivung");
    await page.goto("/audits");
    // The seeded June audit (another journey may have added a later one of the same title).
    await page.getByRole("row").filter({ hasText: "15/06/2026" }).getByRole("link", { name: "Đánh giá nội bộ HTQLCL năm 2026 – Xã Lai Vung" }).click();
    await expect(page).toHaveURL(/\/audits\/\d+$/);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Xuất PDF báo cáo đánh giá" }).click();
    await expect(page).toHaveURL(/\/reports\/\d+$/);
    const reportUrl = page.url();
    await expect(page.getByRole("link", { name: "Tải PDF" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "Báo cáo đánh giá nội bộ" })).toBeVisible();
    await expectAccessible(page);
    const hash = (await page.locator("code.hash").first().textContent())!.trim();

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải PDF" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^Báo cáo đánh giá nội bộ - Xã Lai Vung - #\d+ \(\d+\)\.pdf$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(hash);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("BÁO CÁO ĐÁNH GIÁ NỘI BỘ");
    expect(text).toContain("Thời gian: từ 15/06/2026 đến 16/06/2026");
    expect(text).toContain("Phạm Quốc Huy");
    expect(text).toContain("Hồ sơ TTHC trả kết quả quá hạn nhưng đơn vị không lập văn bản xin lỗi người dân");

    // The way back to the record is on the report page.
    await page.getByRole("link", { name: "Mở hồ sơ gốc" }).click();
    await expect(page).toHaveURL(/\/audits\/\d+$/);

    const sibling = await browser.newContext();
    const other = await sibling.newPage();
    await signIn(other, "thuky.hoalong");
    expect((await other.goto(reportUrl))!.status()).toBe(404);
    expect((await other.goto(`${reportUrl}/pdf`))!.status()).toBe(404);
    await sibling.close();
  });
});
