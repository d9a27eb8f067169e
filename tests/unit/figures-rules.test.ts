import { describe, expect, it } from "vitest";
import { parseMonth } from "~/modules/figures/import.server";
import { attainment, rates, sumFigures } from "~/modules/figures/rules";
import { fold, mapColumns } from "~/modules/imports/tabular.server";
import { splitYear } from "#db/seed-figures";

const f = {
  received: 100,
  resolvedEarly: 60,
  resolvedOnTime: 38,
  resolvedOverdue: 2,
  receivedOnline: 45,
  returnedByPost: 26,
  feedbackReceived: 4,
  feedbackOnTime: 3,
};

describe("service figure rules", () => {
  it("computes on-time, online, post and feedback rates and the one-stop score", () => {
    expect(rates(f)).toMatchObject({ resolved: 100, onTimeRate: 98, onlineRate: 45, postRate: 26, feedbackOnTimeRate: 75, score: 1.58 });
  });
  it("has no rate when nothing was received (not 0 %)", () => {
    expect(rates(sumFigures([])).onTimeRate).toBeNull();
  });
  it("rates are met at or above target; the overdue count at or below", () => {
    expect(attainment("on_time_rate", 98, f, null)).toEqual({ value: 98, met: true });
    expect(attainment("on_time_rate", 100, f, null)).toEqual({ value: 98, met: false });
    expect(attainment("overdue_count", 0, f, null)).toEqual({ value: 2, met: false });
    expect(attainment("manual", 90, undefined, 93)).toEqual({ value: 93, met: true });
    expect(attainment("online_rate", 40, undefined, null)).toEqual({ value: null, met: null });
  });
  it("reads months as people write them", () => {
    expect(["11/2026", "2026-11", "01/11/2026", "1/2026"].map(parseMonth)).toEqual(["2026-11", "2026-11", "2026-11", "2026-01"]);
    expect(["13/2026", "2026", "abc"].map(parseMonth)).toEqual([undefined, undefined, undefined]);
  });
  it("matches column headers without accents or case", () => {
    expect(fold("  Mã  Đơn vị ")).toBe("ma don vi");
    expect(mapColumns(["Mã đơn vị", "THÁNG"], { unit: ["ma don vi"], month: ["thang"], x: ["x"] })).toEqual({ columns: { unit: 0, month: 1 }, missing: ["x"] });
  });
  it("splits a yearly total over months exactly", () => {
    const parts = splitYear(7174, [7, 6, 9, 9, 8, 8, 9, 9, 8, 9, 9, 9]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(7174);
    expect(parts).toHaveLength(12);
  });
});
