import path from "node:path";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import type { Locator, Page } from "@playwright/test";
import { openDatabase, type DB } from "#db/client";
import { correctiveActions, documents, procedures, serviceFigures, units, users } from "#db/schema";
import { insertFinding } from "#db/seed-actions";
import { makeCtx } from "~/modules/context.server";
import type { Ctx, UserActor } from "~/modules/context";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { addDays, vnDay } from "~/lib/time";
import { E2E_NOW, expect, expectAccessible, signIn, test } from "./fixtures";

// Issue 18 ("fit and finish"), items 2, 4, 5, 6, 12 and 16: what people tripped over, replayed as they did it.
// Set-up that is not the point of a test goes straight into the e2e server's database through the domain verbs.
const DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e-data");
let db: DB;
test.beforeAll(() => {
  db = openDatabase(path.join(DATA_DIR, "iso-xa.db"));
});
test.afterAll(() => db?.$client.close());

const PHONE = { width: 390, height: 844 };
const uid = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const today = () => vnDay(E2E_NOW);
const pdf = (label: string) => ({
  name: `${label}.pdf`,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
});

function actor(username: string): UserActor {
  const u = db.select().from(users).where(eq(users.username, username)).get()!;
  const unit = db.$client.prepare("SELECT path FROM units WHERE id = ?").get(u.unitId) as { path: string };
  return { kind: "user", id: u.id, name: u.fullName, username, role: u.role, unitId: u.unitId, unitPath: unit.path };
}
const ctx = (username: string): Ctx => makeCtx(db, actor(username), E2E_NOW);

async function ready(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle"); // hydrated: conform validates in the browser
}

/** Words a person should never read: field names, codes, ISO dates, epoch milliseconds, JSON quotes, "∅". */
function rawTokens(text: string): string[] {
  const found = [
    ...(text.match(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g) ?? []), // camelCase field names (unitId, dueOn)
    ...(text.match(/\b[a-z]+_[a-z_]+\b/g) ?? []), // snake_case codes (internal_audit, in_progress)
    ...(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []),
    ...(text.match(/\b1\d{12}\b/g) ?? []),
    ...(text.match(/"[\w.-]*"|∅|\bnull\b/g) ?? []), // quoted codes ("proposed"), placeholders
  ];
  return [...new Set(found)];
}

/**
 * Press the pointer on `target` and keep it down for two frames, as a person's click takes time: the target must not
 * move between pointerdown and the release, or the click lands on nothing. Returns how far it moved.
 */
async function pressStill(page: Page, target: Locator): Promise<number> {
  await target.scrollIntoViewIfNeeded();
  const before = (await target.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const during = (await target.boundingBox())!;
  await page.mouse.up();
  return Math.abs(during.y - before.y) + Math.abs(during.x - before.x);
}

test.describe("issue 18 item 2: nothing moves under the pointer", () => {
  test("the first click on Lưu after fixing the errors saves the account", async ({ page }) => {
    await signIn(page, "quantri");
    await ready(page, "/admin/users/new");
    const save = page.getByRole("button", { name: "Lưu" });
    await save.click();
    await expect(page.locator(".field-errors").first()).toBeVisible();
    await page.getByLabel("Họ và tên").fill("Đỗ Thị Hạnh");
    await page.getByLabel("Tên đăng nhập").fill(`hanh.${uid()}`);
    await page.getByLabel("Đơn vị").selectOption({ label: "· Xã Phong Hòa" });
    await page.getByLabel("Vai trò").selectOption({ label: "Cán bộ / Thư ký ISO" });
    await page.getByLabel("Mật khẩu").fill("MatKhau#2026");
    // One click, straight from the last corrected field.
    expect(await pressStill(page, save)).toBe(0);
    await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
    await expect(page.getByRole("status")).toHaveText("Đã lưu.");
  });

  test("the first click on Lưu after fixing the errors records the legal change", async ({ page }) => {
    await signIn(page, "thuky.laivung");
    await ready(page, "/documents/legal/new");
    const save = page.getByRole("button", { name: "Lưu" });
    await save.click();
    await expect(page.locator(".field-errors").first()).toBeVisible();
    await page.getByLabel("Số, ký hiệu văn bản").fill(`Thông tư ${uid()}/2026/TT-BKHCN`);
    await page.getByLabel("Trích yếu").fill("Hướng dẫn áp dụng TCVN ISO 9001:2015 tại cơ quan hành chính");
    await page.getByLabel("Ngày có hiệu lực").fill("01/11/2026");
    expect(await pressStill(page, save)).toBe(0);
    await expect(page).toHaveURL(/\/documents\/legal\/\d+$/);
  });

  test("quick ticks in the audit's clause list all stay ticked", async ({ page }) => {
    await signIn(page, "canbo.tinh");
    await ready(page, "/audits/new");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.locator(".field-errors").first()).toBeVisible();
    await page.getByLabel("Tên đợt đánh giá").fill(`Đánh giá nội bộ ${uid()}`);
    const boxes = page.locator(".check-group input[type=checkbox]");
    const n = Math.min(3, await boxes.count());
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      const was = await box.isChecked();
      expect(await pressStill(page, box), `clause ${i}`).toBe(0);
      await expect(box).toBeChecked({ checked: !was });
    }
  });
});

test.describe("issue 18 item 4: one form, one record", () => {
  test("pressing Đề xuất twice proposes one action, and the form is empty afterwards", async ({ page }) => {
    const label = uid();
    const f = insertFinding(db, {
      unitCode: "DT-LAIVUNG",
      source: "internal_audit",
      grade: "minor",
      clause: "7.5.3",
      description: `Hồ sơ thiếu phiếu kiểm soát (${label})`,
      foundOn: today(),
      actionDueOn: addDays(today(), 30),
      raisedBy: "thuky.laivung",
    });
    saveCaRequest(ctx("thuky.laivung"), f.id, { correction: "Đã lập bổ sung phiếu", rootCauseMethod: "free_text", rootCause: "Quy trình chưa quy định" });

    await signIn(page, "thuky.laivung");
    await ready(page, `/findings/${f.id}/actions`);
    await page.getByLabel("Nội dung hành động").fill(`Sửa quy trình QT 02 (${label})`);
    await page.getByLabel("Người thực hiện").selectOption({ label: "Nguyễn Thị Thu Trang (Công chức Văn phòng - Thống kê)" });
    const propose = page.getByRole("button", { name: "Đề xuất", exact: true });
    await propose.dblclick();
    await expect(page.getByRole("status")).toContainText("chờ lãnh đạo xác nhận");
    await page.waitForLoadState("networkidle");
    expect(db.select().from(correctiveActions).where(eq(correctiveActions.findingId, f.id)).all()).toHaveLength(1);
    // After success the form is empty: pressing again proposes nothing twice, it asks for the content.
    await expect(page.getByLabel("Nội dung hành động")).toHaveValue("");
    await propose.click();
    await expect(page.locator("#ca-new-action .field-errors").first()).toBeVisible();
    expect(db.select().from(correctiveActions).where(eq(correctiveActions.findingId, f.id)).all()).toHaveLength(1);
    await expect(page.locator(".ca-card", { hasText: label })).toHaveCount(1);
  });
});

test.describe("issue 18 item 5: people read words, not codes", () => {
  test("a closed finding and its actions' history read as sentences, in both languages", async ({ page }) => {
    await signIn(page, "canbo.tinh");
    await page.goto("/findings/4");
    await expect(page.locator("main")).not.toContainText("ca.closeNote");
    await page.goto("/corrective-actions/5");
    const history = page.locator("section", { has: page.getByRole("heading", { name: "Lịch sử thay đổi" }) });
    await expect(history).toContainText("Trạng thái");
    await expect(history).toContainText("26/10/2026");
    expect(rawTokens(await history.innerText())).toEqual([]);
    await page.goto("/findings/1/actions");
    expect(rawTokens(await history.innerText())).toEqual([]);

    await page.getByRole("button", { name: /English/ }).click();
    await page.goto("/corrective-actions/5");
    const en = page.locator("section", { has: page.getByRole("heading", { name: "History" }) });
    await expect(en).toContainText("Status");
    expect(rawTokens(await en.innerText())).toEqual([]);
  });

  test("the audit trail names records, fields and values in words", async ({ page }) => {
    await signIn(page, "quantri");
    await page.goto("/admin/trail");
    const table = page.getByRole("table");
    await expect(table).toContainText("Hành động khắc phục");
    expect(rawTokens(await table.innerText())).toEqual([]);
    await expect(page.getByLabel("Loại đối tượng")).not.toContainText("corrective_action");
  });

  test("scheduled jobs: named in words, a schedule people read, the next run, and why a run was skipped", async ({ page }) => {
    await signIn(page, "quantri");
    await page.goto("/admin/jobs");
    const main = page.locator("main");
    await expect(main).not.toContainText(/\d+ \d+ [\d*,]+ [\d*,]+ \*/); // no cron strings
    await expect(main).not.toContainText("nightly-backup");
    const schedule = page.getByRole("table").first();
    for (const cell of await schedule.locator("tbody tr td:nth-child(3)").all()) await expect(cell).toHaveText(/\d{2}\/\d{2}\/\d{4}/);
    await schedule.locator("tbody tr").first().getByRole("button").click();
    await expect(page.getByRole("status")).not.toContainText("skipped");
    await expect(page.getByRole("status")).toContainText(/đã chạy|không chạy lại/);
  });

  test("the reports list names the scheduled job in words", async ({ page }) => {
    await signIn(page, "canbo.tinh");
    await page.goto("/reports");
    await expect(page.locator("main")).not.toContainText(/reports-(monthly|quarterly|yearly)/);
  });

  test("the browser tab's title follows the language", async ({ page }) => {
    await signIn(page, "quantri");
    await page.goto("/documents");
    await expect(page).toHaveTitle(/Hệ thống tài liệu/);
    await page.getByRole("button", { name: /English/ }).click();
    for (const url of ["/documents", "/admin/users/new", "/corrective-actions", "/admin/jobs", "/units"]) {
      await page.goto(url);
      const title = await page.title();
      expect(title, url).toMatch(/ · ISO Xã$/);
      expect(title.replace(/ · ISO Xã$/, ""), url).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
    }
  });

  test("on a phone the history is folded away until asked for", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, "canbo.tinh");
    await ready(page, "/corrective-actions/5");
    const history = page.locator("section", { has: page.getByRole("heading", { name: "Lịch sử thay đổi" }) });
    const line = history.getByText("Trạng thái").first();
    await expect(line).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    await history.locator("summary").click();
    await expect(line).toBeVisible();
  });
});

test.describe("issue 18 item 6: 390 px phones", () => {
  test.use({ viewport: PHONE });

  test("the compliance grid scrolls inside its box; the page keeps the phone's width", async ({ page }) => {
    await signIn(page, "canbo.tinh");
    await page.goto("/compliance");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  test("corrective action cards show their whole text", async ({ page }) => {
    await signIn(page, "canbo.tinh");
    await page.goto("/corrective-actions");
    const overflow = await page.evaluate(() => [...document.querySelectorAll(".table-wrap")].map((w) => w.scrollWidth - w.clientWidth));
    expect(overflow.every((o) => o <= 1)).toBe(true);
  });
});

test.describe("issue 18 item 12: the document flow says what comes next, and shows it", () => {
  test("a saved draft can be submitted from where the message says; approved for later reads so at the top", async ({ page, browser }) => {
    const code = `QT ${uid()}/CX-E2E18`;
    await signIn(page, "thuky.laivung");
    await page.goto("/documents/new");
    await page.getByLabel("Mã hiệu").fill(code);
    await page.getByLabel("Tên tài liệu").fill("Quy trình chứng thực bản sao từ bản chính");
    await page.getByLabel("Bộ phận / người chịu trách nhiệm").fill("Công chức Tư pháp - Hộ tịch");
    await page.getByLabel("Tệp tài liệu (PDF, DOCX hoặc XLSX)").setInputFiles(pdf("e2e18"));
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu dự thảo" })).toBeVisible();
    await page.getByRole("button", { name: "Trình xem xét, phê duyệt" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã trình" })).toBeVisible();
    const docId = db.select().from(documents).where(eq(documents.code, code)).get()!.id;

    const chairContext = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const chair = await chairContext.newPage();
    await signIn(chair, "chutich.laivung");
    await chair.goto(`/documents/${docId}`);
    await chair.getByRole("link", { name: "Bản đang xử lý" }).click();
    await chair.getByLabel("Hiệu lực từ ngày").fill("01/01/2027");
    await chair.getByRole("button", { name: "Phê duyệt" }).click();
    // The approval answers with a redirect to the document and its flash: read the page only once that has landed.
    await expect(chair).toHaveURL(new RegExp(`/documents/${docId}$`));
    await expect(chair.getByRole("status").filter({ hasText: "Đã phê duyệt" })).toBeVisible();
    await chair.goto(`/documents/${docId}`);
    const status = chair.locator(".dl").first();
    await expect(status).not.toContainText("Dự thảo");
    await expect(status).toContainText("Đã phê duyệt");
    await expect(status).toContainText("01/01/2027");
    await chairContext.close();
  });

  test("the register shows the legal-update deadline before it is overdue", async ({ page }) => {
    const doc = db.select().from(documents).where(eq(documents.code, "QT 02/CX-HCTP")).get()!;
    createLegalChange(ctx("thuky.laivung"), {
      unitId: doc.unitId,
      textNumber: `Thông tư ${uid()}/2026/TT-BTP`,
      title: "Sửa đổi thủ tục đăng ký khai sinh",
      effectiveOn: "2026-11-01",
      documentIds: [doc.id],
    });
    await signIn(page, "thuky.laivung");
    await page.goto(`/documents?q=${encodeURIComponent("QT 02/CX-HCTP")}`);
    await expect(page.getByRole("row", { name: /QT 02\/CX-HCTP/ }).first()).toContainText("01/02/2027");
  });

  test("processes covering one procedure are listed apart", async ({ page }) => {
    const doc = db.select().from(documents).where(eq(documents.code, "QT 03/CX-HCTP")).get()!;
    // A second process covering the birth registration procedure (1.001193), as in the report.
    db.$client.prepare("INSERT OR IGNORE INTO document_procedures (document_id, procedure_id) VALUES (?, 1)").run(doc.id);
    await signIn(page, "thuky.laivung");
    await page.goto("/procedures?q=1.001193");
    const cell = page.getByRole("row", { name: /1\.001193/ }).first();
    await expect(cell).toContainText("QT 02/CX-HCTP");
    expect(await cell.innerText()).not.toContain("CX-HCTPQT");
  });
});

test.describe("issue 18 item 16", () => {
  test("after checking a file, the address bar is a plain address", async ({ page }) => {
    await page.goto("/reports/verify");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(pdf("khong-phai-bao-cao"));
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(page.getByRole("alert").or(page.getByRole("status")).first()).toBeVisible();
    expect(new URL(page.url()).search).not.toContain("index");
  });
});

async function figuresXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test.describe("issue 18 items 3 and 14: one-stop figures", () => {
  test("the import preview shows every column read, a status, the errors apart and each change old → new", async ({ page }) => {
    const sept = db
      .select()
      .from(serviceFigures)
      .where(and(eq(serviceFigures.unitId, db.select().from(units).where(eq(units.code, "DT-PHONGHOA")).get()!.id), eq(serviceFigures.month, "2026-09")))
      .get()!;
    const bytes = await figuresXlsx([
      ["Mã đơn vị", "Tháng", "Tiếp nhận", "Trước hạn", "Đúng hạn", "Quá hạn", "Trực tuyến", "Qua BCCI", "PAKN tiếp nhận"],
      [
        "DT-PHONGHOA",
        "09/2026",
        sept.received + 5,
        sept.resolvedEarly + 5,
        sept.resolvedOnTime,
        sept.resolvedOverdue,
        sept.receivedOnline,
        sept.returnedByPost,
        sept.feedbackReceived,
      ],
      ["DT-PHONGHOA", "13/2026", 10, 5, 5, 0, 1, 1, 0],
    ]);
    await signIn(page, "thuky.phonghoa");
    await ready(page, "/figures/import");
    await page.getByLabel("Tệp số liệu").setInputFiles({ name: "mot-cua-09-2026.xlsx", mimeType: XLSX_TYPE, buffer: bytes });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.getByRole("heading", { name: /1 dòng hợp lệ, 1 dòng lỗi/ })).toBeVisible();
    const table = page.getByRole("region", { name: "Nhập số liệu từ phần mềm một cửa" });
    const headers = await table.locator("thead th").allInnerTexts();
    expect(headers).toEqual([
      "Dòng",
      "Đơn vị",
      "Tháng",
      "Tiếp nhận",
      "Trước hạn",
      "Đúng hạn",
      "Quá hạn",
      "Trực tuyến",
      "Trả qua BCCI",
      "PAKN tiếp nhận",
      "Trạng thái",
      "Thay đổi",
      "Lỗi",
    ]);
    const good = table.locator("tbody tr").nth(0);
    await expect(good.locator('td[data-label="Trạng thái"]')).toHaveText("Thay số liệu đã có");
    await expect(good.locator('td[data-label="Thay đổi"]')).toContainText(`Tiếp nhận: ${sept.received} → ${sept.received + 5}`);
    await expect(good.locator('td[data-label="Thay đổi"]')).toContainText(`Trước hạn: ${sept.resolvedEarly} → ${sept.resolvedEarly + 5}`);
    await expect(good.locator('td[data-label="Thay đổi"]')).not.toContainText("khảo sát"); // the file has no survey columns: kept
    await expect(good.locator('td[data-label="Lỗi"]')).toHaveText("—");
    const bad = table.locator("tbody tr").nth(1);
    await expect(bad.locator('td[data-label="Trạng thái"]')).toHaveText("Có lỗi");
    await expect(bad.locator('td[data-label="Lỗi"]')).toContainText('Tháng "13/2026" không hợp lệ');
    await expect(table.locator('td[data-label="Lỗi"] .badge')).toHaveCount(0); // no "Hợp lệ" badge among the errors
    await expectAccessible(page);
  });

  test("the successor commune's officer reads the former district's 2020 figures, labelled and read only", async ({ page }) => {
    await signIn(page, "thuky.laivung");
    await ready(page, "/figures?year=2020");
    await expect(page.getByRole("heading", { name: "Số liệu của Huyện Lai Vung (đến 30/06/2025)" })).toBeVisible();
    const former = page.locator("section.former-figures");
    await expect(former.locator("tfoot")).toContainText("7.174");
    await expect(former.locator("tfoot")).toContainText("25,9 %");
    await expect(page.getByText("Chưa có số liệu cho kỳ này")).toHaveCount(0);
    await expect(former.getByRole("link")).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("issue 18 item 13: the procedure catalogue", () => {
  test("the catalogue preview shows what an update changes and which columns keep their stored values", async ({ page }) => {
    const proc = db.select().from(procedures).where(eq(procedures.code, "1.001758")).get()!;
    await signIn(page, "thuky.laivung");
    await ready(page, "/procedures/import");
    await page.getByLabel("Tệp danh mục (CSV hoặc XLSX)").setInputFiles({
      name: "danh-muc.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Mã TTHC,Tên thủ tục,Lĩnh vực\n1.001758,${proc.name} (sửa đổi),${proc.field}\n`),
    });
    await page.getByRole("button", { name: "Xem trước" }).click();
    const row = page.getByRole("row", { name: /1\.001758/ });
    await expect(row).toContainText("Cập nhật");
    await expect(row.locator('td[data-label="Thay đổi"]')).toHaveText(`Tên thủ tục: ${proc.name} → ${proc.name} (sửa đổi)`);
    await expect(page.getByText("Tệp không có cột: Thời hạn giải quyết, Dịch vụ công trực tuyến.")).toBeVisible();
  });

  test("a missing required column is refused by name", async ({ page }) => {
    await signIn(page, "thuky.laivung");
    await ready(page, "/procedures/import");
    await page
      .getByLabel("Tệp danh mục (CSV hoặc XLSX)")
      .setInputFiles({ name: "thieu-cot.csv", mimeType: "text/csv", buffer: Buffer.from("Mã TTHC,Tên thủ tục\n1.001758,Thủ tục\n") });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.getByText("Tệp thiếu cột bắt buộc “Lĩnh vực”.")).toBeVisible();
  });

  test("“Soạn tài liệu mới” from an uncovered procedure ticks it; on a phone the long list filters without accents", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, "thuky.laivung");
    await ready(page, "/procedures?coverage=uncovered");
    const row = page.getByRole("row").filter({ hasText: "Chưa có quy trình" }).first();
    const code = (await row.locator("td").first().innerText()).trim();
    await row.getByRole("link", { name: "Soạn tài liệu mới" }).click();
    await expect(page).toHaveURL(/\/documents\/new\?unit=\d+&procedure=\d+/);
    await page.waitForLoadState("networkidle");
    const box = page.getByRole("group", { name: "Thủ tục hành chính được quy trình này bao quát" });
    await expect(box.getByRole("checkbox", { name: new RegExp(code.replace(/\./g, "\\.")) })).toBeChecked();
    await expect(box.getByRole("checkbox", { checked: true })).toHaveCount(1);

    const filter = box.getByLabel(/Lọc thủ tục/);
    await filter.fill("tro giup xa hoi khan cap");
    await expect(box.getByRole("checkbox")).toHaveCount(1);
    await expect(box.getByRole("checkbox")).toHaveAccessibleName(/Thủ tục trợ giúp xã hội khẩn cấp/);
    await expect(box.getByText(/Đang hiện 1\//)).toBeVisible();
    await filter.press("Enter"); // the filter never sends the form
    await expect(page).toHaveURL(/\/documents\/new/);
    await expect(page.locator(".field-errors")).toHaveCount(0);
    await filter.fill("");
    await expect(box.getByRole("checkbox", { checked: true })).toHaveCount(1); // still ticked, still sent
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });
});

test.describe("issue 18 item 8: facts on screen", () => {
  test("a commune without documents in force does not pass the documents obligation", async ({ page }) => {
    const phongHoa = db.select().from(units).where(eq(units.code, "DT-PHONGHOA")).get()!;
    test.skip(
      db
        .select()
        .from(documents)
        .where(and(eq(documents.unitId, phongHoa.id), eq(documents.status, "effective")))
        .all().length > 0,
      "another journey gave Phong Hòa a document in force",
    );
    await signIn(page, "thuky.phonghoa");
    await ready(page, `/compliance/${phongHoa.id}`);
    const row = page.getByRole("row").filter({ hasText: "Tài liệu được xem xét định kỳ" });
    await expect(row).toContainText("Chưa đạt");
    await expect(row).toContainText("Chưa có tài liệu nào đang hiệu lực");
  });

  test("a manual objective reads in its own unit, not in %", async ({ page }) => {
    const title = `Tổ chức tập huấn ISO cho công chức ${uid()}`;
    await signIn(page, "thuky.laivung");
    await ready(page, "/objectives?year=2026");
    const form = page.locator("#objective-form");
    await form.getByLabel("Nội dung mục tiêu").fill(title);
    await form.getByLabel("Cách đo").selectOption({ label: "Đo thủ công (nhập kết quả)" });
    await form.getByLabel("Chỉ tiêu").fill("2");
    await form.getByLabel("Kết quả (nhập tay)").fill("3");
    await form.getByLabel(/Đơn vị tính/).fill("buổi");
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Đã lưu/ })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row.locator('td[data-label="Chỉ tiêu"]')).toHaveText("≥ 2 buổi");
    await expect(row.locator('td[data-label="Kết quả"]')).toHaveText("3 buổi");
    await expect(row).not.toContainText("%");
  });
});
