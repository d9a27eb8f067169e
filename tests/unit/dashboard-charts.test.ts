import { describe, expect, it } from "vitest";
import { barSummary, findingsByGrade, lastValue, monthlyRates, monthsBetween, overdueByUnit, shares } from "~/modules/dashboard/charts";
import { gradeColumns } from "#templates/parts/chart";
import { ZERO } from "~/modules/figures/rules";

const month = (m: string, f: Partial<typeof ZERO>) => ({ ...ZERO, ...f, month: m });

describe("chart data", () => {
  it("findings by grade: the grades' order, zeros kept, labels in the reader's language, links per grade", () => {
    const rows = [
      { code: "minor", nameVi: "Không phù hợp nhỏ", nameEn: "Minor nonconformity", sortOrder: 2, count: 3 },
      { code: "major", nameVi: "Không phù hợp lớn", nameEn: "Major nonconformity", sortOrder: 1, count: 0 },
      { code: "obs", nameVi: "Khuyến nghị", nameEn: "Observation", sortOrder: 3, count: 5 },
    ];
    const vi = findingsByGrade(rows, "vi", (g) => `/findings?grade=${g}`);
    expect(vi.data.map((d) => [d.key, d.value])).toEqual([
      ["major", 0],
      ["minor", 3],
      ["obs", 5],
    ]);
    expect(vi.data[0]!.label).toBe("Không phù hợp lớn");
    expect(vi.data[1]!.href).toBe("/findings?grade=minor");
    expect(findingsByGrade(rows, "en").data[2]!.label).toBe("Observation");
    expect(barSummary(vi)).toEqual({ total: 8, top: vi.data[2] });
  });

  it("overdue by unit: only units with overdue actions, most first, the rest summed rather than hidden", () => {
    const stats = [
      { unitId: 1, unitName: "Xã Lai Vung", overdue: 2 },
      { unitId: 2, unitName: "Xã Hòa Long", overdue: 0 },
      { unitId: 3, unitName: "Xã Phong Hòa", overdue: 4 },
      { unitId: 4, unitName: "Xã Tân Dương", overdue: 2 },
      { unitId: 5, unitName: "Xã Long Hậu", overdue: 1 },
    ];
    const c = overdueByUnit(stats, 3, (id) => `/corrective-actions?status=overdue&unitId=${id}`);
    expect(c.data.map((d) => d.label)).toEqual(["Xã Phong Hòa", "Xã Lai Vung", "Xã Tân Dương"]);
    expect(c.rest).toEqual({ count: 1, value: 1 });
    expect(c.data[0]!.href).toBe("/corrective-actions?status=overdue&unitId=3");
    expect(barSummary(c).total).toBe(9);
    expect(overdueByUnit([{ unitId: 2, unitName: "Xã Hòa Long", overdue: 0 }]).data).toEqual([]);
    expect(barSummary(overdueByUnit([])).top).toBeUndefined();
  });

  it("months between two months, across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });

  it("monthly rates: summed over units per month; a month without figures is a gap, not 0 %", () => {
    const c = monthlyRates(
      [
        month("2020-01", { received: 600, resolvedEarly: 300, resolvedOnTime: 280, resolvedOverdue: 20, receivedOnline: 60, returnedByPost: 150 }),
        month("2020-01", { received: 400, resolvedEarly: 100, resolvedOnTime: 100, resolvedOverdue: 0, receivedOnline: 40, returnedByPost: 100 }),
        month("2020-03", { received: 100, resolvedEarly: 0, resolvedOnTime: 0, resolvedOverdue: 0 }),
      ],
      "2020-01",
      "2020-03",
    );
    expect(c.categories).toEqual(["2020-01", "2020-02", "2020-03"]);
    const s = Object.fromEntries(c.series.map((x) => [x.key, x.values]));
    // January: 780 of 800 resolved on time = 97.5 %; 100 of 1,000 online = 10 %; 250 of 1,000 by BCCI = 25 %.
    expect(s.onTimeRate).toEqual([97.5, null, null]); // March resolved nothing: no rate
    expect(s.onlineRate).toEqual([10, null, 0]);
    expect(s.postRate).toEqual([25, null, 0]);
    expect(lastValue(c, "onTimeRate")).toEqual({ month: "2020-01", value: 97.5 });
    expect(lastValue(c, "postRate")).toEqual({ month: "2020-03", value: 0 });
  });

  it("shares: Lai Vung 2020, 1,858 of 7,174 dossiers returned by BCCI = 25.9 %", () => {
    const c = shares({ ...ZERO, received: 7174, returnedByPost: 1858, receivedOnline: 717 }, { online: "Trực tuyến", post: "BCCI" });
    expect(c.unit).toBe("percent");
    expect(c.data.map((d) => [d.key, d.value])).toEqual([
      ["online", 10],
      ["post", 25.9],
    ]);
    expect(shares(ZERO, { online: "a", post: "b" }).data.map((d) => d.value)).toEqual([null, null]);
  });
});

describe("chart data of the PDF area summary", () => {
  it("sums findings per grade over units, keeping the grades' order, for columnChart", () => {
    const unit = (major: number, minor: number) => [
      { gradeCode: "major", gradeName: "Không phù hợp nặng", raised: major },
      { gradeCode: "minor", gradeName: "Không phù hợp nhẹ", raised: minor },
    ];
    expect(gradeColumns([unit(1, 2), unit(0, 3), []])).toEqual({ categories: ["Không phù hợp nặng", "Không phù hợp nhẹ"], values: [1, 5] });
  });
});
