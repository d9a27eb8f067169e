import ExcelJS from "exceljs";
import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a provincial inspector opens the dashboard, reads the charts and their data, filters the grid and downloads it", async ({ page }) => {
  await signIn(page, "kiemtra.tinh");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Tổng quan tuân thủ" })).toBeVisible();
  await expect(page.getByText(/Điểm tuân thủ trung bình \(\d+ đơn vị\)/)).toBeVisible();

  // Each chart is an image named by its title, described in words, with its numbers one click away.
  const grades = page.getByRole("img", { name: /Phát hiện theo mức độ \(12 tháng qua\)/ });
  await expect(grades).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Hành động khắc phục quá hạn theo đơn vị/ }).or(page.getByText("Không có hành động khắc phục nào quá hạn.")),
  ).toBeVisible();
  const rates = page.getByRole("img", { name: /Tỷ lệ giải quyết đúng hạn, trực tuyến và BCCI theo tháng, năm 2026/ });
  await expect(rates).toBeVisible();
  await expect(rates).toHaveAccessibleDescription(/Đúng hạn tháng 10\/2026: \d/);
  await expect(page.getByRole("img", { name: /Tỷ lệ hồ sơ trực tuyến và trả qua BCCI, năm 2026/ })).toBeVisible();

  const gradeFigure = page.locator("figure", { has: grades });
  await gradeFigure.getByText("Xem bảng số liệu").click();
  const table = gradeFigure.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Số lượng" })).toBeVisible();
  await expect(table.getByRole("rowheader").first()).toBeVisible();
  const ratesFigure = page.locator("figure", { has: rates });
  await ratesFigure.getByText("Xem bảng số liệu").click();
  await expect(ratesFigure.getByRole("row", { name: /^01\/2026/ })).toContainText("%");
  await expectAccessible(page);

  // The evidence behind the numbers: the area grid, filtered to the units that miss their internal audit.
  await page.getByRole("link", { name: "Xem bảng tuân thủ toàn địa bàn" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Chỉ đơn vị chưa đạt").selectOption("internalAudit");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/missing=internalAudit/);
  const shown = Number(await page.locator(".stat").first().textContent());
  expect(shown).toBeGreaterThan(0);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^tuan-thu-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.worksheets[0]!;
  // A title row says what the sheet is and as of which day; the header follows it.
  expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^Tình hình duy trì HTQLCL .*tính đến ngày \d{2}\/\d{2}\/\d{4}$/);
  const header = (ws.getRow(2).values as unknown[]).slice(1);
  expect(header.slice(0, 3)).toEqual(["Mã đơn vị", "Đơn vị", "Điểm tuân thủ (%)"]);
  const col = header.indexOf("Đánh giá nội bộ trong 12 tháng") + 1;
  expect(col).toBeGreaterThan(0);
  expect(ws.rowCount - 2).toBe(shown);
  for (let i = 3; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(col).value).toBe("Chưa đạt");
});

test("the one-stop figures page draws the year's rates and shares", async ({ page }) => {
  await signIn(page, "kiemtra.tinh");
  await page.goto("/figures?year=2020");
  const shares = page.getByRole("img", { name: /Tỷ lệ hồ sơ trực tuyến và trả qua BCCI, năm 2020/ });
  await expect(shares).toBeVisible();
  // Lai Vung district 2020: 1,858 of 7,174 dossiers returned by public post.
  await expect(shares).toHaveAccessibleDescription(/Tỷ lệ BCCI: 25,9 %/);
  await expect(page.getByRole("img", { name: /theo tháng, năm 2020/ })).toBeVisible();
  await expectAccessible(page);
});

test("a commune chair reads her own obligations and the charts on a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "chutich.laivung");
  await page.goto("/");
  await expect(page.getByText(/Điểm tuân thủ của/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Xem chi tiết nghĩa vụ và bằng chứng" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Phát hiện theo mức độ/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
