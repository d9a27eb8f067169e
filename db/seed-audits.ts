import { makeCtx } from "~/modules/context.server";
import { asc, eq } from "drizzle-orm";
import type { Ctx, UserActor } from "~/modules/context";
import { answerChecklistItem } from "~/modules/audits/checklist.server";
import { planAudit } from "~/modules/audits/plan.server";
import { reportAudit, startAudit } from "~/modules/audits/transition.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { createInspection, recordMinutes, saveInspectionPlan } from "~/modules/inspections/save.server";
import { confirmEffectiveness, recordAnnouncement, recordManagementReview } from "~/modules/qms-records/record.server";
import type { DB } from "./client";
import { auditChecklistItems, units, users } from "./schema";

function actor(db: DB, username: string): UserActor {
  const row = db
    .select({ id: users.id, name: users.fullName, username: users.username, role: users.role, unitId: users.unitId, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
  if (!row) throw new Error(`seed-audits: no user ${username}`);
  return { kind: "user", ...row };
}

const unitId = (db: DB, code: string) => db.select({ id: units.id }).from(units).where(eq(units.code, code)).get()!.id;
/** Each step is dated when it would have happened (Vietnam time, mid-morning). */
const at = (db: DB, username: string, day: string): Ctx => makeCtx(db, actor(db, username), new Date(`${day}T03:00:00Z`));

/**
 * Demo data of the audits area, through the domain verbs so it obeys the same rules as a user:
 * - Xã Lai Vung: announced in 09/2025; 2026 internal audit (cross audit: the province's officer leads, the
 *   ISO secretary of Hòa Long joins) with its checklist answered, a major and a minor nonconformity and an
 *   observation; reported; then a management review and the chair's effectiveness confirmation.
 * - The province's 2026 inspection plan; the on-site inspection of Xã Hòa Long with minutes signed on
 *   20/08/2026 and two findings due two months later (20/10/2026: overdue by the end of the year).
 */
export async function seedAudits(db: DB) {
  const laiVung = unitId(db, "DT-LAIVUNG");
  const hoaLong = unitId(db, "DT-HOALONG");

  await recordAnnouncement(at(db, "thuky.laivung", "2025-09-20"), laiVung, {
    kind: "announcement",
    decisionNumber: "125/QĐ-UBND",
    decidedOn: "2025-09-15",
    scope:
      "Toàn bộ 156 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã Lai Vung đã được Chủ tịch UBND tỉnh công bố, và các quy trình nội bộ về quản lý văn bản, tiếp nhận phản ánh, kiến nghị.",
    notifiedOn: "2025-09-18",
    postedOn: "2025-09-16",
  });

  const audit = planAudit(at(db, "canbo.tinh", "2026-05-20"), {
    unitId: laiVung,
    title: "Đánh giá nội bộ HTQLCL năm 2026 – Xã Lai Vung",
    objectives: "Đánh giá sự phù hợp và hiệu lực của HTQLCL theo TCVN ISO 9001:2015 sau sắp xếp đơn vị hành chính; chuẩn bị xem xét của lãnh đạo năm 2026.",
    startOn: "2026-06-15",
    endOn: "2026-06-16",
    leadAuditorId: actor(db, "canbo.tinh").id,
    teamIds: [actor(db, "thuky.hoalong").id],
    clauseCodes: ["4.3", "5.2", "6.2", "7.5", "8.5", "8.7", "9.1.2", "10.2"],
    processes: "QT 01/CX-HCTP | Chứng thực bản sao từ bản chính giấy tờ, văn bản\nQT 05/CX-HT | Đăng ký khai sinh",
  });
  const lead = (day: string) => at(db, "canbo.tinh", day);
  startAudit(lead("2026-06-15"), audit.id);
  const items = db.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, audit.id)).orderBy(asc(auditChecklistItems.sortOrder)).all();
  const major = items.find((i) => i.clauseCode === "8.7")!;
  const minor = items.find((i) => i.clauseCode === "7.5.3")!;
  const obs = items.find((i) => i.clauseCode === "9.1.2")!;
  for (const item of items) {
    const result = item.id === major.id ? "nonconformity" : item.id === minor.id ? "nonconformity" : item.id === obs.id ? "observation" : "conforms";
    const notes =
      item.id === major.id
        ? "Kiểm tra 20 hồ sơ chứng thực quý I/2026: 3 hồ sơ trả kết quả trễ hạn 1–2 ngày, không có văn bản xin lỗi người dân."
        : item.id === minor.id
          ? "Danh mục văn bản có nguồn gốc bên ngoài chưa cập nhật Nghị định 07/2025/NĐ-CP."
          : item.id === obs.id
            ? "Phiếu khảo sát mức độ hài lòng có nhưng chưa tổng hợp kết quả quý II."
            : "Phù hợp; đã xem hồ sơ, phỏng vấn công chức Bộ phận Một cửa.";
    await answerChecklistItem(lead("2026-06-16"), audit.id, { itemId: item.id, result, notes });
  }
  raiseFinding(lead("2026-06-16"), {
    origin: { kind: "audit", auditId: audit.id, checklistItemId: major.id },
    gradeCode: "major",
    clauseCode: "8.7",
    description:
      "Hồ sơ TTHC trả kết quả quá hạn nhưng đơn vị không lập văn bản xin lỗi người dân theo quy định; đầu ra không phù hợp không được nhận biết và xử lý.",
    evidence: "3/20 hồ sơ chứng thực quý I/2026 trễ hạn (số biên nhận 000.00.31.H19-260112-0004, -0017, -0029); không có văn bản xin lỗi.",
    foundOn: "2026-06-16",
  });
  raiseFinding(lead("2026-06-16"), {
    origin: { kind: "audit", auditId: audit.id, checklistItemId: minor.id },
    gradeCode: "minor",
    clauseCode: "7.5.3",
    description: "Danh mục tài liệu có nguồn gốc bên ngoài chưa được cập nhật văn bản quy phạm pháp luật mới.",
    evidence: "Danh mục ban hành 15/9/2025 chưa có Nghị định 07/2025/NĐ-CP về chứng thực.",
    foundOn: "2026-06-16",
  });
  raiseFinding(lead("2026-06-16"), {
    origin: { kind: "audit", auditId: audit.id, checklistItemId: obs.id },
    gradeCode: "observation",
    clauseCode: "9.1.2",
    description: "Kết quả khảo sát mức độ hài lòng quý II chưa được tổng hợp, phân tích.",
    foundOn: "2026-06-16",
  });
  reportAudit(lead("2026-06-19"), audit.id, {
    reportedOn: "2026-06-19",
    conclusion:
      "HTQLCL của UBND xã Lai Vung cơ bản phù hợp với TCVN ISO 9001:2015 và được duy trì. Có 01 điểm không phù hợp nặng (8.7), 01 điểm không phù hợp nhẹ (7.5.3) và 01 điểm lưu ý (9.1.2); đề nghị xã thực hiện hành động khắc phục trong 30 ngày.",
  });

  await recordManagementReview(at(db, "thuky.laivung", "2026-07-10"), laiVung, {
    heldOn: "2026-07-10",
    chairedBy: "Nguyễn Hữu Phước – Chủ tịch UBND xã",
    participants: "Ban Chỉ đạo ISO xã; công chức Bộ phận Một cửa; Thư ký ISO",
    inputs:
      "Kết quả đánh giá nội bộ năm 2026; tình hình giải quyết hồ sơ TTHC 6 tháng đầu năm (trước và đúng hạn 98,6%); mức độ hài lòng; kết quả thực hiện mục tiêu chất lượng; các hành động khắc phục; rủi ro và cơ hội sau sắp xếp đơn vị hành chính.",
    decisions:
      "Giao Thư ký ISO cập nhật danh mục tài liệu bên ngoài trước 31/7/2026; Bộ phận Một cửa lập văn bản xin lỗi cho mọi hồ sơ trễ hạn; bổ sung mục tiêu tỷ lệ hồ sơ trực tuyến 50% năm 2027.",
  });
  confirmEffectiveness(at(db, "chutich.laivung", "2026-07-20"), laiVung, {
    confirmedOn: "2026-07-20",
    statement: "Xác nhận hệ thống quản lý chất lượng của UBND xã Lai Vung phù hợp với TCVN ISO 9001:2015 và được áp dụng có hiệu lực.",
    documentNumber: "210/UBND-VP",
  });

  const inspector = (day: string) => at(db, "kiemtra.tinh", day);
  const communes = ["DT-LAIVUNG", "DT-HOALONG", "DT-PHONGHOA", "DT-TANDUONG"].map((c) => unitId(db, c));
  saveInspectionPlan(inspector("2026-02-10"), {
    year: 2026,
    documentNumber: "45/KH-SKHCN",
    issuedOn: "2026-02-10",
    notes: "Kiểm tra việc áp dụng, duy trì và cải tiến HTQLCL theo TCVN ISO 9001:2015 tại các xã sau sắp xếp.",
    entries: communes.map((id) => ({ unitId: id, method: id === hoaLong || id === laiVung ? ("on_site" as const) : ("report" as const) })),
  });
  const insp = createInspection(inspector("2026-08-03"), {
    unitId: hoaLong,
    method: "on_site",
    decisionNumber: "215/QĐ-SKHCN",
    decisionOn: "2026-08-03",
    plannedOn: "2026-08-20",
    leadId: actor(db, "kiemtra.tinh").id,
    teamIds: [actor(db, "canbo.tinh").id],
  });
  await recordMinutes(inspector("2026-08-20"), insp.id, {
    signedOn: "2026-08-20",
    summary:
      "Đoàn kiểm tra đã làm việc với UBND xã Hòa Long về việc áp dụng HTQLCL. Phạm vi áp dụng đã bao quát các TTHC; đã đào tạo cán bộ; còn tồn tại về cập nhật quy trình và niêm yết công bố. Hai bên thống nhất ký biên bản.",
  });
  raiseFinding(inspector("2026-08-20"), {
    origin: { kind: "inspection", inspectionId: insp.id },
    gradeCode: "minor",
    clauseCode: "7.5.2",
    description: "Chưa cập nhật 04 quy trình theo danh mục TTHC mới được Chủ tịch UBND tỉnh công bố (quá thời hạn 3 tháng).",
    evidence: "Quy trình lĩnh vực hộ tịch ban hành 10/2025 chưa sửa đổi theo Quyết định công bố TTHC tháng 3/2026.",
  });
  raiseFinding(inspector("2026-08-20"), {
    origin: { kind: "inspection", inspectionId: insp.id },
    gradeCode: "minor",
    clauseCode: "9.2",
    description: "Chưa thực hiện đánh giá nội bộ năm 2026 theo kế hoạch.",
  });
}
