import { expect, expectAccessible, signIn, test } from "./fixtures";

// A 1×1 PNG: evidence must be a real image (uploads are checked by content, not by name).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const stamp = () => Date.now().toString(36);

test.describe("internal audits, inspections and findings", () => {
  test("an officer plans an audit of a commune, fills its checklist and raises a major nonconformity", async ({ page }) => {
    const title = `Đánh giá nội bộ thử nghiệm ${stamp()}`;
    await signIn(page, "canbo.tinh");
    await page.goto("/audits/new");
    await expectAccessible(page);
    await page.getByLabel("Đơn vị được đánh giá").selectOption({ label: "· Xã Phong Hòa" });
    await page.getByLabel("Tên đợt đánh giá").fill(title);
    await page.getByLabel("Ngày bắt đầu").fill("10/11/2026");
    await page.getByLabel("Ngày kết thúc").fill("11/11/2026");
    for (const box of await page.locator('input[name="clauseCodes"]').all()) await box.setChecked(false);
    await page.getByLabel("8.7 Kiểm soát đầu ra không phù hợp").check();
    await page.getByLabel("Quy trình trong phạm vi").fill("QT 01/CX-HCTP | Chứng thực bản sao từ bản chính");

    // Independence is by process, not by unit: the commune's own secretary is offered (Phong Hòa has no process documents).
    await expect(page.getByLabel("Trưởng đoàn đánh giá").locator("option", { hasText: "Đỗ Thị Thu Hà" })).toBeEnabled();
    await page.getByLabel("Trưởng đoàn đánh giá").selectOption({ label: "Phạm Quốc Huy – Chuyên viên Sở KH&CN (Tỉnh Đồng Tháp)" });
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByRole("status")).toContainText("checklist đã được tạo");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Bắt đầu đánh giá" }).click();
    await expect(page.getByRole("status")).toContainText("Đã bắt đầu đợt đánh giá.");
    await page.getByRole("link", { name: "Ghi kết quả checklist" }).click();
    await expect(page.getByRole("heading", { name: "Danh mục câu hỏi đánh giá (checklist)" })).toBeVisible();
    await expectAccessible(page);

    const first = page.locator("li.checklist-item").first();
    await expect(first).toContainText("Kết quả giải quyết có sai sót hoặc hồ sơ quá hạn");
    await first.getByLabel("Không phù hợp").check();
    await first.getByLabel("Ghi chú, bằng chứng khách quan").fill("2/15 hồ sơ trễ hạn không có văn bản xin lỗi.");
    await first.getByLabel("Thêm tệp bằng chứng").setInputFiles({ name: "ho-so-tre-han.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Lưu các câu trả lời" }).click();
    // The nonconformity answer opens its finding draft, prefilled from the answer.
    await expect(page.getByRole("status")).toContainText("Câu «Không phù hợp» cần lập phát hiện");
    await expectAccessible(page);
    await expect(page.getByLabel("Bằng chứng")).toHaveValue("2/15 hồ sơ trễ hạn không có văn bản xin lỗi.");
    await expect(page.getByLabel("Điều khoản")).toHaveValue("8.7");
    await page.getByLabel("Phân loại").selectOption({ label: "Không phù hợp nặng" });
    await page.getByLabel("Nội dung phát hiện").fill("Hồ sơ trễ hạn không được lập văn bản xin lỗi người dân.");
    await page.getByRole("button", { name: "Xác nhận phát hiện" }).click();
    await expect(page.getByRole("status")).toContainText("Đã ghi nhận phát hiện.");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await page.getByRole("link", { name: "Ghi kết quả checklist" }).click();
    const saved = page.locator("li.checklist-item").first();
    await expect(saved.getByRole("link", { name: "ho-so-tre-han.png" })).toBeVisible();
    await expect(saved.getByText("Không phù hợp nặng")).toBeVisible();

    await page.getByRole("link", { name: `← ${title}` }).click();
    const findings = page.getByRole("region", { name: "Phát hiện của đợt đánh giá" });
    await expect(findings.getByText("Không phù hợp nặng")).toBeVisible();
    await findings.getByRole("link", { name: "Hồ sơ trễ hạn không được lập văn bản xin lỗi người dân." }).click();
    await expect(page.locator("dt", { hasText: "Đơn vị" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Xã Phong Hòa");
    await expect(page.getByRole("link", { name: "Xem và lập hành động khắc phục" })).toHaveAttribute("href", /\/findings\/\d+\/actions$/);
    await expectAccessible(page);
  });

  test("an inspector records an inspection with minutes and a finding and sees the two-month due date", async ({ page }) => {
    const decision = `${stamp()}/QĐ-SKHCN`;
    await signIn(page, "kiemtra.tinh");
    await page.goto("/inspections");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ghi nhận quyết định kiểm tra" }).click();
    await expectAccessible(page);
    await page.getByLabel("Đơn vị được kiểm tra").selectOption({ label: "Xã Tân Dương" });
    await page.getByLabel("Hình thức kiểm tra").selectOption({ label: "Trực tiếp tại đơn vị" });
    await page.getByLabel("Số quyết định kiểm tra").fill(decision);
    await page.getByLabel("Ngày quyết định").fill("02/11/2026");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(decision);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ghi biên bản kiểm tra" }).click();
    await page.getByLabel("Ngày hai bên ký biên bản").fill("31/12/2026");
    await page.getByLabel("Nội dung, kết luận của biên bản").fill("Đoàn kiểm tra làm việc với UBND xã Tân Dương; hai bên thống nhất ký biên bản.");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByText("Ngày này chưa đến.")).toBeVisible();
    await page.getByLabel("Ngày hai bên ký biên bản").fill("10/11/2026");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status")).toContainText("Đã lưu biên bản kiểm tra.");
    await expect(page.getByText("hạn 10/01/2027")).toBeVisible();

    await page.getByRole("link", { name: "Ghi phát hiện vào biên bản" }).click();
    await expect(page.getByText("Mặc định: 2 tháng sau ngày ký biên bản (10/01/2027)")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Phân loại").selectOption({ label: "Không phù hợp nhẹ" });
    await page.getByLabel("Điều khoản").selectOption({ label: "9.3 Xem xét của lãnh đạo" });
    await page.getByLabel("Nội dung phát hiện").fill("Chưa tổ chức xem xét của lãnh đạo năm 2026.");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status")).toContainText("Đã ghi nhận phát hiện.");
    const due = page.locator("dt", { hasText: "Hạn khắc phục" }).locator("xpath=following-sibling::dd[1]");
    await expect(due).toHaveText(/^10\/01\/2027 Theo quy định: 2 tháng sau ngày ký biên bản kiểm tra/);
    await expect(page.getByRole("link", { name: new RegExp(decision.replace(/[/.]/g, "\\$&")) })).toBeVisible();
    await expectAccessible(page);
  });

  test("a commune's leader sees the findings of their commune and not of a sibling", async ({ page, context }) => {
    await signIn(page, "chutich.laivung");
    await page.goto("/findings");
    await expectAccessible(page);
    const major = page.getByRole("link", { name: /Hồ sơ TTHC trả kết quả quá hạn/ });
    await expect(major).toBeVisible();
    await expect(page.getByText("Chưa cập nhật 04 quy trình")).toHaveCount(0);
    await major.click();
    await expect(page.getByRole("heading", { name: /Phát hiện số \d+/ })).toBeVisible();
    const laiVungFinding = new URL(page.url()).pathname;
    await expect(page.locator("dt", { hasText: "Đơn vị" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Xã Lai Vung");

    await context.clearCookies();
    await signIn(page, "chutich.hoalong");
    await page.goto("/findings");
    await expect(page.getByRole("link", { name: /Chưa cập nhật 04 quy trình/ })).toBeVisible();
    await expect(page.getByText(/Hồ sơ TTHC trả kết quả quá hạn/)).toHaveCount(0);
    // Overdue inspection findings are flagged on the leader's list.
    await expect(page.getByText("Quá hạn").first()).toBeVisible();
    await expectAccessible(page);

    const res = await page.goto(laiVungFinding);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  });
});
