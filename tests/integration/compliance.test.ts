import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { complianceGrid, unitCompliance } from "~/modules/compliance/queries.server";
import { clearReadCache } from "~/modules/read-cache.server";
import { recordManagementReview } from "~/modules/qms-records/record.server";
import { recordTrail } from "~/modules/trail/record.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

describe("compliance computed from the records of every area", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));
  /** The viewer's ctx on a day (in the morning, Vietnam time). */
  const on = (viewer: string, day = "2026-11-25") => ctxOf(db, viewer, new Date(`${day}T03:00:00Z`));
  const state = (code: string, viewer: string, day = "2026-11-25") =>
    Object.fromEntries(unitCompliance(on(viewer, day), unitIdByCode(db, code)).obligations.map((o) => [o.key, o.state]));

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
    const grid = complianceGrid(on("kiemtra.tinh"), { sort: "score" });
    const names = grid.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Xã Lai Vung", "Xã Hòa Long", "Xã Phong Hòa", "Xã Tân Dương", "Tỉnh Đồng Tháp"]));
    expect(names).not.toContain("Xã Long Hồ");
    expect(names).not.toContain("Huyện Lai Vung"); // dissolved on 30/06/2025
    expect(grid.rows.every((r) => r.score === null || (r.score >= 0 && r.score <= 100))).toBe(true);
    const scores = grid.rows.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const failingAudit = complianceGrid(on("kiemtra.tinh"), { missing: "internalAudit" });
    expect(failingAudit.rows.map((r) => r.name)).toContain("Xã Hòa Long");
    expect(failingAudit.rows.map((r) => r.name)).not.toContain("Xã Lai Vung");
  });

  it("a commune leader's grid holds only their commune", () => {
    const grid = complianceGrid(on("chutich.phonghoa"));
    expect(grid.rows.map((r) => r.name)).toEqual(["Xã Phong Hòa"]);
  });

  describe("the per-unit facts cache (compliance_facts)", () => {
    const cached = (code: string) =>
      db.get<{ day: string; facts: string } | undefined>(sql`SELECT day, facts FROM compliance_facts WHERE unit_id = ${unitIdByCode(db, code)}`);

    it("serves a unit's facts from its row for the day, and recomputes them on another day", () => {
      complianceGrid(on("kiemtra.tinh"));
      expect(cached("DT-PHONGHOA")?.day).toBe("2026-11-25");
      expect(state("DT-PHONGHOA", "kiemtra.tinh").announced).toBe("missing"); // the demo: not announced yet
      // Prove the row is what is read: forge it (as if the records said "announced"), read, then restore.
      const id = unitIdByCode(db, "DT-PHONGHOA");
      const row = cached("DT-PHONGHOA")!;
      const forged = JSON.parse(row.facts) as { v: number; f: Record<string, unknown> };
      forged.f.lastAnnouncedOn = "2026-01-01";
      forged.f.scopeChangedOn = null;
      db.run(sql`UPDATE compliance_facts SET facts = ${JSON.stringify(forged)} WHERE unit_id = ${id}`);
      // (a forged row leaves no trail row: the page's own read cache, above the facts, is dropped by hand)
      clearReadCache();
      expect(state("DT-PHONGHOA", "kiemtra.tinh").announced).toBe("ok");
      // Another day is another row: gathered again from the records.
      expect(state("DT-PHONGHOA", "kiemtra.tinh", "2026-11-26").announced).toBe("missing");
      expect(cached("DT-PHONGHOA")?.day).toBe("2026-11-26");
    });

    it("a change to a unit's records makes its facts stale in the same transaction, and leaves its siblings' rows", async () => {
      complianceGrid(on("kiemtra.tinh"));
      expect(state("DT-HOALONG", "kiemtra.tinh").managementReview).toBe("missing");
      expect(cached("DT-HOALONG")).toBeDefined();
      expect(cached("DT-TANDUONG")).toBeDefined();
      await recordManagementReview(ctxOf(db, "thuky.hoalong"), unitIdByCode(db, "DT-HOALONG"), {
        heldOn: "2026-11-20",
        chairedBy: "Phan Văn Đức",
        inputs: "Kết quả đánh giá nội bộ.",
        decisions: "Cập nhật quy trình.",
      });
      expect(cached("DT-HOALONG")).toBeUndefined();
      expect(cached("DT-TANDUONG")).toBeDefined();
      expect(state("DT-HOALONG", "kiemtra.tinh").managementReview).not.toBe("missing");
    });

    it("a change recorded on a province makes every unit below it stale", () => {
      complianceGrid(on("kiemtra.tinh"));
      complianceGrid(on("thuky.longho"));
      expect(cached("DT-LAIVUNG")).toBeDefined();
      expect(cached("VL-LONGHO")).toBeDefined();
      const province = db.get<{ unitId: number }>(sql`SELECT parent_id AS unitId FROM units WHERE id = ${unitIdByCode(db, "DT-LAIVUNG")}`).unitId;
      db.transaction((tx) => recordTrail(tx, ctxOf(db, "quantri"), { entity: "legal_change", entityId: 0, action: "update", unitId: province }));
      expect(cached("DT-LAIVUNG")).toBeUndefined();
      expect(cached("VL-LONGHO")).toBeDefined(); // another province: untouched
    });
  });
});
