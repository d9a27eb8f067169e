import type { Tx } from "~/modules/tx.server";
import { qualityObjectives, serviceFigures } from "./schema";

/** Split a yearly total over 12 months by weights, exactly (the remainder goes to the largest months). */
export function splitYear(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    out[i]!++;
  }
  return out;
}

const SEASON = [7, 6, 9, 9, 8, 8, 9, 9, 8, 9, 9, 9];

/**
 * One-stop figures: Lai Vung district's 2020 (DOMAIN.md §1: 7,174 dossiers received, 1,858 returned by public
 * post = 25.9 %, almost all early or on time, online intake below target), and 2026 so far for the four new
 * communes, with their 2026 quality objectives.
 */
export function seedFigures(tx: Tx, unitIdOf: (code: string) => number, now: number) {
  const district = unitIdOf("DT-LV");
  const received = splitYear(7174, SEASON);
  const post = splitYear(1858, SEASON);
  const overdue = splitYear(9, [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  const online = splitYear(215, SEASON);
  received.forEach((r, i) => {
    const late = overdue[i]!;
    const early = Math.round((r - late) * 0.62);
    tx.insert(serviceFigures)
      .values({
        unitId: district,
        month: `2020-${String(i + 1).padStart(2, "0")}`,
        received: r,
        resolvedEarly: early,
        resolvedOnTime: r - late - early,
        resolvedOverdue: late,
        receivedOnline: online[i]!,
        returnedByPost: post[i]!,
        feedbackReceived: i % 4 === 0 ? 1 : 0,
        feedbackOnTime: i % 4 === 0 ? 1 : 0,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  });
  const communes: [code: string, perMonth: number, onlineShare: number, postShare: number, lateEvery: number][] = [
    ["DT-LAIVUNG", 310, 0.42, 0.27, 4],
    ["DT-HOALONG", 180, 0.35, 0.22, 3],
    ["DT-PHONGHOA", 150, 0.31, 0.19, 0],
    ["DT-TANDUONG", 140, 0.38, 0.24, 5],
  ];
  for (const [code, perMonth, onlineShare, postShare, lateEvery] of communes) {
    const unitId = unitIdOf(code);
    for (let m = 1; m <= 10; m++) {
      const r = perMonth + ((m * 37) % 41) - 20;
      const late = lateEvery && m % lateEvery === 0 ? 2 : 0;
      const early = Math.round((r - late) * 0.55);
      tx.insert(serviceFigures)
        .values({
          unitId,
          month: `2026-${String(m).padStart(2, "0")}`,
          received: r,
          resolvedEarly: early,
          resolvedOnTime: r - late - early,
          resolvedOverdue: late,
          receivedOnline: Math.round(r * onlineShare),
          returnedByPost: Math.round(r * postShare),
          feedbackReceived: 3,
          feedbackOnTime: late ? 2 : 3,
          surveyed: 40,
          satisfied: 37 + (m % 3),
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    const objectives: [string, (typeof qualityObjectives.$inferInsert)["measure"], number][] = [
      ["100% hồ sơ TTHC được giải quyết trước hạn và đúng hạn", "on_time_rate", 100],
      ["Không có hồ sơ quá hạn; mỗi hồ sơ quá hạn có văn bản xin lỗi", "overdue_count", 0],
      ["Ít nhất 40% hồ sơ được tiếp nhận trực tuyến", "online_rate", 40],
      ["Ít nhất 20% kết quả được trả qua dịch vụ bưu chính công ích", "post_rate", 20],
      ["Ít nhất 90% người dân hài lòng", "satisfaction_rate", 90],
    ];
    for (const [title, measure, target] of objectives) {
      tx.insert(qualityObjectives).values({ unitId, year: 2026, title, measure, target, createdAt: now, updatedAt: now }).run();
    }
  }
}
