import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceGrid, unitCompliance } from "~/modules/compliance/queries.server";
import { scopeFor } from "~/modules/units/scope.server";
import { actorOf, closeTestDb, testDb, unitIdByCode } from "../support/db";

describe("compliance computed from the records of every area", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));
  const state = (code: string, viewer: string, day = "2026-11-25") =>
    Object.fromEntries(unitCompliance(db, scopeFor(db, actorOf(db, viewer)), unitIdByCode(db, code), day).obligations.map((o) => [o.key, o.state]));

  it("Lai Vung: audited, reviewed and confirmed in 2026 (demo), with overdue documents and actions flagged", () => {
    const s = state("DT-LAIVUNG", "chutich.laivung");
    expect(s.announced).toBe("ok"); // announced 15/09/2025; its catalogue was published before
    expect(s.internalAudit).toBe("ok");
    expect(s.managementReview).toBe("ok");
    expect(s.effectiveness).toBe("ok");
    expect(s.documentsCurrent).toBe("missing"); // QT 03 is past its 3-month update clock in the demo
    expect(s.coverage).toBe("missing"); // 5 of its procedures have no process document
  });

  it("Hòa Long: no internal audit, and inspection findings past their two-month due date", () => {
    const s = state("DT-HOALONG", "kiemtra.tinh");
    expect(s.internalAudit).toBe("missing");
    expect(s.inspectionActionsReported).toBe("missing");
  });

  it("the area grid lists the province's units active on the day, never another province's, with a score each", () => {
    const grid = complianceGrid(db, scopeFor(db, actorOf(db, "kiemtra.tinh")), "2026-11-25", { sort: "score" });
    const names = grid.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Xã Lai Vung", "Xã Hòa Long", "Xã Phong Hòa", "Xã Tân Dương", "Tỉnh Đồng Tháp"]));
    expect(names).not.toContain("Xã Long Hồ");
    expect(names).not.toContain("Huyện Lai Vung"); // dissolved on 30/06/2025
    expect(grid.rows.every((r) => r.score === null || (r.score >= 0 && r.score <= 100))).toBe(true);
    const scores = grid.rows.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const failingAudit = complianceGrid(db, scopeFor(db, actorOf(db, "kiemtra.tinh")), "2026-11-25", { missing: "internalAudit" });
    expect(failingAudit.rows.map((r) => r.name)).toContain("Xã Hòa Long");
    expect(failingAudit.rows.map((r) => r.name)).not.toContain("Xã Lai Vung");
  });

  it("a commune leader's grid holds only their commune", () => {
    const grid = complianceGrid(db, scopeFor(db, actorOf(db, "chutich.phonghoa")), "2026-11-25");
    expect(grid.rows.map((r) => r.name)).toEqual(["Xã Phong Hòa"]);
  });
});
