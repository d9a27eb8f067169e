import { expect, expectAccessible, signIn, test } from "./fixtures";

// Issue 19 item 2 (decision 0018): the ministry's inspector reads every province, one province's units at a time.
test("the ministry's inspector opens the national grid by province, then one province's units", async ({ page }) => {
  await signIn(page, "kiemtra.bo");
  await page.goto("/compliance");
  const byProvince = page.getByRole("table", { name: "Theo tỉnh, thành phố" });
  await expect(byProvince.getByRole("rowheader", { name: "Tỉnh Đồng Tháp" })).toBeVisible();
  await expect(byProvince.getByRole("rowheader", { name: "Tỉnh Vĩnh Long" })).toBeVisible();
  await expectAccessible(page);
  await byProvince.getByRole("link", { name: "Tỉnh Vĩnh Long" }).click();
  await expect(page.getByText("Đang xem: Tỉnh Vĩnh Long")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Xã Long Hồ" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Xã Lai Vung" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Xem tất cả các tỉnh" }).click();
  await expect(page.getByRole("table", { name: "Theo tỉnh, thành phố" })).toBeVisible();
});

test("a province's inspector has no national table and cannot open another province", async ({ page }) => {
  await signIn(page, "kiemtra.tinh");
  await page.goto("/compliance");
  await expect(page.getByRole("table", { name: "Theo tỉnh, thành phố" })).toHaveCount(0);
  await expect(page.getByRole("rowheader", { name: "Xã Long Hồ" })).toHaveCount(0);
});
