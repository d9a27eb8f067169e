import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Issue 17 on a phone (390 × 844): who is told, who must approve, and the district's people after the 2025 reform.

const stamp = () => String(Date.now() % 1_000_000);

async function phone(browser: Browser, locale = "vi-VN"): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

/** The bell in the header: its accessible name carries the unread count. */
const bell = (page: Page) => page.getByRole("link", { name: /^Thông báo: \d+ chưa đọc$/ });

test.describe("on a phone", () => {
  test("the district's inspector inspects a successor commune after the reform, and the commune's chair finds the finding in their inbox", async ({
    browser,
  }) => {
    const decision = `${stamp()}/QĐ-SKHCN`;
    const inspector = await phone(browser);
    await signIn(inspector, "kiemtra.huyen");
    await inspector.goto("/inspections/new");
    await expectAccessible(inspector);
    // The communes formed from Lai Vung on 1 July 2025 are offered (before the reform work the district's inspector saw 0 units).
    await inspector.getByLabel("Đơn vị được kiểm tra").selectOption({ label: "Xã Tân Dương" });
    await inspector.getByLabel("Hình thức kiểm tra").selectOption({ label: "Trực tiếp tại đơn vị" });
    await inspector.getByLabel("Số quyết định kiểm tra").fill(decision);
    // Typed as digits: the slashes come by themselves.
    await inspector.getByLabel("Ngày quyết định").pressSequentially("02112026");
    await expect(inspector.getByLabel("Ngày quyết định")).toHaveValue("02/11/2026");
    // Team members are ticked in a filtered list, not Ctrl-clicked.
    const team = inspector.getByRole("group", { name: "Thành viên đoàn kiểm tra" });
    await team.getByLabel("Lọc theo tên").fill("minh thu");
    await team.getByRole("checkbox", { name: /Lê Thị Minh Thư/ }).check();
    await expect(team.getByText("Đã chọn 1")).toBeVisible();
    const lead = inspector.getByLabel("Trưởng đoàn kiểm tra");
    await lead.selectOption((await lead.locator("option", { hasText: "Đặng Văn Lợi" }).getAttribute("value"))!);
    await inspector.getByRole("button", { name: "Lưu" }).click();
    await expect(inspector.getByRole("heading", { level: 1 })).toContainText(decision);

    await inspector.getByRole("link", { name: "Ghi biên bản kiểm tra" }).click();
    // The phone's own date picker writes the day back as dd/mm/yyyy.
    await inspector.locator(".date-native").first().fill("2026-11-24", { force: true });
    await expect(inspector.getByLabel("Ngày hai bên ký biên bản")).toHaveValue("24/11/2026");
    await inspector.getByLabel("Nội dung, kết luận của biên bản").fill("Đoàn kiểm tra làm việc với UBND xã Tân Dương; hai bên thống nhất ký biên bản.");
    await expectAccessible(inspector);
    await inspector.getByRole("button", { name: "Lưu" }).click();
    await expect(inspector.getByRole("status")).toContainText("Đã lưu biên bản kiểm tra.");
    await inspector.getByRole("link", { name: "Ghi phát hiện vào biên bản" }).click();
    await inspector.getByLabel("Phân loại").selectOption({ label: "Không phù hợp nhẹ" });
    await inspector.getByLabel("Nội dung phát hiện").fill(`Chưa công khai kết quả khắc phục (${decision}).`);
    await inspector.getByRole("button", { name: "Lưu" }).click();
    await expect(inspector.getByRole("status")).toContainText("Đã ghi nhận phát hiện.");
    const findingUrl = new URL(inspector.url()).pathname;

    const chair = await phone(browser);
    await signIn(chair, "chutich.tanduong");
    const unread = Number((await bell(chair).getAttribute("aria-label"))!.match(/\d+/)![0]);
    expect(unread).toBeGreaterThanOrEqual(2);
    await bell(chair).click();
    await expect(chair.getByRole("heading", { name: "Thông báo" })).toBeVisible();
    await expectAccessible(chair);
    await expect(chair.getByText(/Biên bản kiểm tra của Xã Tân Dương đã ký ngày 24\/11\/2026: .*chậm nhất ngày 24\/01\/2027/)).toBeVisible();
    const notice = chair.getByRole("button", {
      name: new RegExp(`Phát hiện mới #\\d+ \\(Không phù hợp nhẹ\\) tại Xã Tân Dương: Chưa công khai.*${decision.split("/")[0]}`),
    });
    await expect(notice).toContainText("Mới");
    await notice.click();
    await expect(chair).toHaveURL(new RegExp(`${findingUrl}$`));
    await expect(bell(chair)).toHaveAttribute("aria-label", `Thông báo: ${unread - 1} chưa đọc`);
    await inspector.context().close();
    await chair.context().close();
  });

  test("an author submits a document and reads who must approve it; the approver finds it in their inbox", async ({ browser }) => {
    const code = `QT ${stamp()}/LV-PH`;
    const author = await phone(browser);
    await signIn(author, "thuky.laivung");
    await author.goto("/documents/new");
    await author.getByLabel("Mã hiệu").fill(code);
    await author.getByLabel("Tên tài liệu").fill("Quy trình chứng thực chữ ký");
    await author.getByLabel("Bộ phận / người chịu trách nhiệm").fill("Công chức Tư pháp - Hộ tịch");
    await author.getByLabel("Tệp tài liệu (PDF, DOCX hoặc XLSX)").setInputFiles({
      name: "chung-thuc.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(`%PDF-1.4\n% ${code}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
    });
    await author.getByRole("button", { name: "Lưu" }).click();
    await expect(author.getByRole("heading", { level: 1 })).toContainText(code);
    await author.getByRole("link", { name: "Bản đang xử lý" }).click();
    await author.getByRole("button", { name: "Trình xem xét, phê duyệt" }).click();
    await expect(author.getByRole("status").filter({ hasText: "Đã trình" })).toBeVisible();
    // Before: "Bạn không có thao tác nào ở bước này". Now the author is told whom it waits for.
    await expect(author.getByText("Đang chờ phê duyệt bởi: Huỳnh Thanh Tâm (Phó Chủ tịch UBND xã), Nguyễn Hữu Phước (Chủ tịch UBND xã).")).toBeVisible();
    await expect(author.getByText("Bạn không có thao tác nào ở bước này.")).toHaveCount(0);
    await expectAccessible(author);

    const approver = await phone(browser);
    await signIn(approver, "phochutich.laivung");
    await bell(approver).click();
    const notice = approver.getByRole("button", { name: new RegExp(`Trần Thị Ngọc Ánh trình phê duyệt tài liệu ${code.replace(/[/.]/g, "\\$&")}`) });
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(approver.getByRole("heading", { level: 1 })).toContainText(code);
    await expect(approver.getByRole("button", { name: "Phê duyệt" })).toBeVisible();
    await author.context().close();
    await approver.context().close();
  });

  test("the district's officer, whose unit ended on 30/06/2025, is told so and works on the four communes formed from it", async ({ browser }) => {
    const officer = await phone(browser);
    await signIn(officer, "canbo.huyen");
    await expect(officer.getByText(/Đơn vị của bạn \(Huyện Lai Vung\) đã kết thúc hoạt động ngày 30\/06\/2025/)).toBeVisible();
    await officer.goto("/compliance");
    for (const name of ["Xã Lai Vung", "Xã Hòa Long", "Xã Phong Hòa", "Xã Tân Dương"]) await expect(officer.getByRole("link", { name }).first()).toBeVisible();
    await expectAccessible(officer);
    await officer.goto("/units");
    await officer.getByLabel("Hiện cả đơn vị đã hết hiệu lực").check();
    await officer.getByRole("button", { name: "Tìm" }).click();
    await officer.getByRole("link", { name: "Huyện Lai Vung", exact: true }).click();
    await officer.waitForURL(/\/units\/\d+$/);
    const districtId = new URL(officer.url()).pathname.split("/").pop();
    await officer.goto(`/compliance/${districtId}`);
    await expect(officer.getByText("Nghĩa vụ và điểm tính đến ngày 30/06/2025, ngày cuối cùng đơn vị còn hoạt động.")).toBeVisible();
    await expectAccessible(officer);
    // A page the officer cannot reach says why their old unit's pages look different, instead of a bare 404.
    await officer.goto("/compliance/999999");
    await expect(officer.getByRole("note")).toContainText("Đơn vị của bạn (Huyện Lai Vung) đã kết thúc hoạt động ngày 30/06/2025");
    await officer.context().close();
  });

  test("a day picked with the browser in English still reads dd/mm/yyyy", async ({ browser }) => {
    const page = await phone(browser, "en-US");
    await signIn(page, "kiemtra.huyen");
    await page.goto("/inspections/new");
    await page.locator(".date-native").first().fill("2026-12-01", { force: true });
    await expect(page.getByLabel("Ngày quyết định")).toHaveValue("01/12/2026");
    await page.context().close();
  });
});
