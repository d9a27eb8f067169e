import { makeCtx } from "~/modules/context.server";
import { and, count, eq } from "drizzle-orm";
import type { FindingSource } from "#db/schema/enums";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { addDays } from "~/lib/time";
import { implementCorrectiveAction } from "~/modules/corrective-actions/implement.server";
import { requestExtension } from "~/modules/corrective-actions/request-extension.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { startCorrectiveAction } from "~/modules/corrective-actions/start.server";
import { verifyEffectiveness } from "~/modules/corrective-actions/verify.server";
import type { Ctx, UserActor } from "~/modules/context";
import { recordTrail } from "~/modules/trail/record.server";
import { vnDay } from "~/lib/time";
import type { DB } from "./client";
import { findings, units, users } from "./schema";
import { DEFAULT_DUE_POLICY, policyDueOn } from "~/modules/findings/rules";
import { now as clockNow } from "~/lib/clock.server";

export type FindingSeed = {
  unitCode: string;
  source: FindingSource;
  grade: "major" | "minor" | "observation" | "ofi";
  clause?: string;
  description: string;
  evidence?: string;
  foundOn: string;
  actionDueOn?: string;
  raisedBy?: string;
};

/**
 * Insert a finding directly (the audits-and-findings area owns the real way to raise one). For the demo seed and
 * for tests only: no route calls it.
 */
export function insertFinding(db: DB, f: FindingSeed, now = clockNow()) {
  const unit = db.select({ id: units.id }).from(units).where(eq(units.code, f.unitCode)).get();
  if (!unit) throw new Error(`no unit ${f.unitCode}`);
  const raisedById = f.raisedBy ? (db.select({ id: users.id }).from(users).where(eq(users.username, f.raisedBy)).get()?.id ?? null) : null;
  const t = now.getTime();
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(findings)
        .values({
          unitId: unit.id,
          source: f.source,
          gradeCode: f.grade,
          clauseCode: f.clause ?? null,
          description: f.description,
          evidence: f.evidence ?? null,
          foundOn: f.foundOn,
          // Every finding has a due date: the default policy (30/60/90 days by grade) unless given.
          actionDueOn: f.actionDueOn ?? policyDueOn(DEFAULT_DUE_POLICY, f.grade, f.foundOn),
          raisedById,
          createdAt: t,
          updatedAt: t,
        })
        .returning()
        .get();
      recordTrail(tx, { actor: { kind: "system", name: "seed" }, now }, { entity: "finding", entityId: row.id, action: "create", unitId: unit.id, after: row });
      return row;
    },
    { behavior: "immediate" },
  );
}

function actor(db: DB, username: string): UserActor {
  const row = db
    .select({ id: users.id, name: users.fullName, username: users.username, role: users.role, unitId: users.unitId, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
  if (!row) throw new Error(`no user ${username}`);
  return { kind: "user", ...row };
}

const DAY = 86_400_000;

/**
 * Demo corrective actions for Lai Vung and Hòa Long, walked through the real domain verbs at past moments, so the
 * trail, the signatures and the notifications look as they would in use: one action waiting for the chair's
 * signature, one in progress, one implemented waiting for verification, a closed finding, an observation to
 * close without action, and an overdue action in Hòa Long with a pending extension request.
 */
export async function seedActions(db: DB, now = clockNow(), password: string): Promise<boolean> {
  const lv = db.select({ id: units.id }).from(units).where(eq(units.code, "DT-LAIVUNG")).get();
  if (!lv || (db.select({ n: count() }).from(findings).where(eq(findings.unitId, lv.id)).get()?.n ?? 0) > 0) return false;
  // A civil servant of Lai Vung who owns actions (the chair signs, the ISO secretary drafts, others verify).
  const chair = db
    .select()
    .from(users)
    .where(and(eq(users.username, "chutich.laivung")))
    .get()!;
  if (!db.select({ id: users.id }).from(users).where(eq(users.username, "congchuc.laivung")).get()) {
    db.insert(users)
      .values({
        username: "congchuc.laivung",
        fullName: "Nguyễn Thị Thu Trang",
        title: "Công chức Văn phòng - Thống kê",
        unitId: lv.id,
        role: "officer",
        passwordHash: chair.passwordHash,
        passwordChangedAt: now.getTime(),
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      })
      .run();
  }
  const at = (days: number): Ctx["now"] => new Date(now.getTime() + days * DAY);
  const as = (username: string, days: number): Ctx => makeCtx(db, actor(db, username), at(days));
  const day = (days: number) => vnDay(at(days));
  const ownerId = (username: string) => actor(db, username).id;

  // F1: internal audit, minor nonconformity, with one action in progress and one awaiting the chair.
  const f1 = insertFinding(
    db,
    {
      unitCode: "DT-LAIVUNG",
      source: "internal_audit",
      grade: "minor",
      clause: "7.5.3",
      description: "3/20 hồ sơ TTHC lĩnh vực hộ tịch được kiểm tra không có phiếu kiểm soát quá trình giải quyết hồ sơ.",
      evidence: "Hồ sơ đăng ký khai sinh số 112, 118, 131/2025 tại Bộ phận Một cửa.",
      foundOn: day(-40),
      actionDueOn: addDays(day(-40), 60),
      raisedBy: "thuky.laivung",
    },
    at(-40),
  );
  saveCaRequest(as("thuky.laivung", -38), f1.id, {
    correction: "Đã lập bổ sung phiếu kiểm soát cho 3 hồ sơ và trình lãnh đạo ký.",
    rootCauseMethod: "five_whys",
    why1: "Công chức tiếp nhận không lập phiếu kiểm soát khi nhận hồ sơ trực tiếp.",
    why2: "Phần mềm một cửa chỉ in phiếu với hồ sơ nộp trực tuyến.",
    why3: "Quy trình QT 02/CX-HCTP chưa quy định rõ bước lập phiếu với hồ sơ nộp trực tiếp.",
    rootCause: "Quy trình QT 02/CX-HCTP chưa quy định bước lập phiếu kiểm soát cho hồ sơ nộp trực tiếp.",
  });
  const a1 = addCorrectiveAction(as("thuky.laivung", -37), f1.id, {
    description: "Sửa đổi QT 02/CX-HCTP: bổ sung bước lập phiếu kiểm soát quá trình cho hồ sơ nộp trực tiếp; rà soát toàn bộ hồ sơ hộ tịch quý IV.",
    ownerId: ownerId("congchuc.laivung"),
    dueOn: addDays(day(0), 5),
  });
  await acknowledgeCorrectiveAction(as("chutich.laivung", -36), a1.id, { password, capacity: "own", comment: "Đồng ý. Hoàn thành trước khi tổng kết năm." });
  startCorrectiveAction(as("congchuc.laivung", -35), a1.id);
  addCorrectiveAction(as("thuky.laivung", -2), f1.id, {
    description: "Tập huấn lại quy trình tiếp nhận hồ sơ hộ tịch cho công chức Bộ phận Một cửa và ghi biên bản tập huấn.",
    ownerId: ownerId("thuky.laivung"),
    dueOn: f1.actionDueOn!,
  });

  // F2: inspection by the province, major nonconformity; the action is implemented and waits for verification.
  const f2 = insertFinding(
    db,
    {
      unitCode: "DT-LAIVUNG",
      source: "inspection",
      grade: "major",
      clause: "4.4",
      description: "Chưa cập nhật 4 quy trình lĩnh vực chứng thực sau khi văn bản quy phạm pháp luật mới có hiệu lực quá 3 tháng.",
      foundOn: day(-75),
      actionDueOn: addDays(day(-75), 60),
      raisedBy: "kiemtra.tinh",
    },
    at(-75),
  );
  saveCaRequest(as("thuky.laivung", -70), f2.id, {
    correction: "Đã tạm áp dụng biểu mẫu mới theo văn bản hiện hành.",
    rootCauseMethod: "free_text",
    rootCause: "Chưa phân công người theo dõi văn bản pháp luật mới để cập nhật hệ thống quản lý chất lượng.",
  });
  const a3 = addCorrectiveAction(as("thuky.laivung", -69), f2.id, {
    description: "Cập nhật 4 quy trình chứng thực; ban hành quyết định phân công theo dõi văn bản pháp luật mới hằng tháng.",
    ownerId: ownerId("thuky.laivung"),
    dueOn: f2.actionDueOn!,
  });
  await acknowledgeCorrectiveAction(as("phochutich.laivung", -68), a3.id, { password, capacity: "kt" });
  startCorrectiveAction(as("thuky.laivung", -67), a3.id);
  await implementCorrectiveAction(as("thuky.laivung", -20), a3.id, {
    note: "Đã ban hành 4 quy trình sửa đổi (Quyết định số 45/QĐ-UBND) và quyết định phân công theo dõi văn bản.",
  });

  // F3: observation: may be closed without corrective action.
  insertFinding(
    db,
    {
      unitCode: "DT-LAIVUNG",
      source: "internal_audit",
      grade: "observation",
      clause: "9.1.2",
      description: "Chưa tổng hợp kết quả khảo sát mức độ hài lòng của người dân quý III.",
      foundOn: day(-40),
      raisedBy: "thuky.laivung",
    },
    at(-40),
  );

  // F4: a complaint, corrected and verified effective by the province officer: the finding is closed.
  const f4 = insertFinding(
    db,
    {
      unitCode: "DT-LAIVUNG",
      source: "complaint",
      grade: "minor",
      clause: "8.5",
      description: "Người dân phản ánh trả kết quả hồ sơ chứng thực trễ hẹn 1 ngày, chưa có văn bản xin lỗi.",
      foundOn: day(-120),
      actionDueOn: addDays(day(-120), 30),
      raisedBy: "thuky.laivung",
    },
    at(-120),
  );
  saveCaRequest(as("thuky.laivung", -119), f4.id, {
    correction: "Đã gửi văn bản xin lỗi người dân.",
    rootCauseMethod: "five_whys",
    why1: "Hồ sơ chuyển lãnh đạo ký chậm.",
    why2: "Không có nhắc hạn hồ sơ sắp đến hạn trả.",
  });
  const a4 = addCorrectiveAction(as("thuky.laivung", -118), f4.id, {
    description: "Bật nhắc hạn trên phần mềm một cửa cho hồ sơ còn 1 ngày đến hạn trả; kiểm tra hằng tuần.",
    ownerId: ownerId("congchuc.laivung"),
    dueOn: addDays(day(-120), 30),
  });
  await acknowledgeCorrectiveAction(as("chutich.laivung", -117), a4.id, { password, capacity: "own" });
  startCorrectiveAction(as("congchuc.laivung", -116), a4.id);
  await implementCorrectiveAction(as("congchuc.laivung", -100), a4.id, { note: "Đã cấu hình nhắc hạn; 4 tuần liên tiếp không có hồ sơ trễ hẹn." });
  verifyEffectiveness(as("canbo.tinh", -60), a4.id, { outcome: "effective", note: "Kiểm tra 3 tháng: 0 hồ sơ chứng thực trễ hẹn." });

  // F5 (Hòa Long): an overdue action with a pending extension request.
  const f5 = insertFinding(
    db,
    {
      unitCode: "DT-HOALONG",
      source: "internal_audit",
      grade: "minor",
      clause: "9.2",
      description: "Kế hoạch đánh giá nội bộ năm chưa được Chủ tịch UBND xã phê duyệt trước khi thực hiện.",
      foundOn: day(-90),
      actionDueOn: addDays(day(-90), 60),
      raisedBy: "thuky.hoalong",
    },
    at(-90),
  );
  saveCaRequest(as("thuky.hoalong", -88), f5.id, {
    correction: "Đã trình phê duyệt bổ sung kế hoạch.",
    rootCauseMethod: "free_text",
    rootCause: "Thư ký ISO mới, chưa được hướng dẫn trình tự lập và phê duyệt kế hoạch đánh giá nội bộ.",
  });
  const a5 = addCorrectiveAction(as("thuky.hoalong", -87), f5.id, {
    description: "Hướng dẫn thư ký ISO trình tự đánh giá nội bộ; lập mẫu kế hoạch có ô phê duyệt của Chủ tịch.",
    ownerId: ownerId("thuky.hoalong"),
    dueOn: addDays(day(-90), 60),
  });
  await acknowledgeCorrectiveAction(as("chutich.hoalong", -86), a5.id, { password, capacity: "own" });
  startCorrectiveAction(as("thuky.hoalong", -85), a5.id);
  requestExtension(as("thuky.hoalong", -1), a5.id, {
    proposedDueOn: addDays(day(0), 30),
    reason: "Chờ lớp tập huấn nghiệp vụ ISO của Sở KH&CN tổ chức trong tháng tới.",
  });
  return true;
}
