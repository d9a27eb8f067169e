import { expect, expectAccessible, signIn, test } from "./fixtures";
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { documentSheet, pdfBytes, unzipAll, zipOf, type SheetRow } from "../support/archives";

/*
 * A commune starts its system in an afternoon; an inspector takes a whole dossier in one download.
 * Fixtures (the ZIP, the spreadsheet) are built here at run time.
 */

test.describe("starting a commune and taking a dossier", () => {
  test("a new commune's officer imports a ZIP of 25 documents with its spreadsheet (2 rows wrong and explained); the documents duty is met", async ({
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
    await signIn(page, "thuky.longho");
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
  });

  test("the inspector downloads an inspection's dossier as one ZIP; its index lists every paper in the archive", async ({ page }) => {
    await signIn(page, "kiemtra.tinh");
    await page.goto("/inspections");
    await page
      .getByRole("link", { name: /215\/QĐ-SKHCN/ })
      .first()
      .click();
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
    // Every file of the archive is named in the index, where it lies.
    for (const n of names.slice(1)) expect(index, n).toContain(n.split("/").pop()!.slice(0, 24));
    expect(index).toContain(`Hồ sơ gồm tệp mục lục này và ${names.length - 1} tệp`);
    for (const [, bytes] of entries) expect(bytes.length).toBeGreaterThan(0);
  });
});
