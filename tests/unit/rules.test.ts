import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failureDelayMs, lockAfter } from "~/modules/auth/rules";
import { lineageCreatesCycle, parentAllowed, validOn } from "~/modules/units/rules";
import { normalisePrefixes } from "~/modules/units/scope.server";
import { diffSnapshots } from "~/components/trail-changes";
import { translate } from "~/i18n";
import { addMonthsToDay, formatDate, formatDateTime, startOfVnDay, vnDay } from "~/lib/time";
import { parseVnDay } from "~/lib/zod";
import { lastDailyFireDay, previousMonthKey } from "#jobs/periods";

describe("dates in Vietnam", () => {
  it("cuts days in Asia/Ho_Chi_Minh, whatever the server's zone", () => {
    expect(vnDay(new Date("2026-11-24T17:30:00Z"))).toBe("2026-11-25"); // 00:30 in Vietnam
    expect(formatDateTime(new Date("2026-11-24T17:30:00Z"))).toBe("25/11/2026 00:30");
    expect(formatDate("2025-07-01")).toBe("01/07/2025");
  });
  it("starts a day at midnight in Vietnam, not at midnight where the server runs", () => {
    expect(startOfVnDay("2026-12-01").toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(vnDay(startOfVnDay("2026-12-01"))).toBe("2026-12-01");
    expect(vnDay(startOfVnDay("2026-12-01").getTime() - 1)).toBe("2026-11-30");
  });
  it("reads dd/mm/yyyy and refuses impossible days", () => {
    expect(parseVnDay("1/7/2025")).toBe("2025-07-01");
    expect(parseVnDay("2025-07-01")).toBe("2025-07-01");
    expect(parseVnDay("29/02/2025")).toBeUndefined();
    expect(parseVnDay("29/02/2024")).toBe("2024-02-29");
    expect(parseVnDay("07/2025")).toBeUndefined();
  });
  it("adds months the way a due date does (end of month clamps)", () => {
    expect(addMonthsToDay("2026-03-15", 2)).toBe("2026-05-15");
    expect(addMonthsToDay("2026-12-31", 2)).toBe("2027-02-28");
    expect(addMonthsToDay("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonthsToDay("2026-01-15", -13)).toBe("2024-12-15");
  });
  it("agrees with date-fns in Vietnam's zone on any day and any instant (the fast paths are not approximations)", () => {
    const days = fc
      .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(days, fc.integer({ min: -150, max: 150 }), (day, n) => {
        expect(addMonthsToDay(day, n)).toBe(format(addMonths(new TZDate(`${day}T12:00:00`, "Asia/Ho_Chi_Minh"), n), "yyyy-MM-dd"));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("1976-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const vn = new TZDate(d.getTime(), "Asia/Ho_Chi_Minh");
        expect(vnDay(d)).toBe(format(vn, "yyyy-MM-dd"));
        expect(formatDate(d)).toBe(format(vn, "dd/MM/yyyy"));
        expect(formatDateTime(d)).toBe(format(vn, "dd/MM/yyyy HH:mm"));
      }),
      { numRuns: 2000 },
    );
  });
  it("knows which nightly period is due and which month a run on the 1st reports", () => {
    expect(lastDailyFireDay(new Date("2026-11-24T18:30:00Z"), 2)).toBe("2026-11-24"); // 01:30 on the 25th
    expect(lastDailyFireDay(new Date("2026-11-24T19:30:00Z"), 2)).toBe("2026-11-25"); // 02:30 on the 25th
    expect(previousMonthKey(new Date("2026-11-30T18:00:00Z"))).toBe("2026-11"); // 01:00 on 1 Dec in Vietnam
  });
});

describe("unit rules", () => {
  it("allows the two-tier and the three-tier structure, not a commune under a commune", () => {
    expect(parentAllowed("commune", "province")).toBe(true);
    expect(parentAllowed("commune", "district")).toBe(true);
    expect(parentAllowed("commune", "commune")).toBe(false);
    expect(parentAllowed("province", null)).toBe(true);
    expect(parentAllowed("township", "province")).toBe(false);
  });
  it("validity is inclusive of both ends", () => {
    const u = { validFrom: "2025-07-01", validTo: null };
    expect(validOn(u, "2025-06-30")).toBe(false);
    expect(validOn(u, "2025-07-01")).toBe(true);
    expect(validOn({ validFrom: null, validTo: "2025-06-30" }, "2025-06-30")).toBe(true);
  });
  it("lineage may not loop", () => {
    const preds: Record<number, number[]> = { 2: [3], 3: [] };
    expect(lineageCreatesCycle(3, [2], (id) => preds[id] ?? [])).toBe(true);
    expect(lineageCreatesCycle(4, [2], (id) => preds[id] ?? [])).toBe(false);
  });
  it("scope prefixes drop those already covered", () => {
    expect(normalisePrefixes(["/1/4/", "/1/", "/1/4/9/", "/2/7/"])).toEqual(["/1/", "/2/7/"]);
  });
});

describe("sign-in throttling", () => {
  it("answers the first failures at once, then slows, then locks", () => {
    expect([1, 2, 3, 4, 5, 10].map(failureDelayMs)).toEqual([0, 0, 500, 1000, 2000, 4000]);
    expect(lockAfter(4, 0)).toBeNull();
    expect(lockAfter(5, 0)).toBe(15 * 60 * 1000);
  });
});

describe("i18n and history", () => {
  it("translates with parameters and falls back to Vietnamese", () => {
    expect(translate("vi", "dash.greeting", { name: "Ánh", unit: "Xã Lai Vung" })).toBe("Xin chào Ánh · phạm vi: Xã Lai Vung");
    expect(translate("en", "dash.greeting", { name: "Ánh", unit: "Xã Lai Vung" })).toBe("Hello Ánh · scope: Xã Lai Vung");
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });
  it("shows only the fields that changed", () => {
    expect(diffSnapshots(JSON.stringify({ a: 1, b: "x", updatedAt: 1 }), JSON.stringify({ a: 2, b: "x", updatedAt: 2 }))).toEqual([
      { field: "a", from: "1", to: "2" },
    ]);
  });
});
