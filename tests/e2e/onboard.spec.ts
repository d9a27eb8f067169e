import { expect, expectAccessible, signIn, test } from "./fixtures";
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { documentSheet, pdfBytes, unzipAll, zipOf, type SheetRow } from "../support/archives";

/*
 * A commune starts its system in an afternoon; an inspector takes a whole dossier in one download.
 * Fixtures (the ZIP, the spreadsheet) are built here at run time.
 */

test.describe("starting a commune and taking a dossier", () => {
  test("a new commune's officer imports a ZIP of 25 documents with its spreadsheet (2 rows wrong and explained), accepts the processes proposed for the rest; the documents duty is met and the coverage gap closes", async ({
    page,
  }) => {
    const rows: SheetRow[] = [];
    const entries: [string, Buffer][] = [];
    for (let i = 1; i <= 25; i++) {
      const code = `QT ${String(i).padStart(2, "0")}/LH`;
      rows.push({
        code,
        title: `Quy trình số ${i} của xã Long Hồ`,
        kind: i === 1 ? "Sổ tay chất lượng" : "Quy trình",
        clauses: "8.1, 8.5",
        effective: "01/10/2026",
        owner: "Văn phòng - Thống kê",
      });
      entries.push([`Tai lieu ISO/QT ${String(i).padStart(2, "0")}-LH.pdf`, pdfBytes(code)]);
    }
    rows[9]!.effective = "31/13/2026"; // line 12: no such day
    entries.splice(19, 1); // line 22: its file is missing from the ZIP
    // Two of the commune's processes already cover a procedure of its catalogue; four procedures have none.
    rows[1]!.procedures = "1.001193";
    rows[2]!.procedures = "2.000815";
    await signIn(page, "thuky.longho");
    await page.goto("/procedures/import");
    const catalogue = [
      "Mã TTHC,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Mức độ DVC",
      "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Ngay trong ngày tiếp nhận hồ sơ,Một phần",
      "1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,Ngay trong ngày tiếp nhận hồ sơ,Một phần",
      "1.000656,Thủ tục đăng ký khai tử,Hộ tịch,Ngay trong ngày tiếp nhận hồ sơ,Toàn trình",
      "2.000815,Thủ tục chứng thực bản sao từ bản chính,Chứng thực,Trong ngày,Một phần",
      "2.000884,Thủ tục chứng thực chữ ký trong giấy tờ,Chứng thực,Trong ngày,Một phần",
      "1.003005,Thủ tục đăng ký nuôi con nuôi trong nước,Nuôi con nuôi,20 ngày,Một phần",
    ].join("\n");
    await page.getByLabel("Tệp danh mục (CSV hoặc XLSX)").setInputFiles({ name: "danh-muc-tthc.csv", mimeType: "text/csv", buffer: Buffer.from(catalogue) });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByRole("button", { name: "Nhập 6 dòng hợp lệ" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã nhập danh mục: thêm 6" })).toBeVisible();
    await page.goto("/compliance");
    await page.getByRole("link", { name: "Xã Long Hồ" }).first().click();
    const duty = page.getByRole("row").filter({ hasText: "Tài liệu được xem xét định kỳ" });
    await expect(duty).toContainText("Chưa đạt");
    await expect(duty).toContainText("Chưa có tài liệu nào đang hiệu lực: HTQLCL chưa được xây dựng, áp dụng.");
    await page.goto("/documents");
    await page.getByRole("link", { name: "Nhập tài liệu hiện có" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nhập tài liệu hiện có" })).toBeVisible();
    await page.getByLabel("Tệp ZIP chứa tài liệu").setInputFiles({ name: "tai-lieu-long-ho.zip", mimeType: "application/zip", buffer: await zipOf(entries) });
    await page.getByLabel("Bảng tính danh sách tài liệu").setInputFiles({
      name: "danh-muc.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await documentSheet(rows),
    });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.getByRole("status")).toContainText("23 dòng sẽ được nhập, 2 dòng có lỗi sẽ không được nhập.");
    await expect(page.getByTestId("bulk-row-12")).toContainText("Ngày hiệu lực: Ngày không hợp lệ (dd/mm/yyyy).");
    await expect(page.getByTestId("bulk-row-22")).toContainText("Không có tệp nào trong ZIP mang tên của mã này");
    await expect(page.getByTestId("bulk-row-3")).toContainText("Sẽ tạo tài liệu có hiệu lực từ 01/10/2026");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Nhập 23 tài liệu hợp lệ" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã nhập 23 tài liệu đang có hiệu lực; 2 dòng có lỗi không được nhập." })).toBeVisible();
    await expect(page.getByRole("link", { name: "QT 01/LH" })).toBeVisible();

    await page.goto("/compliance");
    await page.getByRole("link", { name: "Xã Long Hồ" }).first().click();
    await expect(duty).toContainText("Đạt");
    await expect(duty).not.toContainText("Chưa đạt");
    await expect(duty).toContainText("23 tài liệu hiệu lực");
    const coverage = page.getByRole("row").filter({ hasText: "Mọi TTHC có quy trình đang hiệu lực" });
    await expect(coverage).toContainText("4/6 TTHC chưa có quy trình đang hiệu lực.");

    // The starting system, on a phone: the four procedures without a process and the system processes the commune lacks.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/documents");
    await page.getByRole("link", { name: "Khởi tạo hệ thống quy trình" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Khởi tạo hệ thống quy trình" })).toBeVisible();
    await expect(page.getByTestId("start-coverage")).toContainText(
      "2/6 TTHC có quy trình đang hiệu lực · 0 có quy trình đang soạn thảo · 4 chưa có quy trình nào.",
    );
    const hoTich = page.getByTestId("proposal-field:Hộ tịch");
    await expect(hoTich).toContainText("1.000894");
    await expect(hoTich).toContainText("1.000656");
    await expect(hoTich).not.toContainText("1.001193");
    await expect(page.getByTestId("proposal-sys:internalAudit")).toContainText("Quy trình đánh giá nội bộ");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    // Similar procedures share one process: the officer merges two fields' proposals, and drops the objectives.
    await page.getByTestId("proposal-field:Chứng thực").getByLabel("Chọn để gộp").check();
    await page.getByTestId("proposal-field:Nuôi con nuôi").getByLabel("Chọn để gộp").check();
    await page.getByRole("button", { name: "Gộp các đề xuất đã chọn" }).click();
    const merged = page.getByTestId("proposal-field:Chứng thực+field:Nuôi con nuôi");
    await expect(merged.getByLabel("Tên tài liệu")).toHaveValue("Quy trình giải quyết thủ tục hành chính lĩnh vực Chứng thực, Nuôi con nuôi");
    await page.getByTestId("proposal-sys:objectives").getByLabel("Chấp nhận").uncheck();
    // A code left empty comes back beside its field, the rest kept.
    await hoTich.getByLabel("Mã tài liệu").fill("");
    await page.getByRole("button", { name: "Tạo 7 dự thảo đã chấp nhận" }).click();
    await expect(hoTich.getByRole("alert")).toContainText("Vui lòng nhập thông tin này.");
    await expect(merged.getByLabel("Tên tài liệu")).toHaveValue("Quy trình giải quyết thủ tục hành chính lĩnh vực Chứng thực, Nuôi con nuôi");
    await expectAccessible(page);
    await hoTich.getByLabel("Mã tài liệu").fill("QT 26/LH");
    await page.getByRole("button", { name: "Tạo 7 dự thảo đã chấp nhận" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã tạo 7 tài liệu dự thảo" })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 720 });

    // The draft carries its Word template, downloadable from its revision.
    await page.getByRole("link", { name: "QT 26/LH" }).click();
    const [template] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("link", { name: /^Tải tệp/ })
        .first()
        .click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/QT 26-LH.*\.docx$/);
    const docx = await unzipAll(fs.readFileSync((await template.path())!));
    expect(docx.get("word/document.xml")!.toString("utf8")).toContain("QUY TRÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH LĨNH VỰC HỘ TỊCH");

    // Coverage: the gap closes as processes being written; the duty stays honest until they are approved.
    await page.goto("/compliance");
    await page.getByRole("link", { name: "Xã Long Hồ" }).first().click();
    await expect(coverage).toContainText("4/6 TTHC chưa có quy trình đang hiệu lực; 4 TTHC trong số đó đã có quy trình đang soạn thảo");
    await expect(duty).toContainText("Đạt");
    await expect(duty).toContainText("23 tài liệu hiệu lực");
    await page.goto("/procedures");
    await expect(page.getByText("2/6 TTHC đã có quy trình đang hiệu lực; 4 TTHC chưa có. Trong số đó 4 TTHC đã có quy trình đang soạn thảo.")).toBeVisible();
    await expect(page.getByRole("link", { name: "QT 26/LH (đang soạn thảo)" })).toHaveCount(2);
  });

  test("the inspector downloads an inspection's dossier as one ZIP; its index lists every paper in the archive", async ({ page }) => {
    await signIn(page, "kiemtra.tinh");
    await page.goto("/inspections");
    await page
      .getByRole("link", { name: /215\/QĐ-SKHCN/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/inspections\/\d+$/);
    const inspectionUrl = page.url();
    // The minutes as a PDF, archived (a record document). The unit's reports are drafts until its head issues one
    // (decision 0017), and a draft is never a paper of the dossier.
    await page.getByRole("button", { name: "Xuất PDF biên bản kiểm tra" }).click();
    await expect(page).toHaveURL(/\/reports\/\d+$/);
    await expect(page.getByRole("link", { name: "Tải PDF" })).toBeVisible({ timeout: 60_000 });
    await page.goto(inspectionUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải hồ sơ (ZIP)" }).click()]);
    expect(download.suggestedFilename()).toBe("Hồ sơ kiểm tra 215-QĐ-SKHCN - Xã Hòa Long.zip");
    const entries = await unzipAll(fs.readFileSync((await download.path())!));
    const names = [...entries.keys()];
    expect(names[0]).toBe("00 Mục lục hồ sơ.pdf");
    expect(names.length).toBeGreaterThan(1);
    fs.writeFileSync(test.info().outputPath("index.pdf"), entries.get(names[0]!)!);
    const index = execFileSync("pdftotext", ["-enc", "UTF-8", test.info().outputPath("index.pdf"), "-"], { encoding: "utf8" })
      .normalize("NFC")
      .replace(/\s+/g, " ");
    expect(index).toContain("MỤC LỤC HỒ SƠ KIỂM TRA");
    expect(index).toContain("Quyết định kiểm tra Số 215/QĐ");
    expect(index).toContain("Kế hoạch kiểm tra năm 2026");
    expect(names.some((n) => n.startsWith("04 Biên bản kiểm tra/"))).toBe(true);
    // Every file of the archive is named in the index, where it lies.
    for (const n of names.slice(1)) expect(index, n).toContain(n.split("/").pop()!.slice(0, 24));
    expect(index).toContain(`Hồ sơ gồm tệp mục lục này và ${names.length - 1} tệp`);
    for (const [, bytes] of entries) expect(bytes.length).toBeGreaterThan(0);
  });
});
