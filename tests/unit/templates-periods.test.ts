import { describe, expect, it } from "vitest";
import { duePeriodKeys, justEndedPeriodKey, parsePeriod } from "~/modules/reports/periods";
import { formatVerifyCode, normaliseVerifyCode, requestProblems } from "~/modules/reports/rules";

// Instants in Vietnam time (UTC+7) written as UTC.
const vn = (local: string) => new Date(new Date(`${local}Z`).getTime() - 7 * 3600 * 1000);

describe("report periods and schedule keys (Asia/Ho_Chi_Minh)", () => {
  it("a run at 01:00 on the 1st reports on the month just ended; before 01:00 that month is not due yet", () => {
    expect(justEndedPeriodKey("month", vn("2026-11-01T01:00:00"))).toBe("2026-10");
    expect(duePeriodKeys("month", vn("2026-11-01T00:30:00"), 1)).toEqual(["2026-09"]);
    expect(justEndedPeriodKey("quarter", vn("2027-01-01T01:00:00"))).toBe("2026-Q4");
    expect(justEndedPeriodKey("year", vn("2027-01-01T01:00:00"))).toBe("2026");
    expect(justEndedPeriodKey("month", vn("2027-01-01T01:00:00"))).toBe("2026-12");
  });

  it("catch-up reaches back over a two-month gap", () => {
    expect(duePeriodKeys("month", vn("2026-12-01T09:00:00"), 3)).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(duePeriodKeys("quarter", vn("2026-11-25T10:00:00"), 2)).toEqual(["2026-Q3", "2026-Q2"]);
  });

  it("parses months, quarters and years with their calendar bounds and Vietnamese labels; refuses the rest", () => {
    expect(parsePeriod("2024-02")).toMatchObject({ start: "2024-02-01", end: "2024-02-29", label: "tháng 2 năm 2024" });
    expect(parsePeriod("2026-q3")).toMatchObject({ key: "2026-Q3", start: "2026-07-01", end: "2026-09-30", label: "quý III năm 2026" });
    expect(parsePeriod("2026")).toMatchObject({ start: "2026-01-01", end: "2026-12-31", label: "năm 2026" });
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "26", "2026-1", "", "abcd"]) expect(parsePeriod(bad)).toBeUndefined();
  });

  it("verification codes are typed forgivingly (case, dashes, O for 0, I/L for 1)", () => {
    const code = formatVerifyCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toBe("01234-56789");
    expect(normaliseVerifyCode(" o1234 5678l ")).toBe("01234-56781");
    expect(normaliseVerifyCode("short")).toBeUndefined();
  });

  it("an area summary needs an area, the annual report a year, and no period may lie in the future", () => {
    const p = parsePeriod("2026-10")!;
    expect(requestProblems({ kind: "area", unitIsArea: false, period: p, today: "2026-11-25" })).toEqual({ unitId: ["reports.errors.notArea"] });
    expect(requestProblems({ kind: "annual", unitIsArea: true, period: p, today: "2026-11-25" })).toEqual({ period: ["reports.errors.annualYear"] });
    expect(requestProblems({ kind: "unit", unitIsArea: false, period: parsePeriod("2026-12")!, today: "2026-11-25" })).toEqual({
      period: ["reports.errors.future"],
    });
    expect(requestProblems({ kind: "unit", unitIsArea: false, period: parsePeriod("2026-11")!, today: "2026-11-25" })).toEqual({});
  });
});
