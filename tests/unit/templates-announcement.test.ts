import { describe, expect, it } from "vitest";
import { renderReport } from "#templates/render";
import { sampleAnnouncement } from "#templates/samples";
import { pdfText } from "./templates-pdftext";

describe("announcement of conformity (Phụ lục I, QĐ 19/2014/QĐ-TTg)", () => {
  it("carries the Decree-30 heading, its number, the grounds, the statement with its scope and the head's signature", async () => {
    const { bytes } = await renderReport(sampleAnnouncement());
    const text = pdfText(bytes);
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG");
    expect(text).toContain("Số: 01/TB-UBND");
    expect(text).toContain("Lai Vung, ngày 05 tháng 11 năm 2026");
    expect(text).toContain("CÔNG BỐ Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015");
    expect(text).toContain("Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng Chính phủ");
    expect(text).toContain("Căn cứ kết quả đánh giá nội bộ ngày 16/06/2026 và xem xét của lãnh đạo ngày 10/07/2026;");
    expect(text).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG CÔNG BỐ:");
    expect(text).toContain(
      "Hệ thống quản lý chất lượng của Ủy ban nhân dân xã Lai Vung phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015 đối với 3 thủ tục hành chính",
    );
    expect(text).toContain("2 Hộ tịch 1.001193 Thủ tục đăng ký khai sinh");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH");
    expect(text).toContain("Nguyễn Hữu Phước");
    expect(text).toContain("Mã xác thực: 7KQ2M-X9DHT");
    expect(text).not.toContain("thay thế Công bố số");
  });

  it("a re-announcement names the announcement it replaces, and says so when the scope changed", async () => {
    const changed = pdfText((await renderReport(sampleAnnouncement({ replaces: { number: "125/QĐ-UBND", day: "2025-09-15", scopeChanged: true } }))).bytes);
    expect(changed).toContain(
      "Công bố này được thực hiện lại do thay đổi phạm vi áp dụng của hệ thống quản lý chất lượng và thay thế Công bố số 125/QĐ-UBND ngày 15/09/2025.",
    );
    const same = pdfText((await renderReport(sampleAnnouncement({ replaces: { number: "01/TB-UBND", day: "2026-01-15", scopeChanged: false } }))).bytes);
    expect(same).toContain("Công bố này thay thế Công bố số 01/TB-UBND ngày 15/01/2026.");
    expect(same).not.toContain("thay đổi phạm vi");
  });
});
