import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./fixtures";

// Issue 14 item 4: the yearly report goes draft → issued. The officer writes, the chair issues, the inspector
// downloads the issued file and verifies it.
test.describe("issuing the yearly report", () => {
  test("the officer writes the draft's difficulties and proposals, the chair issues it, the inspector verifies the file", async ({ page, browser }) => {
    await signIn(page, "thuky.laivung");
    await page.goto("/reports/new");
    await page.getByLabel("Loại báo cáo").selectOption({ label: "Báo cáo năm về xây dựng, áp dụng HTQLCL" });
    const period = page.getByRole("group", { name: "Kỳ báo cáo" });
    await period.getByLabel("Loại kỳ").selectOption({ label: "Năm" });
    await period.getByLabel("Năm", { exact: true }).selectOption("2025");
    await page.getByRole("button", { name: "Tạo báo cáo" }).click();
    await expect(page).toHaveURL(/\/reports\/issue\/annual\/\d+\/2025$/);
    const draftUrl = page.url();
    await expect(page.getByText("Dự thảo.", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // The draft's PDF says so on its pages and carries no number.
    const draftDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải bản dự thảo (PDF)" }).click();
    const draftFile = await (await draftDownload).path();
    const draftText = execFileSync("pdftotext", ["-enc", "UTF-8", draftFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(draftText).toContain("DỰ THẢO");
    expect(draftText).toContain("Số: /BC-UBND");

    // Too long: refused beside the field, input kept.
    const tooLong = "x".repeat(5001);
    await page.getByLabel("Khó khăn, vướng mắc").fill(tooLong);
    await page.getByRole("button", { name: "Lưu nội dung" }).click();
    await expect(page.getByText("Nội dung quá dài.")).toBeVisible();
    await expect(page.getByLabel("Khó khăn, vướng mắc")).toHaveValue(tooLong);

    await page.getByLabel("Khó khăn, vướng mắc").fill("Thiếu công chức chuyên trách ISO sau sắp xếp đơn vị hành chính.");
    await page.getByLabel("Đề xuất, kiến nghị").fill("Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn quy trình mới.");
    await page.getByRole("button", { name: "Lưu nội dung" }).click();
    await expect(page.getByText("Đã lưu nội dung dự thảo.")).toBeVisible();
    await expect(page.getByLabel("Đề xuất, kiến nghị")).toHaveValue("Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn quy trình mới.");
    await expect(page.getByRole("button", { name: "Ký và ban hành" })).toHaveCount(0);

    // The chair finds the draft on the reports page and issues it with his password.
    const chairCtx = await browser.newContext();
    const chair = await chairCtx.newPage();
    await signIn(chair, "chutich.laivung");
    await chair.goto("/reports");
    await chair.getByRole("link", { name: /Báo cáo năm về xây dựng, áp dụng HTQLCL · Xã Lai Vung · 2025/ }).click();
    await expect(chair).toHaveURL(draftUrl);
    await expect(chair.getByText("Thiếu công chức chuyên trách ISO sau sắp xếp đơn vị hành chính.")).toBeVisible();
    await expectAccessible(chair);
    await chair.getByRole("button", { name: "Ký và ban hành" }).click();
    await expect(chair.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
    await chair.getByLabel("Mật khẩu của bạn").fill(DEMO_PASSWORD);
    await chair.getByRole("button", { name: "Ký và ban hành" }).click();
    await expect(chair).toHaveURL(/\/reports\/\d+$/);
    const reportPath = new URL(chair.url()).pathname;
    await expect(chair.getByRole("link", { name: "Tải PDF" })).toBeVisible({ timeout: 30_000 });
    await chairCtx.close();

    // The officer's draft page now says it is issued, with its number; the text is no longer editable.
    await page.goto(draftUrl);
    // One sequence of numbers per unit and year for every report it sends (decision 0017): the monthly journey may
    // have taken one before.
    const issuedAs = page.getByText(/Đã ban hành: số \d{2}\/BC-UBND, ngày 25\/11\/2026\./);
    await expect(issuedAs).toBeVisible();
    const number = /\d{2}\/BC-UBND/.exec((await issuedAs.textContent())!)![0];
    await expect(page.getByRole("button", { name: "Lưu nội dung" })).toHaveCount(0);

    // The province's inspector downloads the issued file and verifies it.
    const inspCtx = await browser.newContext();
    const insp = await inspCtx.newPage();
    await signIn(insp, "kiemtra.tinh");
    await insp.goto(reportPath);
    const download = insp.waitForEvent("download");
    await insp.getByRole("link", { name: "Tải PDF" }).click();
    const file = await (await download).path();
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain(`Số: ${number}`);
    expect(text).toContain("Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn quy trình mới.");
    expect(text).not.toContain("DỰ THẢO");
    await insp.goto("/reports/verify");
    await insp.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(file);
    await insp.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(insp.getByText("Tệp này đúng là báo cáo do hệ thống phát hành.")).toBeVisible();
    await expectAccessible(insp);

    // The draft file verifies nothing.
    await insp.goto("/reports/verify");
    await insp.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({ name: "du-thao.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(draftFile) });
    await insp.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(insp.getByText("Tệp này đúng là báo cáo do hệ thống phát hành.")).toHaveCount(0);
    await inspCtx.close();
  });
});
