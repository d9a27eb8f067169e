import { expect, expectAccessible, signIn, test } from "./fixtures";

test("an inspector searches without accents across records, sorts a list by a column and filters objectives by commune", async ({ page }) => {
  await signIn(page, "kiemtra.tinh");

  // One search across records, from the navigation; "tu phap" finds "Tư pháp".
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tìm kiếm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tìm kiếm" })).toBeVisible();
  await page.getByLabel("Từ khóa").fill("tu phap");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page).toHaveURL(/\/search\?q=tu\+phap/);
  // The process documents kept by "Công chức Tư pháp - Hộ tịch" (their owner), with links to them.
  const docs = page.getByRole("region", { name: /^Tài liệu \([1-9]\d* kết quả\)/ });
  await expect(docs.getByRole("link", { name: /Quy trình đăng ký khai sinh/ }).first()).toHaveAttribute("href", /^\/documents\/\d+$/);
  for (const kind of ["Thủ tục hành chính", "Phát hiện", "Hành động khắc phục"])
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${kind}`) })).toBeVisible();
  await expectAccessible(page);

  // The document list's own search box ignores accents too.
  await page.goto("/documents?q=tu+phap");
  await expect(page.getByRole("status")).not.toHaveText(/^0 /);

  // A column header orders the list, and says so; a second click turns the order around.
  await page.goto("/documents");
  const code = page.getByRole("columnheader", { name: /Mã hiệu/ });
  await code.getByRole("link").click();
  await expect(page).toHaveURL(/sort=code&dir=asc/);
  await expect(code).toHaveAttribute("aria-sort", "ascending");
  const firstAsc = await page.locator("tbody tr").first().locator("td").first().textContent();
  await code.getByRole("link").click();
  await expect(page).toHaveURL(/sort=code&dir=desc/);
  await expect(code).toHaveAttribute("aria-sort", "descending");
  await expect(page.locator("tbody tr").first().locator("td").first()).not.toHaveText(firstAsc ?? "");
  await expectAccessible(page);

  // Objectives of one commune only.
  await page.goto("/objectives?year=2026");
  // The commune formed in 2025 (one level below the province); the old commune of the same name sits under its district.
  await page.locator("#f-unit").selectOption({ label: "· Xã Hòa Long" });
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/unit=\d+/);
  const units = await page.locator("tbody td:first-child").allTextContents();
  expect(units.length).toBeGreaterThan(0);
  expect(new Set(units)).toEqual(new Set(["Xã Hòa Long"]));

  // The unit tree: the district's communes by name, whatever order they were created in.
  await page.goto("/units?all=1");
  const codes = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(codes.indexOf("DT-LV-TTLV")).toBeGreaterThan(codes.indexOf("DT-LV"));
  expect(codes.indexOf("DT-LV-TTLV")).toBeLessThan(codes.indexOf("DT-LV-LT"));
});
