import type { Locator } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Issue 17: a commune audits itself. Its ISO secretary plans the audit of two civil-status processes of Xã Lai
 * Vung with a colleague, on a phone: the process owner and a participant are offered greyed with the reason;
 * the default scope (12 clauses) and the two processes make 69 questions, answered with one nonconformity that
 * becomes a finding. Every click, tick and choice is counted.
 */
test("a commune's own staff audit two processes of their commune in under 30 clicks, one nonconformity becoming a finding", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  let clicks = 0;
  const click = async (l: Locator) => {
    clicks++;
    await l.click();
  };
  const check = async (l: Locator) => {
    clicks++;
    await l.check();
  };
  const choose = async (l: Locator, option: { label: string } | { label: string }[]) => {
    clicks++;
    await l.selectOption(option);
  };

  await signIn(page, "thuky.laivung");
  clicks++; // the sign-in button
  await page.goto("/audits/new");
  await choose(page.getByLabel("Đơn vị được đánh giá"), { label: "· Xã Lai Vung" });
  await page.getByLabel("Ngày bắt đầu").fill("24/11/2026");
  await page.getByLabel("Ngày kết thúc").fill("25/11/2026");
  await check(page.getByLabel("QT 02/CX-HCTP – Quy trình đăng ký khai sinh"));
  await check(page.getByLabel("QT 03/CX-HCTP – Quy trình đăng ký kết hôn"));

  // Who owns or takes part in a chosen process is offered greyed, with the reason; the commune's others may audit.
  const lead = page.getByLabel("Trưởng đoàn đánh giá");
  const owner = lead.locator("option", { hasText: "Lê Văn Sang" });
  await expect(owner).toBeDisabled();
  await expect(owner).toContainText("Phụ trách QT 02/CX-HCTP");
  await expect(lead.locator("option", { hasText: "Huỳnh Thanh Tâm" })).toContainText("Tham gia QT 02/CX-HCTP");
  await expect(lead.locator("option", { hasText: "Nguyễn Thị Thu Trang" })).toBeEnabled();
  await expect(lead.locator("option", { hasText: "Phạm Quốc Huy" })).toBeEnabled();
  await expect(lead).toHaveValue(/\d+/); // the secretary herself, who owns neither process
  await expectAccessible(page);
  // The team is ticked in a filtered list (phone-first); an ineligible member is there, greyed.
  const team = page.getByRole("group", { name: "Thành viên đoàn đánh giá" });
  await expect(team.getByRole("checkbox", { name: /Lê Văn Sang/ })).toBeDisabled();
  await check(team.getByRole("checkbox", { name: /Nguyễn Thị Thu Trang/ }));
  await click(page.getByRole("button", { name: "Lưu" }));
  await expect(page.getByRole("status")).toContainText("checklist đã được tạo");

  await click(page.getByRole("button", { name: "Bắt đầu đánh giá" }));
  await expect(page.getByRole("status")).toContainText("Đã bắt đầu đợt đánh giá.");
  await click(page.getByRole("link", { name: "Ghi kết quả checklist" }));
  await expect(page.getByTestId("checklist-progress")).toHaveText("Đã trả lời 0/69 câu");
  await expectAccessible(page);

  // One nonconformity in the birth-registration process, then everything else conforms in the same save.
  const item = page.locator("li.checklist-item", { hasText: "QT 02/CX-HCTP" }).nth(2);
  await check(item.getByLabel("Không phù hợp"));
  await item.getByLabel("Ghi chú, bằng chứng khách quan").fill("3/10 hồ sơ khai sinh trả kết quả trễ hạn 1 ngày.");
  await click(page.getByRole("button", { name: "Lưu và ghi «Phù hợp» cho mọi câu còn lại" }));

  // The nonconformity opens its finding draft, prefilled: the auditor confirms.
  await expect(page.getByRole("status")).toContainText("Câu «Không phù hợp» cần lập phát hiện");
  await expect(page.getByLabel("Bằng chứng")).toHaveValue("3/10 hồ sơ khai sinh trả kết quả trễ hạn 1 ngày.");
  await expect(page.getByLabel("Phân loại")).toHaveValue("minor");
  await expect(page.getByLabel("Nội dung phát hiện")).toHaveValue(/^Chưa đáp ứng yêu cầu: Hồ sơ giải quyết theo quy trình QT 02\/CX-HCTP/);
  await expectAccessible(page);
  await click(page.getByRole("button", { name: "Xác nhận phát hiện" }));

  // The audit lists the finding (no "no findings yet" while a nonconformity was answered).
  await expect(page.getByRole("status")).toContainText("Đã ghi nhận phát hiện.");
  const findings = page.getByRole("region", { name: "Phát hiện của đợt đánh giá" });
  await expect(findings.getByText("Không phù hợp nhẹ")).toBeVisible();
  await expect(findings.getByRole("link", { name: /Chưa đáp ứng yêu cầu: Hồ sơ giải quyết theo quy trình QT 02\/CX-HCTP/ })).toBeVisible();
  await expect(page.getByText("Chưa có phát hiện nào.")).toHaveCount(0);
  await expectAccessible(page);

  expect(clicks).toBeLessThan(30);
  console.log(`issue 17 journey: ${clicks} clicks for 69 questions with one nonconformity`);
});
