import ExcelJS from "exceljs";
import { expect, expectAccessible, signIn, test } from "./fixtures";

async function sampleXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Báo cáo một cửa");
  ws.addRow(["Mã đơn vị", "Tháng", "Tiếp nhận", "Trước hạn", "Đúng hạn", "Quá hạn", "Trực tuyến", "Qua BCCI", "PAKN tiếp nhận", "PAKN đúng hạn"]);
  ws.addRow(["DT-TANDUONG", "11/2026", 400, 250, 146, 4, 200, 100, 2, 2]);
  ws.addRow(["DT-TANDUONG", "14/2026", 10, 5, 5, 0, 1, 1, 0, 0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("an officer imports the one-stop Excel file, sees the bad row explained, skips it and reads the rates", async ({ page }) => {
  await signIn(page, "thuky.tanduong");
  await page.goto("/figures/import");
  await expectAccessible(page);
  await page
    .getByLabel("Tệp số liệu")
    .setInputFiles({ name: "mot-cua-11-2026.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await sampleXlsx() });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("heading", { name: /1 dòng hợp lệ, 1 dòng lỗi/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^3 / })).toContainText('Tháng "14/2026" không hợp lệ');
  await expectAccessible(page);

  // Without choosing to skip, nothing is imported.
  await page.getByRole("button", { name: "Nhập số liệu" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "chưa nhập gì" })).toBeVisible();

  await page.getByLabel("Bỏ qua các dòng lỗi").check();
  await page.getByRole("button", { name: "Nhập số liệu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã nhập 1 dòng, bỏ qua 1 dòng lỗi.");
  await page.goto("/figures?year=2026");
  const row = page.getByRole("row").filter({ hasText: "11/2026" });
  await expect(row).toContainText("99 %"); // 396 of 400 resolved early or on time
  await expect(row).toContainText("50 %"); // online
  await expect(row).toContainText("25 %"); // by public post
  await expectAccessible(page);
});

test("an executable disguised as a spreadsheet is refused beside the field", async ({ page }) => {
  await signIn(page, "thuky.tanduong");
  await page.goto("/figures/import");
  const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(200)]);
  await page
    .getByLabel("Tệp số liệu")
    .setInputFiles({ name: "so-lieu.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: exe });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("alert")).toContainText("Loại tệp không được chấp nhận");
});

test("a leader reads the objectives of their commune with their attainment, and not a sibling's", async ({ page }) => {
  await signIn(page, "chutich.phonghoa");
  await page.goto("/objectives?year=2026");
  await expect(page.getByRole("row").filter({ hasText: "100% hồ sơ TTHC" })).toContainText("Đạt");
  await expect(page.getByRole("row").filter({ hasText: "40% hồ sơ" })).toContainText("Chưa đạt");
  await expect(page.locator("body")).not.toContainText("Xã Lai Vung");
  await expectAccessible(page);
});
