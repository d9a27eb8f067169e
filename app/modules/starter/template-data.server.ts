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

/** A step without a fixed processing time (the officer writes one where it applies; the catalogue gives the whole time). */
const step = (content: string, responsible: string, output: string): ProcessStep => ({ content, responsible, time: "", output });

const SYSTEM_TEXT: Record<SystemKey, { purpose: string; steps: ProcessStep[]; forms: { name: string; code: string }[]; records: string[] }> = {
  documents: {
    purpose:
      "Thống nhất cách soạn thảo, xem xét, phê duyệt, ban hành, phân phối, sửa đổi và kiểm soát thông tin dạng văn bản của HTQLCL, bảo đảm chỉ sử dụng tài liệu đang có hiệu lực.",
    steps: [
      step("Đề xuất soạn thảo mới hoặc sửa đổi tài liệu", "Cán bộ, công chức", "Phiếu đề nghị"),
      step("Soạn thảo tài liệu", "Thư ký ISO / người được giao", "Dự thảo tài liệu"),
      step("Xem xét nội dung", "Phó Chủ tịch UBND", "Ý kiến xem xét"),
      step("Phê duyệt, ban hành", "Chủ tịch UBND", "Quyết định ban hành"),
      step("Phân phối, thu hồi tài liệu lỗi thời", "Thư ký ISO", "Danh mục tài liệu"),
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
      step("Lập chương trình đánh giá nội bộ năm", "Thư ký ISO", "Chương trình đánh giá"),
      step("Lập kế hoạch, phân công chuyên gia đánh giá độc lập với công việc được đánh giá", "Trưởng đoàn đánh giá", "Kế hoạch đánh giá"),
      step("Tiến hành đánh giá theo danh mục câu hỏi", "Chuyên gia đánh giá", "Phiếu ghi chép"),
      step("Báo cáo kết quả, ghi nhận điểm không phù hợp", "Trưởng đoàn đánh giá", "Báo cáo đánh giá"),
      step("Theo dõi hành động khắc phục", "Thư ký ISO", "Phiếu yêu cầu hành động khắc phục"),
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
      step("Phát hiện, ghi nhận sự không phù hợp", "Cán bộ, công chức", "Phiếu yêu cầu hành động khắc phục"),
      step("Khắc phục (xử lý ngay sự không phù hợp)", "Bộ phận liên quan", ""),
      step("Phân tích nguyên nhân gốc rễ, đề xuất hành động khắc phục", "Bộ phận liên quan", "Phiếu yêu cầu hành động khắc phục"),
      step("Xem xét, phê duyệt hành động khắc phục", "Lãnh đạo UBND", "Phiếu đã ký"),
      step("Thực hiện và kiểm tra hiệu lực", "Thư ký ISO", "Kết quả kiểm tra hiệu lực"),
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
      step("Chuẩn bị thông tin đầu vào (kết quả đánh giá, mức độ hài lòng, mục tiêu, hành động khắc phục)", "Thư ký ISO", "Báo cáo tình hình HTQLCL"),
      step("Tổ chức cuộc họp xem xét của lãnh đạo", "Chủ tịch UBND", "Biên bản họp"),
      step("Ban hành kết luận, phân công thực hiện", "Chủ tịch UBND", "Thông báo kết luận"),
      step("Theo dõi thực hiện", "Thư ký ISO", ""),
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
      step("Dự thảo chính sách chất lượng", "Thư ký ISO", "Dự thảo"),
      step("Lãnh đạo phê duyệt, ban hành", "Chủ tịch UBND", "Chính sách chất lượng"),
      step("Phổ biến, niêm yết, công khai", "Văn phòng UBND", ""),
    ],
    forms: [],
    records: ["Chính sách chất lượng đã ban hành"],
  },
  objectives: {
    purpose:
      "Thiết lập các mục tiêu chất lượng đo lường được (tỷ lệ hồ sơ giải quyết đúng hạn, trực tuyến, qua bưu chính công ích, mức độ hài lòng) và kế hoạch thực hiện trong năm.",
    steps: [
      step("Đề xuất mục tiêu chất lượng năm", "Thư ký ISO", "Dự thảo mục tiêu"),
      step("Phê duyệt mục tiêu và kế hoạch thực hiện", "Chủ tịch UBND", "Mục tiêu chất lượng"),
      step("Theo dõi, đo lường kết quả thực hiện", "Thư ký ISO", "Báo cáo kết quả"),
    ],
    forms: [{ name: "Kế hoạch thực hiện mục tiêu chất lượng", code: "BM 01" }],
    records: ["Mục tiêu chất lượng, kế hoạch thực hiện", "Báo cáo kết quả thực hiện mục tiêu"],
  },
};

/** The one-stop steps of an administrative procedure (Decree 61/2018), the officer in charge named by field. */
function procedureSteps(field: string): ProcessStep[] {
  return [
    step("Tiếp nhận, kiểm tra hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Bộ phận Một cửa", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    step("Chuyển hồ sơ đến công chức chuyên môn", "Bộ phận Một cửa", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    step("Thẩm định hồ sơ, dự thảo kết quả giải quyết", `Công chức ${field}`, "Dự thảo kết quả"),
    step("Xem xét, ký duyệt kết quả", "Lãnh đạo UBND", "Kết quả đã ký"),
    step("Vào sổ, đóng dấu, chuyển kết quả", "Văn phòng UBND", "Sổ theo dõi"),
    step("Trả kết quả cho tổ chức, công dân", "Bộ phận Một cửa", "Sổ theo dõi hồ sơ"),
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
