import { purgeExpiredSessions } from "~/modules/auth/sessions.server";
import { loginAttempts } from "#db/schema";
import { lt } from "drizzle-orm";
import { optimize } from "#db/client";
import { vnDay } from "~/lib/time";
import { duePeriodKeys, justEndedPeriodKey } from "~/modules/reports/periods";
import { nightlyBackup } from "./handlers/backup";
import { activateDueRevisions } from "~/modules/documents/workflow.server";
import { correctiveActionsDaily } from "./handlers/corrective-actions";
import { runScheduledReports } from "./handlers/reports";
import { daysBack, lastDailyFireDay } from "./periods";
import type { JobDefinition } from "./types";

/**
 * The schedule, as data. Handlers are plain functions: the scheduler, `npm run job -- <name>` and the tests
 * call the same `run`.
 */
export const JOBS: JobDefinition[] = [
  {
    name: "nightly-backup",
    description: "Sao lưu trực tuyến cơ sở dữ liệu vào data/backups, giữ N bản gần nhất",
    cron: "0 2 * * *",
    timezone: "Asia/Ho_Chi_Minh",
    periodKey: (at) => vnDay(at),
    // Only the latest missed night matters: an older backup taken today would be no older.
    duePeriods: (now) => [lastDailyFireDay(now, 2)],
    maxAttempts: 3,
    run: (ctx, periodKey) => nightlyBackup(ctx, periodKey),
  },
  {
    name: "nightly-housekeeping",
    description: "Xóa phiên đăng nhập hết hạn và nhật ký đăng nhập cũ hơn 90 ngày; cập nhật thống kê cho bộ tối ưu truy vấn",
    cron: "30 2 * * *",
    timezone: "Asia/Ho_Chi_Minh",
    periodKey: (at) => vnDay(at),
    duePeriods: (now) => daysBack(lastDailyFireDay(now, 2, 30), 1),
    maxAttempts: 3,
    run(ctx) {
      const sessions = purgeExpiredSessions(ctx.db, ctx.now);
      const attempts = ctx.db
        .delete(loginAttempts)
        .where(lt(loginAttempts.at, ctx.now.getTime() - 90 * 24 * 3600 * 1000))
        .run().changes;
      // Fresh planner statistics as the tables grow (bounded sampling).
      optimize(ctx.db.$client);
      return { sessions, attempts };
    },
  },
  {
    name: "documents-in-force",
    description: "Đưa vào hiệu lực các lần ban hành tài liệu đã phê duyệt có ngày hiệu lực đến hạn (lần trước chuyển thành hết hiệu lực)",
    cron: "5 0 * * *",
    timezone: "Asia/Ho_Chi_Minh",
    periodKey: (at) => vnDay(at),
    duePeriods: (now) => [lastDailyFireDay(now, 0, 5)],
    maxAttempts: 3,
    run: (ctx) => ({ activated: activateDueRevisions(ctx) }),
  },
  {
    name: "corrective-actions-daily",
    description: "Hành động khắc phục: đánh dấu quá hạn, nhắc trước 7 ngày và 1 ngày, báo quá hạn, chuyển cấp trên sau N ngày",
    cron: "0 7 * * *",
    timezone: "Asia/Ho_Chi_Minh",
    periodKey: (at) => vnDay(at),
    // Catch up a few missed days: each notice is keyed per action and due date, so replaying a day is harmless.
    duePeriods: (now) => daysBack(lastDailyFireDay(now, 7), 3),
    maxAttempts: 3,
    run: (ctx, periodKey) => correctiveActionsDaily(ctx, periodKey),
  },
  // Scheduled reports: 01:00 Vietnam time on the first day after the period, as drafts (decision 0016). duePeriods reaches back
  // far enough that a server stopped for two months catches up both months when it starts again.
  reportsJob(
    "month",
    "0 1 1 * *",
    3,
    "Lập dự thảo báo cáo tháng trước của mọi đơn vị và báo cáo tổng hợp của mọi địa bàn (tỉnh/huyện), báo cán bộ phụ trách viết nội dung",
  ),
  reportsJob("quarter", "0 1 1 1,4,7,10 *", 2, "Lập dự thảo báo cáo quý trước của mọi đơn vị và báo cáo tổng hợp của mọi địa bàn"),
  reportsJob("year", "0 1 1 1 *", 1, "Lập dự thảo báo cáo năm trước: mọi đơn vị, tổng hợp mọi địa bàn và báo cáo xây dựng, áp dụng HTQLCL của tỉnh"),
];

/** One scheduled-reports job per period length: the same handler, its own cron and catch-up depth. */
function reportsJob(period: "month" | "quarter" | "year", cron: string, catchUp: number, description: string): JobDefinition {
  const name = `reports-${period === "month" ? "monthly" : period === "quarter" ? "quarterly" : "yearly"}`;
  return {
    name,
    description,
    cron,
    timezone: "Asia/Ho_Chi_Minh",
    periodKey: (at) => justEndedPeriodKey(period, at),
    duePeriods: (now) => duePeriodKeys(period, now, catchUp),
    maxAttempts: 3,
    run: (ctx, periodKey) => runScheduledReports(ctx, name, period, periodKey),
  };
}

export function getJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
