import { describe, expect, it } from "vitest";
import { renderReport } from "#templates/render";
import {
  allVietnameseLetters,
  SAMPLE_SENTENCE,
  sampleAnnualReport,
  sampleAreaSummary,
  sampleAuditReport,
  sampleCorrectiveActionForm,
  sampleInspectionMinutes,
  sampleMeta,
  sampleSections,
  sampleUnitReport,
} from "#templates/samples";
import { norm, pdfInfo, pdfText } from "./templates-pdftext";

describe("PDF templates (checked by the text poppler extracts)", () => {
  it("every Vietnamese letter with every tone survives embedding and extraction exactly", async () => {
    const letters = allVietnameseLetters();
    const data = sampleUnitReport({ meta: sampleMeta({ subtitle: letters }) });
    const { bytes } = await renderReport(data);
    const text = pdfText(bytes);
    expect(letters.length).toBeGreaterThan(150);
    expect(text).toContain(norm(letters));
  });

  it("a unit report follows Decree 30: body, motto, number, place and date, title, recipients, signature", async () => {
    const { bytes, pages } = await renderReport(sampleUnitReport());
    const text = pdfText(bytes);
    const first = pdfText(bytes, 1);
    expect(first).toContain("ỦY BAN NHÂN DÂN XÃ LAI VUNG");
    expect(first).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc");
    expect(first).toMatch(/Số: .*\/BC-UBND/);
    expect(first).toContain("Lai Vung, ngày 05 tháng 11 năm 2026");
    expect(first).toContain("BÁO CÁO Tình hình duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tháng 10 năm 2026");
    expect(text).toContain("Nơi nhận: - Sở Khoa học và Công nghệ;");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH");
    expect(text).toContain("Nguyễn Hữu Phước");
    // Footer on every page: verification code and page x/n.
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) expect(pdfText(bytes, p)).toContain(`Mã xác thực: 7KQ2M-X9DHT · Trang ${p}/${pages}`);
    // Page numbers at the top from page 2.
    expect(pdfText(bytes, 2).startsWith("2 ")).toBe(true);
  });

  it("sections without a provider say 'Chưa có dữ liệu' and print no figure; findings print the data's numbers", async () => {
    const { bytes } = await renderReport(sampleUnitReport());
    const text = pdfText(bytes);
    expect(text.match(/Chưa có dữ liệu/g)?.length).toBe(6);
    expect(text).toContain("Trong kỳ phát sinh 7 phát hiện, đã đóng 3; đến cuối kỳ còn 6 phát hiện chưa đóng, trong đó 2 phát hiện quá hạn khắc phục.");
    expect(text).toContain("Không phù hợp nặng 1 0 1");
    expect(text).toContain("Tổng cộng 7 3 6");
    expect(text).toContain("Hồ sơ TTHC lĩnh vực hộ tịch trả quá hạn 3 ngày, chưa có văn bản xin lỗi.");
  });

  it("with every section available, each is drawn from its data", async () => {
    const data = sampleUnitReport({
      sections: sampleSections({
        obligations: { status: "ok", data: { lines: [{ label: "Đánh giá nội bộ trong 12 tháng", state: "met", evidence: "Báo cáo ĐGNB ngày 16/9/2026" }] } },
        documents: {
          status: "ok",
          data: {
            total: 42,
            effective: 40,
            overdueReview: 1,
            overdueUpdate: 1,
            attention: [{ code: "QT 02/CX-HCTP", title: "Quy trình chứng thực", reason: "Quá hạn cập nhật" }],
          },
        },
        cycle: {
          status: "ok",
          data: {
            audits: [{ date: "2026-10-16", title: "ĐGNB năm 2026", result: "2 điểm KPH nhẹ" }],
            inspections: [],
            managementReviews: [],
            effectivenessConfirmedOn: "2026-10-20",
          },
        },
        correctiveActions: { status: "ok", data: { open: 3, overdue: 1, closed: 8, closedOnTime: 7, closedOnTimePct: 87.5 } },
        acknowledgements: { status: "ok", data: { acknowledged: 5, voided: 0, pending: 2, list: [] } },
        objectives: { status: "ok", data: { rows: [{ objective: "Hồ sơ giải quyết đúng hạn", target: "100%", actual: "99,2%", met: false }] } },
      }),
    });
    const text = pdfText((await renderReport(data)).bytes);
    expect(text).not.toContain("Chưa có dữ liệu");
    expect(text).toContain("Tổng số tài liệu, quy trình đang quản lý: 42; đang có hiệu lực: 40.");
    expect(text).toContain("3 1 8 7 87,5%");
    expect(text).toContain("Người đứng đầu đã xác nhận hiệu lực của hệ thống quản lý chất lượng ngày 20/10/2026.");
    expect(text).toContain("Hồ sơ giải quyết đúng hạn");
    expect(text).toContain("100% 99,2% Không đạt");
  });

  it("a long table breaks across pages and repeats its header row on each", async () => {
    const { bytes, pages } = await renderReport(sampleAreaSummary(60));
    expect(pages).toBeGreaterThanOrEqual(3);
    // pdftotext reads a wrapped header cell by cell line; the first line of the header row is enough to spot it.
    const header = "STT Đơn vị Phát hiện mới Còn mở cuối kỳ";
    expect(pdfText(bytes, 1)).toContain(header);
    expect(pdfText(bytes, 2)).toContain(header);
    expect(pdfText(bytes, 3)).toContain(header);
    const text = pdfText(bytes);
    expect(text).toContain("Xã Thử Nghiệm 60");
    // Totals: raised 1..60 = 1830; open 2..61 = 1890.
    expect(text).toContain("Tổng cộng (60 đơn vị)");
    expect(text).toContain("1.830 1.890 60"); // the totals row (bold cells come out before the label)
    expect(text).toContain("Biểu đồ 1: phát hiện còn mở cuối kỳ theo đơn vị");
    expect(text).toContain("không phải số 0");
  });

  it("charts are vector drawing (no embedded images), fonts are embedded, creation date is the caller's", async () => {
    const { bytes } = await renderReport(sampleAreaSummary(4));
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
    expect(raw).toMatch(/\/FontFile2/);
    const info = pdfInfo(bytes);
    expect(info.CreationDate).toMatch(/^2026-11-05T01:00:00/);
    expect(info.Title).toContain("Báo cáo tổng hợp");
  });

  it("renders the other kinds from in-memory data: annual, audit report, action form, minutes", async () => {
    const annual = pdfText((await renderReport(sampleAnnualReport())).bytes);
    expect(annual).toContain("Tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng năm 2026");
    expect(annual).toContain("TÌNH HÌNH TẠI CÁC ĐƠN VỊ TRỰC THUỘC (4 ĐƠN VỊ)");

    const audit = pdfText((await renderReport(sampleAuditReport())).bytes);
    expect(audit).toContain("BÁO CÁO ĐÁNH GIÁ NỘI BỘ");
    expect(audit).toMatch(/Số: .*\/BC-ĐGNB/);
    expect(audit).toContain("7.5.3 Kiểm soát thông tin dạng văn bản");
    expect(audit).toContain("Thời gian: từ 14/09/2026 đến 16/09/2026");

    const form = pdfText((await renderReport(sampleCorrectiveActionForm())).bytes);
    expect(form).toContain("PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC");
    expect(form).toContain("3. Nguyên nhân gốc rễ Chưa phổ biến kịp thời phiên bản mới của biểu mẫu.");
    expect(form).toContain("Đã xem xét, đồng ý: Nguyễn Hữu Phước, ngày 18/09/2026.");
    expect(form).toContain("hành động khắc phục có hiệu lực");

    const minutes = pdfText((await renderReport(sampleInspectionMinutes())).bytes);
    expect(minutes).toContain("BIÊN BẢN KIỂM TRA");
    expect(minutes).toMatch(/Số: .*\/BB-KT/);
    expect(minutes).toContain("trước ngày 12/12/2026 (trong vòng 02 tháng kể từ ngày ký biên bản)");
    expect(minutes).toContain("ĐẠI DIỆN ĐƠN VỊ CHỦ TỊCH");
    expect(minutes).toContain("ĐOÀN KIỂM TRA TRƯỞNG ĐOÀN");
  });

  it("a body paragraph comes back word for word", async () => {
    const data = sampleUnitReport({ meta: sampleMeta({ subtitle: SAMPLE_SENTENCE }) });
    expect(pdfText((await renderReport(data)).bytes)).toContain(norm(SAMPLE_SENTENCE));
  });

  it("Decree 30 dates: leading zero for days below 10 and for January and February", async () => {
    const text = pdfText((await renderReport(sampleUnitReport({ meta: sampleMeta({ issuedOn: "2027-02-01" }) }))).bytes, 1);
    expect(text).toContain("Lai Vung, ngày 01 tháng 02 năm 2027");
    const text2 = pdfText((await renderReport(sampleUnitReport({ meta: sampleMeta({ issuedOn: "2026-12-25" }) }))).bytes, 1);
    expect(text2).toContain("Lai Vung, ngày 25 tháng 12 năm 2026");
  });
});
