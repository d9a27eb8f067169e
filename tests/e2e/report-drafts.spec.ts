import { execFileSync } from "node:child_process";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./fixtures";

// Issue 14 item 4, decision 0017: the scheduler's monthly unit report is a draft. The officer hears of it, writes its
// difficulties and proposals; the chair hears it awaits issuing and issues it; the inspector downloads the issued
// file and verifies it.
test.describe("issuing a scheduled monthly report", () => {
  test("the officer opens the scheduled draft from her notice and writes it, the chair issues it, the inspector verifies the file", async ({
    page,
    browser,
  }) => {
    await signIn(page, "thuky.laivung");
    // The server's start-up catch-up made October's drafts; the notice links to Lai Vung's.
    const notice = page.getByRole("button", { name: /Dự thảo Báo cáo định kỳ của đơn vị tháng 10 năm 2026 của Xã Lai Vung đã được lập/ });
    await expect(async () => {
      await page.goto("/notifications");
      await expect(notice).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await notice.click();
    await expect(page).toHaveURL(/\/reports\/issue\/unit\/\d+\/2026-10$/);
    const draftUrl = page.url();
    await expect(page.getByRole("heading", { name: "Báo cáo định kỳ của đơn vị · Xã Lai Vung · tháng 10 năm 2026" })).toBeVisible();
    await expect(page.getByText("Dự thảo.", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // The draft's PDF says so.
    const draftDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải bản dự thảo (PDF)" }).click();
    const draftText = execFileSync("pdftotext", ["-enc", "UTF-8", await (await draftDownload).path(), "-"], { encoding: "utf8" });
    expect(draftText).toContain("DỰ THẢO");

    await page.getByLabel("Khó khăn, vướng mắc").fill("Phần mềm một cửa tháng 10 chưa liên thông với Cổng dịch vụ công của tỉnh.");
    await page.getByLabel("Đề xuất, kiến nghị").fill("Đề nghị Sở Khoa học và Công nghệ hướng dẫn cập nhật quy trình liên thông.");
    await page.getByRole("button", { name: "Lưu nội dung" }).click();
    await expect(page.getByText("Đã lưu nội dung dự thảo.")).toBeVisible();

    // The chair finds it in his inbox, awaiting his signature.
    const chairCtx = await browser.newContext();
    const chair = await chairCtx.newPage();
    await signIn(chair, "chutich.laivung");
    await chair.goto("/inbox");
    const card = chair.getByRole("listitem").filter({ hasText: "Báo cáo định kỳ của đơn vị tháng 10 năm 2026" });
    await expect(chair.getByRole("heading", { name: /Báo cáo chờ bạn ký ban hành/ })).toBeVisible();
    await expectAccessible(chair);
    await card.getByRole("link", { name: "Xem và ký ban hành" }).click();
    await expect(chair).toHaveURL(draftUrl);
    await expect(chair.getByText("Phần mềm một cửa tháng 10 chưa liên thông với Cổng dịch vụ công của tỉnh.")).toBeVisible();
    await chair.getByLabel("Mật khẩu của bạn").fill(DEMO_PASSWORD);
    await chair.getByRole("button", { name: "Ký và ban hành" }).click();
    await expect(chair).toHaveURL(/\/reports\/\d+$/);
    const reportPath = new URL(chair.url()).pathname;
    await expect(chair.getByText(/^Đã ban hành, số \d{2}\/BC-UBND$/)).toBeVisible();
    const number = (await chair.getByText(/^Đã ban hành, số \d{2}\/BC-UBND$/).textContent())!.replace("Đã ban hành, số ", "");
    await expect(chair.getByRole("link", { name: "Tải PDF" })).toBeVisible({ timeout: 30_000 });
    await chairCtx.close();

    // The province's inspector downloads the issued file and verifies it.
    const inspCtx = await browser.newContext();
    const insp = await inspCtx.newPage();
    await signIn(insp, "kiemtra.tinh");
    await insp.goto(reportPath);
    await expect(insp.getByText(`Đã ban hành, số ${number}`)).toBeVisible();
    const download = insp.waitForEvent("download");
    await insp.getByRole("link", { name: "Tải PDF" }).click();
    const file = await (await download).path();
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain(`Số: ${number}`);
    expect(text).toContain("Phần mềm một cửa tháng 10 chưa liên thông với Cổng dịch vụ công của tỉnh.");
    expect(text).toContain("Đề nghị Sở Khoa học và Công nghệ hướng dẫn cập nhật quy trình liên thông.");
    expect(text).not.toContain("DỰ THẢO");
    await insp.goto("/reports/verify");
    await insp.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(file);
    await insp.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(insp.getByText("Tệp này đúng là báo cáo do hệ thống phát hành.")).toBeVisible();
    await expect(insp.getByText(`Đã ban hành, số ${number}`)).toBeVisible();
    await expectAccessible(insp);
    await inspCtx.close();
  });
});
