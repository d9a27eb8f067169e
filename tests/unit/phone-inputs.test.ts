import { describe, expect, it } from "vitest";
import { maskVnDay, vnToIso } from "~/components/date-field";
import { parsePeriodKey, periodKeyOf } from "~/components/period-picker";

describe("phone-first inputs", () => {
  it("a day typed as digits gets its slashes as it comes, and reads back as the picker's value", () => {
    expect(maskVnDay("2")).toBe("2");
    expect(maskVnDay("251")).toBe("25/1");
    expect(maskVnDay("25112026")).toBe("25/11/2026");
    expect(maskVnDay("25/11/20269")).toBe("25/11/2026");
    expect(vnToIso("01/12/2026")).toBe("2026-12-01");
    expect(vnToIso("1/12/2026")).toBe("");
  });

  it("a period picked as month, quarter or year gives the key the server reads", () => {
    expect(periodKeyOf({ cadence: "month", year: 2026, index: 3 })).toBe("2026-03");
    expect(periodKeyOf({ cadence: "quarter", year: 2026, index: 4 })).toBe("2026-Q4");
    expect(periodKeyOf({ cadence: "year", year: 2026, index: 1 })).toBe("2026");
    expect(parsePeriodKey("2026-q4")).toEqual({ cadence: "quarter", year: 2026, index: 4 });
    expect(parsePeriodKey("2026-13")).toBeUndefined();
  });
});
