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
});
