/**
 * In-memory sample data for every kind: used by the template tests and to preview the kinds whose records live
 * in other modules (audits, corrective actions, inspections). Figures here are samples, never shown as a unit's.
 */
import type {
  AnnouncementData,
  AreaSummaryRow,
  AuditReportData,
  CorrectiveActionFormData,
  DocMeta,
  FindingsData,
  InspectionMinutesData,
  UnitReportData,
  UnitSections,
  AreaSummaryData,
  AnnualReportData,
} from "./types";

/** Every Vietnamese vowel with every tone, both cases, and đ/Đ: a line that exercises every diacritic. */
export function allVietnameseLetters(): string {
  const tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
  const vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
  const lower = vowels.map((v) => tones.map((t) => (v + t).normalize("NFC")).join("")).join(" ");
  return `${lower} ${lower.toLocaleUpperCase("vi-VN")} đ Đ`;
}

export const SAMPLE_SENTENCE =
  "Ủy ban nhân dân xã Lai Vung tiếp nhận 7.174 hồ sơ thủ tục hành chính; trả kết quả qua dịch vụ bưu chính công ích 1.858 hồ sơ, đạt 25,9%.";

export function sampleMeta(over: Partial<DocMeta> = {}): DocMeta {
  return {
    issuingBody: ["Ủy ban nhân dân", "xã Lai Vung"],
    number: null,
    numberSuffix: "BC-UBND",
    place: "Lai Vung",
    issuedOn: "2026-11-05",
    title: "Báo cáo",
    subtitle: "Tình hình duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tháng 10 năm 2026",
    recipients: ["Sở Khoa học và Công nghệ;", "Chủ tịch, các Phó Chủ tịch UBND xã;", "Lưu: VT."],
    signature: { capacity: "TM. Ủy ban nhân dân", title: "Chủ tịch", name: "Nguyễn Hữu Phước" },
    verification: { code: "7KQ2M-X9DHT", url: "http://localhost:3000/reports/verify/7KQ2M-X9DHT" },
    createdAt: new Date("2026-11-05T01:00:00Z"),
    author: "ISO Xã",
    ...over,
  };
}

export function sampleFindings(over: Partial<FindingsData> = {}): FindingsData {
  return {
    byGrade: [
      { gradeCode: "major", gradeName: "Không phù hợp nặng", raised: 1, closed: 0, openAtEnd: 1 },
      { gradeCode: "minor", gradeName: "Không phù hợp nhẹ", raised: 3, closed: 1, openAtEnd: 4 },
      { gradeCode: "observation", gradeName: "Điểm lưu ý", raised: 2, closed: 2, openAtEnd: 0 },
      { gradeCode: "ofi", gradeName: "Cơ hội cải tiến", raised: 1, closed: 0, openAtEnd: 1 },
    ],
    raised: 7,
    closed: 3,
    openAtEnd: 6,
    overdueAtEnd: 2,
    list: [
      {
        foundOn: "2026-10-08",
        grade: "Không phù hợp nặng",
        clause: "8.5",
        description: "Hồ sơ TTHC lĩnh vực hộ tịch trả quá hạn 3 ngày, chưa có văn bản xin lỗi.",
        status: "Đang mở",
      },
      {
        foundOn: "2026-10-15",
        grade: "Không phù hợp nhẹ",
        clause: "7.5.3",
        description: "Quy trình QT 02/CX-HCTP chưa cập nhật theo văn bản pháp luật mới.",
        status: "Đang mở",
      },
    ],
    ...over,
  };
}

export function sampleSections(over: Partial<UnitSections> = {}): UnitSections {
  return {
    obligations: { status: "missing" },
    documents: { status: "missing" },
    cycle: { status: "missing" },
    findings: { status: "ok", data: sampleFindings() },
    correctiveActions: { status: "missing" },
    acknowledgements: { status: "missing" },
    objectives: { status: "missing" },
    ...over,
  };
}

export function sampleUnitReport(over: Partial<UnitReportData> = {}): UnitReportData {
  return {
    kind: "unit",
    meta: sampleMeta(),
    unit: { code: "DT-LAIVUNG", name: "Xã Lai Vung" },
    period: { key: "2026-10", label: "tháng 10 năm 2026", start: "2026-10-01", end: "2026-10-31" },
    sections: sampleSections(),
    ...over,
  };
}

export function sampleAreaRows(n: number): AreaSummaryRow[] {
  const names = ["Xã Lai Vung", "Xã Hòa Long", "Xã Phong Hòa", "Xã Tân Dương"];
  return Array.from({ length: n }, (_, i) => ({
    unit: { code: `U${i + 1}`, name: names[i] ?? `Xã Thử Nghiệm ${i + 1}` },
    sections: {
      findings: { status: "ok", data: sampleFindings({ raised: i + 1, openAtEnd: i + 2, overdueAtEnd: i % 3, closed: 1 }) },
      documents: { status: "missing" },
      correctiveActions: { status: "missing" },
      cycle: { status: "missing" },
    },
  }));
}

export function sampleAreaSummary(rows = 4): AreaSummaryData {
  return {
    kind: "area",
    meta: sampleMeta({
      issuingBody: ["Ủy ban nhân dân", "tỉnh Đồng Tháp"],
      place: "Đồng Tháp",
      title: "Báo cáo tổng hợp",
      subtitle: "Tình hình áp dụng hệ thống quản lý chất lượng tháng 10 năm 2026",
    }),
    area: { code: "DT", name: "Tỉnh Đồng Tháp" },
    period: { key: "2026-10", label: "tháng 10 năm 2026", start: "2026-10-01", end: "2026-10-31" },
    rows: sampleAreaRows(rows),
  };
}

export function sampleAnnualReport(): AnnualReportData {
  return {
    kind: "annual",
    meta: sampleMeta({ subtitle: "Tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng năm 2026" }),
    unit: { code: "DT", name: "Tỉnh Đồng Tháp" },
    period: { key: "2026", label: "năm 2026", start: "2026-01-01", end: "2026-12-31" },
    sections: sampleSections(),
    rows: sampleAreaRows(4),
  };
}

export function sampleAuditReport(): AuditReportData {
  return {
    kind: "audit",
    meta: sampleMeta({ numberSuffix: "BC-ĐGNB", title: "Báo cáo đánh giá nội bộ", subtitle: "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm 2026" }),
    unit: { code: "DT-LAIVUNG", name: "Xã Lai Vung" },
    audit: {
      code: "ĐGNB-2026-01",
      title: "Đánh giá nội bộ năm 2026",
      scope: "Toàn bộ các quy trình giải quyết thủ tục hành chính tại Bộ phận Một cửa",
      criteria: "TCVN ISO 9001:2015; các quy trình nội bộ; quy định pháp luật liên quan",
      startedOn: "2026-09-14",
      endedOn: "2026-09-16",
      leadAuditor: "Trần Thị Ngọc Ánh",
      team: ["Huỳnh Thanh Tâm", "Lê Văn Hùng"],
      auditees: ["Bộ phận Một cửa", "Công chức Tư pháp – Hộ tịch", "Công chức Địa chính – Xây dựng"],
    },
    summary: "Hệ thống quản lý chất lượng được duy trì phù hợp; còn một số điểm cần khắc phục về kiểm soát thông tin dạng văn bản.",
    findings: [
      {
        no: 1,
        clause: "7.5.3",
        clauseTitle: "Kiểm soát thông tin dạng văn bản",
        grade: "Không phù hợp nhẹ",
        description: "Biểu mẫu BM 01 đang dùng phiên bản cũ.",
        evidence: "Hồ sơ số 125/HT ngày 02/9/2026.",
      },
      {
        no: 2,
        clause: "9.1",
        clauseTitle: "Theo dõi, đo lường, phân tích và đánh giá",
        grade: "Điểm lưu ý",
        description: "Chưa phân tích mức độ hài lòng quý II.",
        evidence: "Sổ theo dõi khảo sát.",
      },
    ],
    conclusion: "Hệ thống quản lý chất lượng của Ủy ban nhân dân xã được duy trì và có hiệu lực.",
  };
}

export function sampleCorrectiveActionForm(): CorrectiveActionFormData {
  return {
    kind: "action",
    meta: sampleMeta({
      numberSuffix: "PYC-HĐKP",
      title: "Phiếu yêu cầu hành động khắc phục",
      subtitle: undefined,
      signature: { title: "Lãnh đạo phê duyệt", name: "Nguyễn Hữu Phước" },
    }),
    unit: { code: "DT-LAIVUNG", name: "Xã Lai Vung" },
    form: {
      number: "03",
      source: "Đánh giá nội bộ",
      foundOn: "2026-09-15",
      clause: "7.5.3 Kiểm soát thông tin dạng văn bản",
      grade: "Không phù hợp nhẹ",
      finding: "Biểu mẫu BM 01 đang dùng phiên bản cũ.",
      evidence: "Hồ sơ số 125/HT ngày 02/9/2026.",
      requestedBy: "Trần Thị Ngọc Ánh",
      requestedOn: "2026-09-17",
      dueOn: "2026-10-17",
      responsible: "Công chức Tư pháp – Hộ tịch",
      correction: "Thu hồi biểu mẫu cũ tại Bộ phận Một cửa.",
      rootCause: "Chưa phổ biến kịp thời phiên bản mới của biểu mẫu.",
      correctiveAction: "Cập nhật danh mục tài liệu; phổ biến phiên bản mới cho công chức liên quan.",
      acknowledgement: { by: "Nguyễn Hữu Phước", on: "2026-09-18" },
      verification: { by: "Trần Thị Ngọc Ánh", on: "2026-10-20", effective: true, note: "Đã kiểm tra 10 hồ sơ ngẫu nhiên." },
    },
  };
}

export function sampleInspectionMinutes(): InspectionMinutesData {
  return {
    kind: "minutes",
    meta: sampleMeta({
      issuingBody: ["Ủy ban nhân dân tỉnh Đồng Tháp", "Sở Khoa học và Công nghệ"],
      superiorLines: 1,
      numberSuffix: "BB-KT",
      title: "Biên bản kiểm tra",
      subtitle: "Việc áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
      place: "Lai Vung",
    }),
    unit: { code: "DT-LAIVUNG", name: "Ủy ban nhân dân xã Lai Vung" },
    minutes: {
      decision: "Quyết định số 45/QĐ-SKHCN ngày 01/10/2026 của Giám đốc Sở Khoa học và Công nghệ",
      heldOn: "2026-10-12",
      place: "trụ sở Ủy ban nhân dân xã Lai Vung",
      inspectors: [
        { name: "Lê Thị Minh Thư", title: "Chuyên viên Chi cục TCĐLCL, Trưởng đoàn" },
        { name: "Phạm Quốc Huy", title: "Chuyên viên Sở KH&CN, thành viên" },
      ],
      unitRepresentatives: [
        { name: "Nguyễn Hữu Phước", title: "Chủ tịch UBND xã" },
        { name: "Trần Thị Ngọc Ánh", title: "Thư ký ISO" },
      ],
      checks: [
        { item: "Phạm vi áp dụng bao quát toàn bộ thủ tục hành chính", result: "Đạt" },
        { item: "Đào tạo, phổ biến cho công chức", result: "Đạt" },
        { item: "Đánh giá nội bộ, xem xét của lãnh đạo", result: "Đã thực hiện ngày 16/9/2026" },
        { item: "Công bố và niêm yết hệ thống quản lý chất lượng", result: "Đã công bố, niêm yết tại trụ sở" },
      ],
      findings: [{ no: 1, clause: "7.5.3", grade: "Không phù hợp nhẹ", description: "Quy trình QT 02/CX-HCTP chưa cập nhật theo Nghị định mới." }],
      conclusion: "Ủy ban nhân dân xã đã áp dụng, duy trì hệ thống quản lý chất lượng phù hợp; cần khắc phục 01 điểm không phù hợp.",
      requests: ["Cập nhật quy trình QT 02/CX-HCTP trong thời hạn 03 tháng kể từ ngày văn bản pháp luật có hiệu lực."],
      correctiveReportDueOn: "2026-12-12",
    },
    signatures: {
      inspectorSide: { capacity: "Đoàn kiểm tra", title: "Trưởng đoàn", name: "Lê Thị Minh Thư" },
      unitSide: { capacity: "Đại diện đơn vị", title: "Chủ tịch", name: "Nguyễn Hữu Phước" },
    },
  };
}

export function sampleAnnouncement(over: Partial<AnnouncementData["announcement"]> = {}): AnnouncementData {
  return {
    kind: "announcement",
    meta: sampleMeta({
      number: "01",
      numberSuffix: "TB-UBND",
      title: "Công bố",
      subtitle: "Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
      recipients: ["Sở Khoa học và Công nghệ tỉnh Đồng Tháp;", "Niêm yết tại trụ sở, Trang thông tin điện tử;", "Lưu: VT, ISO."],
    }),
    unit: { code: "DT-LAIVUNG", name: "Xã Lai Vung" },
    announcement: {
      standard: "Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
      announcer: "Ủy ban nhân dân xã Lai Vung",
      replaces: null,
      basis: ["Căn cứ kết quả đánh giá nội bộ ngày 16/06/2026 và xem xét của lãnh đạo ngày 10/07/2026;"],
      procedures: [
        { field: "Chứng thực", code: "2.000908", name: "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản" },
        { field: "Hộ tịch", code: "1.001193", name: "Thủ tục đăng ký khai sinh" },
        { field: "Hộ tịch", code: "1.000894", name: "Thủ tục đăng ký kết hôn" },
      ],
      ...over,
    },
  };
}
