import { eq } from "drizzle-orm";
import type { DB } from "./client";
import { findings, units } from "./schema";

/**
 * Demo findings for the Lai Vung communes (autumn 2026), so the reports' "findings by grade and state" section
 * and the area summary show real figures from the database. If the audits branch seeds its own findings, this
 * can go (the reports read whatever the findings table holds).
 */
export function seedReports(db: DB, now = new Date()) {
  const id = (code: string) => db.select({ id: units.id }).from(units).where(eq(units.code, code)).get()?.id;
  const t = now.getTime();
  const rows: [unit: string, grade: string, clause: string, foundOn: string, due: string | null, closedOn: string | null, text: string][] = [
    ["DT-LAIVUNG", "major", "8.5", "2026-09-16", "2026-10-31", null, "12 hồ sơ TTHC lĩnh vực hộ tịch trả quá hạn trong quý III, chưa có văn bản xin lỗi người dân."],
    ["DT-LAIVUNG", "minor", "7.5.3", "2026-09-16", "2026-11-16", "2026-10-28", "Quy trình QT 02/CX-HCTP chưa cập nhật theo văn bản pháp luật mới có hiệu lực từ 01/7/2026."],
    ["DT-LAIVUNG", "observation", "9.1", "2026-10-05", null, null, "Chưa tổng hợp kết quả khảo sát mức độ hài lòng quý III."],
    ["DT-HOALONG", "minor", "7.2", "2026-09-22", "2026-11-22", null, "Công chức mới tiếp nhận Bộ phận Một cửa chưa được đào tạo về hệ thống quản lý chất lượng."],
    ["DT-HOALONG", "ofi", "10.3", "2026-10-14", null, null, "Có thể mở rộng dịch vụ trả kết quả qua bưu chính công ích cho hồ sơ đất đai."],
    ["DT-PHONGHOA", "major", "9.3", "2026-08-20", "2026-10-20", null, "Chưa tổ chức xem xét của lãnh đạo trong 12 tháng qua."],
    ["DT-TANDUONG", "minor", "7.5.3", "2026-10-07", "2026-12-07", null, "Danh mục tài liệu nội bộ chưa ghi lần ban hành của 3 biểu mẫu."],
  ];
  for (const [unit, grade, clause, foundOn, due, closedOn, description] of rows) {
    const unitId = id(unit);
    if (!unitId) continue;
    db.insert(findings)
      .values({
        unitId,
        source: "internal_audit",
        gradeCode: grade,
        clauseCode: clause,
        description,
        foundOn,
        actionDueOn: due,
        status: closedOn ? "closed" : "open",
        closedAt: closedOn ? new Date(`${closedOn}T03:00:00Z`).getTime() : null,
        createdAt: t,
        updatedAt: t,
      })
      .run();
  }
}
