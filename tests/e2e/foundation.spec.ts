import { expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("sign-in and scope", () => {
  test("a wrong password is refused with a clear message and the username kept", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await page.getByLabel("Tên đăng nhập").fill("thuky.laivung");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toContainText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("thuky.laivung");
    await expect(page).toHaveURL(/\/login/);
  });

  const roles = [
    { username: "kiemtra.tinh", role: "Cán bộ kiểm tra", sees: ["Xã Lai Vung", "Xã Hòa Long", "Huyện Lai Vung"], hidden: ["Tỉnh Vĩnh Long"] },
    { username: "quantri", role: "Quản trị", sees: ["Tỉnh Đồng Tháp", "Xã Tân Dương"], hidden: ["Xã Long Hồ"] },
    { username: "thuky.laivung", role: "Cán bộ / Thư ký ISO", sees: ["Xã Lai Vung", "Thị trấn Lai Vung"], hidden: ["Xã Hòa Long", "Tỉnh Đồng Tháp"] },
    { username: "chutich.hoalong", role: "Lãnh đạo UBND", sees: ["Xã Hòa Long", "Xã Long Hậu"], hidden: ["Xã Lai Vung", "Xã Phong Hòa"] },
  ];
  for (const r of roles) {
    test(`${r.username} (${r.role}) sees their own units and no others`, async ({ page }) => {
      await signIn(page, r.username);
      await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toContainText(r.role);
      await expectAccessible(page);
      await page.goto("/units?all=1");
      const table = page.getByRole("table");
      for (const name of r.sees) await expect(table.getByRole("link", { name, exact: true }).first()).toBeVisible();
      for (const name of r.hidden) await expect(table.getByRole("link", { name, exact: true })).toHaveCount(0);
      await expectAccessible(page);
    });
  }

  test("a commune leader is refused on a sibling commune's page, and on administration", async ({ page, request }) => {
    await signIn(page, "chutich.laivung");
    await page.goto("/units?all=1");
    const own = await page.getByRole("link", { name: "Xã Lai Vung", exact: true }).getAttribute("href");
    await page.goto(own!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Lai Vung");
    // The sibling's id, as an inspector sees it.
    const ctx = await page.context().browser()!.newContext();
    const other = await ctx.newPage();
    await signIn(other, "kiemtra.tinh");
    await other.goto("/units");
    const siblingHref = await other.getByRole("link", { name: "Xã Hòa Long", exact: true }).getAttribute("href");
    await ctx.close();
    const resp = await page.goto(siblingHref!);
    expect(resp?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
    await expect(page.locator("body")).not.toContainText("Xã Hòa Long");
    await expectAccessible(page);
    const admin = await page.goto("/admin/users");
    expect(admin?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
    void request;
  });

  test("switching the language to English and back", async ({ page }) => {
    await signIn(page, "thuky.hoalong");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compliance overview");
    await expect(page.getByText("Hello Lý Thị Kim Ngân")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/units");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrative units");
    await expectAccessible(page);
    await page.getByRole("button", { name: /Tiếng Việt/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đơn vị hành chính");
  });
});

test.describe("administration", () => {
  test("an administrator creates an account: errors beside the fields, input kept, then the person signs in", async ({ page, browser }) => {
    await signIn(page, "quantri");
    await page.goto("/admin/users/new");
    await expectAccessible(page);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Họ và tên").fill("Ngô Thị Vân");
    await page.getByLabel("Tên đăng nhập").fill("Vân Ngô!");
    await page.getByLabel("Đơn vị").selectOption({ label: "· Xã Phong Hòa" });
    await page.getByLabel("Vai trò").selectOption({ label: "Cán bộ / Thư ký ISO" });
    await page.getByLabel("Mật khẩu").fill("ngan");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByText("Tên đăng nhập từ 3 ký tự")).toBeVisible();
    await expect(page.getByText("Mật khẩu cần ít nhất 8 ký tự.")).toBeVisible();
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Ngô Thị Vân");
    await expectAccessible(page);
    await page.getByLabel("Tên đăng nhập").fill("van.ngo");
    await page.getByLabel("Mật khẩu").fill("MatKhau#2026");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ngô Thị Vân");
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "Lịch sử thay đổi" }) })).toContainText("Tạo mới");

    const other = await browser.newPage();
    await signIn(other, "van.ngo", "MatKhau#2026");
    await expect(other.getByText("Xã Phong Hòa").first()).toBeVisible();
    await other.close();
  });

  test("the job runs page lists the scheduler's runs", async ({ page }) => {
    await signIn(page, "quantri");
    await page.goto("/admin/jobs");
    await expect(page.getByRole("cell", { name: /Sao lưu hằng đêm/ }).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("on a 390 px phone the menu opens and leads to the units", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "chutich.phonghoa");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Đơn vị" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đơn vị hành chính");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectAccessible(page);
  });
});
