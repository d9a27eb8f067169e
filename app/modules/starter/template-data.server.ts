import { inArray } from "drizzle-orm";
import { isoClauses, type units } from "#db/schema";
import type { ProcessStep, ProcessTemplateData } from "#templates/process-docx";
import type { Reader } from "../tx.server";
import { issuingBodyName, lowerKind } from "../reports/data.server";
import type { CatalogueProcedure, SystemKey } from "./rules";

/*
 * What a starting system's Word template says, before the officer fills it in: the purpose, scope, steps, forms
 * and records usual for each system process (QĐ 101/QĐ-BKHCN models), and for a process of administrative
 * procedures the one-stop steps of Decree 61/2018 with the catalogue's processing time. "[…]" marks what the
 * officer writes.
 */

const B = "[…]";

const SYSTEM_TEXT: Record<SystemKey, { purpose: string; steps: ProcessStep[]; forms: { name: string; code: string }[]; records: string[] }> = {
  documents: {
    purpose:
      "Thống nhất cách soạn thảo, xem xét, phê duyệt, ban hành, phân phối, sửa đổi và kiểm soát thông tin dạng văn bản của HTQLCL, bảo đảm chỉ sử dụng tài liệu đang có hiệu lực.",
    steps: [
      { content: "Đề xuất soạn thảo mới hoặc sửa đổi tài liệu", responsible: "Cán bộ, công chức", time: "", output: "Phiếu đề nghị" },
      { content: "Soạn thảo tài liệu", responsible: "Thư ký ISO / người được giao", time: "", output: "Dự thảo tài liệu" },
      { content: "Xem xét nội dung", responsible: "Phó Chủ tịch UBND", time: "", output: "Ý kiến xem xét" },
      { content: "Phê duyệt, ban hành", responsible: "Chủ tịch UBND", time: "", output: "Quyết định ban hành" },
      { content: "Phân phối, thu hồi tài liệu lỗi thời", responsible: "Thư ký ISO", time: "", output: "Danh mục tài liệu" },
    ],
    forms: [
      { name: "Phiếu đề nghị soạn thảo, sửa đổi tài liệu", code: "BM 01" },
      { name: "Danh mục tài liệu nội bộ", code: "BM 02" },
      { name: "Danh mục tài liệu bên ngoài", code: "BM 03" },
    ],
    records: ["Phiếu đề nghị soạn thảo, sửa đổi tài liệu", "Danh mục tài liệu nội bộ, tài liệu bên ngoài", "Quyết định ban hành tài liệu"],
  },
  internalAudit: {
    purpose:
      "Quy định cách lập chương trình, kế hoạch và tiến hành đánh giá nội bộ, nhằm xác định HTQLCL phù hợp và được áp dụng, duy trì có hiệu lực (ít nhất mỗi năm một lần).",
    steps: [
      { content: "Lập chương trình đánh giá nội bộ năm", responsible: "Thư ký ISO", time: "", output: "Chương trình đánh giá" },
      {
        content: "Lập kế hoạch, phân công chuyên gia đánh giá độc lập với công việc được đánh giá",
        responsible: "Trưởng đoàn đánh giá",
        time: "",
        output: "Kế hoạch đánh giá",
      },
      { content: "Tiến hành đánh giá theo danh mục câu hỏi", responsible: "Chuyên gia đánh giá", time: "", output: "Phiếu ghi chép" },
      { content: "Báo cáo kết quả, ghi nhận điểm không phù hợp", responsible: "Trưởng đoàn đánh giá", time: "", output: "Báo cáo đánh giá" },
      { content: "Theo dõi hành động khắc phục", responsible: "Thư ký ISO", time: "", output: "Phiếu yêu cầu hành động khắc phục" },
    ],
    forms: [
      { name: "Chương trình đánh giá nội bộ", code: "BM 01" },
      { name: "Kế hoạch đánh giá nội bộ", code: "BM 02" },
      { name: "Phiếu ghi chép đánh giá", code: "BM 03" },
      { name: "Báo cáo đánh giá nội bộ", code: "BM 04" },
    ],
    records: ["Chương trình, kế hoạch đánh giá", "Phiếu ghi chép đánh giá", "Báo cáo đánh giá nội bộ"],
  },
  nonconformity: {
    purpose:
      "Quy định cách kiểm soát đầu ra không phù hợp, xác định nguyên nhân gốc rễ và thực hiện hành động khắc phục nhằm loại bỏ nguyên nhân, tránh tái diễn.",
    steps: [
      { content: "Phát hiện, ghi nhận sự không phù hợp", responsible: "Cán bộ, công chức", time: "", output: "Phiếu yêu cầu hành động khắc phục" },
      { content: "Khắc phục (xử lý ngay sự không phù hợp)", responsible: "Bộ phận liên quan", time: "", output: "" },
      {
        content: "Phân tích nguyên nhân gốc rễ, đề xuất hành động khắc phục",
        responsible: "Bộ phận liên quan",
        time: "",
        output: "Phiếu yêu cầu hành động khắc phục",
      },
      { content: "Xem xét, phê duyệt hành động khắc phục", responsible: "Lãnh đạo UBND", time: "", output: "Phiếu đã ký" },
      { content: "Thực hiện và kiểm tra hiệu lực", responsible: "Thư ký ISO", time: "", output: "Kết quả kiểm tra hiệu lực" },
    ],
    forms: [
      { name: "Phiếu yêu cầu hành động khắc phục", code: "BM 01" },
      { name: "Sổ theo dõi hành động khắc phục", code: "BM 02" },
    ],
    records: ["Phiếu yêu cầu hành động khắc phục", "Sổ theo dõi hành động khắc phục"],
  },
  managementReview: {
    purpose: "Quy định việc lãnh đạo xem xét HTQLCL theo định kỳ (ít nhất mỗi năm một lần) để bảo đảm hệ thống luôn thích hợp, thỏa đáng, có hiệu lực.",
    steps: [
      {
        content: "Chuẩn bị thông tin đầu vào (kết quả đánh giá, mức độ hài lòng, mục tiêu, hành động khắc phục)",
        responsible: "Thư ký ISO",
        time: "",
        output: "Báo cáo tình hình HTQLCL",
      },
      { content: "Tổ chức cuộc họp xem xét của lãnh đạo", responsible: "Chủ tịch UBND", time: "", output: "Biên bản họp" },
      { content: "Ban hành kết luận, phân công thực hiện", responsible: "Chủ tịch UBND", time: "", output: "Thông báo kết luận" },
      { content: "Theo dõi thực hiện", responsible: "Thư ký ISO", time: "", output: "" },
    ],
    forms: [
      { name: "Báo cáo tình hình hoạt động của HTQLCL", code: "BM 01" },
      { name: "Biên bản họp xem xét của lãnh đạo", code: "BM 02" },
    ],
    records: ["Báo cáo tình hình HTQLCL", "Biên bản họp xem xét của lãnh đạo", "Thông báo kết luận"],
  },
  policy: {
    purpose: "Công bố chính sách chất lượng của Ủy ban nhân dân: cam kết phục vụ tổ chức, công dân, đáp ứng các yêu cầu và cải tiến liên tục HTQLCL.",
    steps: [
      { content: "Dự thảo chính sách chất lượng", responsible: "Thư ký ISO", time: "", output: "Dự thảo" },
      { content: "Lãnh đạo phê duyệt, ban hành", responsible: "Chủ tịch UBND", time: "", output: "Chính sách chất lượng" },
      { content: "Phổ biến, niêm yết, công khai", responsible: "Văn phòng UBND", time: "", output: "" },
    ],
    forms: [],
    records: ["Chính sách chất lượng đã ban hành"],
  },
  objectives: {
    purpose:
      "Thiết lập các mục tiêu chất lượng đo lường được (tỷ lệ hồ sơ giải quyết đúng hạn, trực tuyến, qua bưu chính công ích, mức độ hài lòng) và kế hoạch thực hiện trong năm.",
    steps: [
      { content: "Đề xuất mục tiêu chất lượng năm", responsible: "Thư ký ISO", time: "", output: "Dự thảo mục tiêu" },
      { content: "Phê duyệt mục tiêu và kế hoạch thực hiện", responsible: "Chủ tịch UBND", time: "", output: "Mục tiêu chất lượng" },
      { content: "Theo dõi, đo lường kết quả thực hiện", responsible: "Thư ký ISO", time: "", output: "Báo cáo kết quả" },
    ],
    forms: [{ name: "Kế hoạch thực hiện mục tiêu chất lượng", code: "BM 01" }],
    records: ["Mục tiêu chất lượng, kế hoạch thực hiện", "Báo cáo kết quả thực hiện mục tiêu"],
  },
};

/** The one-stop steps of an administrative procedure (Decree 61/2018), the officer in charge named by field. */
function procedureSteps(field: string): ProcessStep[] {
  return [
    {
      content: "Tiếp nhận, kiểm tra hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
      responsible: "Bộ phận Một cửa",
      time: "",
      output: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    },
    { content: "Chuyển hồ sơ đến công chức chuyên môn", responsible: "Bộ phận Một cửa", time: "", output: "Phiếu kiểm soát quá trình giải quyết hồ sơ" },
    { content: "Thẩm định hồ sơ, dự thảo kết quả giải quyết", responsible: `Công chức ${field}`, time: "", output: "Dự thảo kết quả" },
    { content: "Xem xét, ký duyệt kết quả", responsible: "Lãnh đạo UBND", time: "", output: "Kết quả đã ký" },
    { content: "Vào sổ, đóng dấu, chuyển kết quả", responsible: "Văn phòng UBND", time: "", output: "Sổ theo dõi" },
    { content: "Trả kết quả cho tổ chức, công dân", responsible: "Bộ phận Một cửa", time: "", output: "Sổ theo dõi hồ sơ" },
  ];
}

const KIND_LABEL = { process: "Quy trình", policy: "Chính sách chất lượng", objectives: "Mục tiêu chất lượng" } as const;

/** The template's data for one accepted proposal. */
export function templateData(
  db: Reader,
  unit: Pick<typeof units.$inferSelect, "kind" | "name">,
  item: { code: string; title: string; kind: "process" | "policy" | "objectives"; clauseCodes: string[]; system?: SystemKey; procedures: CatalogueProcedure[] },
): ProcessTemplateData {
  const body = issuingBodyName(unit);
  const issuingBody = body === unit.name ? [unit.name] : ["Ủy ban nhân dân", lowerKind(unit.name)];
  const titles = new Map(
    item.clauseCodes.length
      ? db
          .select({ code: isoClauses.code, title: isoClauses.titleVi })
          .from(isoClauses)
          .where(inArray(isoClauses.code, item.clauseCodes))
          .all()
          .map((c) => [c.code, c.title])
      : [],
  );
  const clauses = item.clauseCodes.map((code) => ({ code, title: titles.get(code) ?? "" }));
  if (item.system) {
    const s = SYSTEM_TEXT[item.system];
    return {
      issuingBody,
      code: item.code,
      title: item.title,
      kindLabel: KIND_LABEL[item.kind],
      purpose: s.purpose,
      scope: `Áp dụng đối với ${body} và các cán bộ, công chức tham gia HTQLCL.`,
      clauses,
      procedures: [],
      steps: s.steps,
      forms: s.forms,
      records: s.records.map((name) => ({ name, keeper: "Thư ký ISO", period: B })),
    };
  }
  return {
    issuingBody,
    code: item.code,
    title: item.title,
    kindLabel: KIND_LABEL.process,
    purpose:
      "Quy định trình tự, trách nhiệm và thời hạn giải quyết các thủ tục hành chính nêu tại mục 5, bảo đảm giải quyết đúng quy định, đúng hạn và công khai, minh bạch.",
    scope: `Áp dụng đối với các thủ tục hành chính: ${item.procedures.map((p) => `${p.name} (${p.code})`).join("; ")} thuộc thẩm quyền giải quyết của ${body}; Bộ phận Một cửa và công chức liên quan.`,
    clauses,
    procedures: item.procedures.map((p) => ({ ...p, steps: procedureSteps(p.field) })),
    steps: [],
    forms: [
      { name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", code: "Mẫu 01 (TT 01/2018/TT-VPCP)" },
      { name: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", code: "Mẫu 02 (TT 01/2018/TT-VPCP)" },
      { name: "Phiếu kiểm soát quá trình giải quyết hồ sơ", code: "Mẫu 05 (TT 01/2018/TT-VPCP)" },
      { name: "Sổ theo dõi hồ sơ", code: "Mẫu 06 (TT 01/2018/TT-VPCP)" },
    ],
    records: [
      { name: "Hồ sơ TTHC và kết quả giải quyết", keeper: "Công chức chuyên môn", period: B },
      { name: "Sổ theo dõi hồ sơ", keeper: "Bộ phận Một cửa", period: B },
    ],
  };
}
