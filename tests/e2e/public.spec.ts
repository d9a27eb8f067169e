import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("public page of a unit (issue 20)", () => {
  test("the secretary publishes two processes, the chair issues the announcement, an anonymous visitor on a phone sees and verifies it", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    // Before: an anonymous reader gets the same bytes twice (the rendered page is kept), without the files to come.
    const early = await browser.newContext();
    const before = await early.request.get("/cong-khai/DT-LAIVUNG");
    const beforeHtml = await before.text();
    expect(await (await early.request.get("/cong-khai/DT-LAIVUNG")).text()).toBe(beforeHtml);
    expect(beforeHtml).toContain("Xã Lai Vung");
    expect(beforeHtml).not.toContain("Tải về: QT 02/CX-HCTP");
    await early.close();
    // The ISO secretary marks the files of two processes public, from each document's page.
    const secretary = await browser.newContext();
    const s = await secretary.newPage();
    await signIn(s, "thuky.laivung");
    const ids: Record<string, string> = {};
    for (const code of ["QT 02/CX-HCTP", "QT 03/CX-HCTP", "QT 05/CX-HCTP"]) {
      await s.goto("/documents");
      const link = s.getByRole("link", { name: code, exact: true });
      ids[code] = (await link.getAttribute("href"))!.split("/").pop()!;
      if (code === "QT 05/CX-HCTP") continue; // stays private
      await link.click();
      await expect(s.getByRole("heading", { name: "Công khai tệp" })).toBeVisible();
      await expect(s.getByText("Tệp không công khai.", { exact: false })).toBeVisible();
      await s.getByRole("button", { name: "Công khai tệp" }).click();
      await expect(s.getByText("Đã công khai tệp của tài liệu trên trang công khai.")).toBeVisible();
      await expect(s.getByRole("button", { name: "Thôi công khai tệp" })).toBeVisible();
    }
    // The secretary sees the draft but cannot issue it.
    await s.goto("/qms");
    await s.getByRole("link", { name: "Xã Lai Vung" }).first().click();
    await s.getByRole("link", { name: "Dự thảo công bố (Phụ lục I)" }).click();
    await expect(s.getByRole("heading", { name: "Dự thảo công bố hệ thống quản lý chất lượng" })).toBeVisible();
    await expect(s.getByText("Chỉ người đứng đầu (lãnh đạo) của chính đơn vị ban hành công bố.")).toBeVisible();
    await expect(s.getByRole("button", { name: "Ký và ban hành" })).toHaveCount(0);
    await secretary.close();

    // The chair issues the announcement drawn from the commune's data.
    const chairCtx = await browser.newContext();
    const c = await chairCtx.newPage();
    await signIn(c, "chutich.laivung");
    await c.goto("/qms");
    await c.getByRole("link", { name: "Xã Lai Vung" }).first().click();
    await c.getByRole("link", { name: "Dự thảo công bố (Phụ lục I)" }).click();
    await expect(c.getByText("01/TB-UBND")).toBeVisible();
    await expect(c.getByText("7 thủ tục hành chính", { exact: false })).toBeVisible();
    await expectAccessible(c);
    // A wrong password: refused beside the field, nothing issued.
    await c.getByLabel("Mật khẩu của bạn").fill("sai-mat-khau");
    await c.getByRole("button", { name: "Ký và ban hành" }).click();
    await expect(c.getByText("Mật khẩu không đúng", { exact: false }).first()).toBeVisible();
    await c.getByLabel("Mật khẩu của bạn").fill(DEMO_PASSWORD);
    await c.getByRole("button", { name: "Ký và ban hành" }).click();
    await expect(c).toHaveURL(/\/reports\/\d+$/);
    await expect(c.getByText("Đã ban hành công bố.", { exact: false })).toBeVisible();
    // On a fresh server the scheduler's catch-up run shares the render worker: give it time on a loaded machine.
    await expect(c.getByRole("link", { name: "Tải PDF" })).toBeVisible({ timeout: 120_000 });
    await chairCtx.close();

    // An anonymous visitor on a 390 px phone opens the commune's public page.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const p = await phone.newPage();
    const res = await p.goto("/cong-khai/DT-LAIVUNG");
    expect(res?.status()).toBe(200);
    expect(res?.headers()["cache-control"]).toBe("public, max-age=300");
    await expect(p.getByRole("heading", { level: 1, name: "Xã Lai Vung" })).toBeVisible();
    await expect(p.getByText("Đã công bố lại")).toBeVisible();
    await expect(p.getByText("Số 01/TB-UBND ngày 25/11/2026")).toBeVisible();
    const processes = p.getByRole("region", { name: "Quy trình đang áp dụng" });
    await expect(processes.getByRole("link", { name: /^Tải về/ })).toHaveCount(2);
    await expect(processes.getByRole("link", { name: "Tải về: QT 02/CX-HCTP Quy trình đăng ký khai sinh" })).toBeVisible();
    await expect(processes.getByRole("link", { name: "Tải về: QT 03/CX-HCTP Quy trình đăng ký kết hôn" })).toBeVisible();
    await expect(processes.getByRole("listitem").filter({ hasText: "QT 05/CX-HCTP" })).toContainText("Không công khai");
    // No horizontal scrolling on the phone.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(p);
    // The draft (QT 04, in review), the private file, people and findings are absent from the page.
    const html = await p.content();
    for (const absent of ["QT 04/CX-HCTP", `/tai-lieu/${ids["QT 05/CX-HCTP"]}`, "Nguyễn Hữu Phước", "Trần Thị Ngọc Ánh", "Chưa cập nhật 4 quy trình"])
      expect(html, absent).not.toContain(absent);
    expect((await p.request.get(`/cong-khai/DT-LAIVUNG/tai-lieu/${ids["QT 05/CX-HCTP"]}`)).status()).toBe(404);
    expect((await p.request.get(`/cong-khai/DT-LAIVUNG/tai-lieu/${ids["QT 02/CX-HCTP"]}`)).status()).toBe(200);

    // The visitor downloads the announcement and verifies the file they hold.
    const pdfHref = (await p.getByRole("link", { name: "Tải bản công bố (PDF)" }).getAttribute("href"))!;
    const pdf = await p.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cong-bo-")), "cong-bo.pdf");
    fs.writeFileSync(file, bytes);
    const sha = createHash("sha256").update(bytes).digest("hex");
    await expect(p.locator("code.hash")).toHaveText(sha);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Số: 01/TB-UBND");
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG CÔNG BỐ:");
    expect(text).toContain("Tiêu chuẩn quốc gia TCVN ISO 9001:2015");
    await p.getByRole("link", { name: "Kiểm tra tính xác thực" }).click();
    await expect(p).toHaveURL(/\/reports\/verify\/[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(p.getByText("Mã xác thực hợp lệ.", { exact: false })).toBeVisible();
    await expect(p.getByText(sha)).toBeVisible();
    await expectAccessible(p);
    await p.goto("/reports/verify");
    await p.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(file);
    await p.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(p.getByText("Tệp này đúng là báo cáo do hệ thống phát hành.")).toBeVisible();

    // The JSON lists the same; the draft and the private file are absent; unchanged, it answers 304.
    const json = await p.request.get("/cong-khai/DT-LAIVUNG/du-lieu.json");
    expect(json.status()).toBe(200);
    const body = await json.text();
    const data = JSON.parse(body) as { announcement: { number: string; pdf: { sha256: string } }; processes: { code: string; fileUrl: string | null }[] };
    expect(data.announcement.number).toBe("01/TB-UBND");
    expect(data.announcement.pdf.sha256).toBe(sha);
    expect(data.processes.filter((x) => x.fileUrl).map((x) => x.code)).toEqual(["QT 02/CX-HCTP", "QT 03/CX-HCTP"]);
    for (const absent of ["QT 04/CX-HCTP", `/tai-lieu/${ids["QT 05/CX-HCTP"]}`, "Nguyễn Hữu Phước", "Trần Thị Ngọc Ánh"])
      expect(body, absent).not.toContain(absent);
    const etag = json.headers()["etag"]!;
    expect((await p.request.get("/cong-khai/DT-LAIVUNG/du-lieu.json", { headers: { "If-None-Match": etag } })).status()).toBe(304);

    // English, then the embed card and the province's index.
    await p.goto("/cong-khai/DT-LAIVUNG");
    await p.getByRole("button", { name: /English/ }).click();
    await expect(p.getByRole("heading", { name: "Announcement of the quality management system" })).toBeVisible();
    await expectAccessible(p);
    await p.getByRole("button", { name: /Tiếng Việt/ }).click();
    await expect(p.getByRole("heading", { name: "Công bố hệ thống quản lý chất lượng" })).toBeVisible();
    const embed = await p.goto("/cong-khai/DT-LAIVUNG/nhung");
    expect(embed?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed?.headers()["x-frame-options"]).toBeUndefined();
    await expect(p.getByText("Số 01/TB-UBND ngày 25/11/2026")).toBeVisible();
    await expectAccessible(p);
    await p.goto("/cong-khai");
    await p.getByLabel("Tỉnh, thành phố", { exact: true }).selectOption({ label: "Tỉnh Đồng Tháp" });
    await p.getByRole("button", { name: "Xem" }).click();
    await expect(p.getByRole("row", { name: /Xã Lai Vung/ })).toContainText("01/TB-UBND");
    await expect(p.getByRole("row", { name: /Xã Hòa Long/ })).toContainText("Chưa công bố");
    await expectAccessible(p);
    await phone.close();
  });
});
