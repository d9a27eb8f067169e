import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { complianceGrid, unitCompliance } from "~/modules/compliance/queries.server";
import { dashboardData } from "~/modules/dashboard/queries.server";
import { createInspection, inspectableUnits } from "~/modules/inspections/save.server";
import { requestReport } from "~/modules/reports/request.server";
import { endedUnitNotice, listUnitsInScope } from "~/modules/units/queries.server";
import { ForbiddenError, InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import { accountsOfEndedUnits, moveToSuccessor } from "~/modules/people/move-to-successor.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

// The 1 July 2025 reform: Huyện Lai Vung and its 12 communes ended on 30/06/2025; four communes were formed from them.
describe("units that have ended (the 2025 reform)", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));

  const codes = (username: string, at?: Date) => listUnitsInScope(ctxOf(db, username, at)).map((u) => u.code);
  const SUCCESSORS = ["DT-LAIVUNG", "DT-HOALONG", "DT-PHONGHOA", "DT-TANDUONG"];

  it("a person of a dissolved unit keeps reading its history, and their work moves with its successors", () => {
    const c = codes("canbo.huyen");
    expect(c).toEqual(expect.arrayContaining(["DT-LV", "DT-LV-PH", "DT-LV-TTLV", ...SUCCESSORS]));
    expect(c).not.toContain("DT");
    expect(c).not.toContain("VL-LONGHO");
    // Before the reform, the district's officer read the district only.
    const before = codes("canbo.huyen", new Date("2025-06-10T03:00:00Z"));
    expect(before).toContain("DT-LV-PH");
    expect(before).not.toContain("DT-PHONGHOA");
  });

  it("their compliance page lists the successor communes (not 0 units), and their home page does not score the dissolved district today", () => {
    const ctx = ctxOf(db, "canbo.huyen");
    const grid = complianceGrid(ctx);
    expect(grid.rows.map((r) => r.code).sort()).toEqual([...SUCCESSORS].sort());
    const home = dashboardData(ctx as Parameters<typeof dashboardData>[0], "vi");
    expect(home.compliance.units).toBe(4);
    expect(home.compliance.own).toBeNull();
    expect(endedUnitNotice(ctx)).toEqual({ unit: "Huyện Lai Vung", date: "2025-06-30", successors: expect.arrayContaining(["Xã Lai Vung", "Xã Tân Dương"]) });
    expect(endedUnitNotice(ctxOf(db, "thuky.laivung"))).toBeUndefined();
  });

  it("a dissolved unit is never scored as of a date after its end: its obligations are those of its last day", () => {
    const district = unitIdByCode(db, "DT-LV");
    const today = unitCompliance(ctxOf(db, "kiemtra.tinh"), district);
    const lastDay = unitCompliance(ctxOf(db, "kiemtra.tinh", new Date("2025-06-30T10:00:00Z")), district);
    expect(today.asOf).toBe("2025-06-30");
    expect(today.ended).toBe("2025-06-30");
    expect(today.obligations).toEqual(lastDay.obligations);
    expect(today.score).toBe(lastDay.score);
    expect(today.successors.map((s) => s.name).sort()).toEqual(["Xã Hòa Long", "Xã Lai Vung", "Xã Phong Hòa", "Xã Tân Dương"]);
    // A unit that still exists is scored today.
    expect(unitCompliance(ctxOf(db, "kiemtra.tinh"), unitIdByCode(db, "DT-LAIVUNG"))).toMatchObject({ asOf: "2026-11-25", ended: null });
  });

  it("a dissolved unit gets no report for a period after its end; its last periods stay reportable", () => {
    const ctx = ctxOf(db, "canbo.tinh");
    const unitId = unitIdByCode(db, "DT-LV-TTLV");
    let error: unknown;
    try {
      requestReport(ctx, { kind: "unit", unitId, period: "2026-10" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors).toEqual({ period: ["reports.errors.afterUnitEnd"] });
    expect(requestReport(ctx, { kind: "unit", unitId, period: "2025-06" }).status).toBe("queued");
  });

  it("the demo's district inspector (now on the province's inspection team) inspects a successor commune", () => {
    const ctx = ctxOf(db, "kiemtra.huyen");
    expect(inspectableUnits(ctx).map((u) => u.code)).toEqual(expect.arrayContaining(SUCCESSORS));
    const me = db.select().from(users).where(eq(users.username, "kiemtra.huyen")).get()!;
    const row = createInspection(ctx, {
      unitId: unitIdByCode(db, "DT-TANDUONG"),
      method: "on_site",
      decisionNumber: "12/QĐ-SKHCN",
      decisionOn: "2026-11-20",
      leadId: me.id,
      teamIds: [],
    });
    expect(row.unitId).toBe(unitIdByCode(db, "DT-TANDUONG"));
  });

  it("an inspector left in a dissolved district inspects the communes formed from it, not the rest of the province", () => {
    const district = db.select().from(users).where(eq(users.username, "canbo.huyen")).get()!;
    db.update(users).set({ role: "inspector" }).where(eq(users.id, district.id)).run();
    try {
      const inspectable = inspectableUnits(ctxOf(db, "canbo.huyen")).map((u) => u.code);
      expect(inspectable).toEqual(expect.arrayContaining(SUCCESSORS));
      expect(inspectable).toContain("DT-LV-PH");
      expect(inspectable).not.toContain("DT");
    } finally {
      db.update(users).set({ role: district.role }).where(eq(users.id, district.id)).run();
    }
  });

  it("the administrator is shown who must be moved, with the units formed from theirs, and moves one in one action (a trail row)", () => {
    const admin = ctxOf(db, "quantri");
    const list = accountsOfEndedUnits(admin);
    const huyen = list.find((a) => a.username === "canbo.huyen")!;
    expect(huyen).toMatchObject({ unitName: "Huyện Lai Vung", validTo: "2025-06-30" });
    expect(huyen.successors.map((s) => s.name).sort()).toEqual(["Xã Hòa Long", "Xã Lai Vung", "Xã Phong Hòa", "Xã Tân Dương"]);
    expect(list.map((a) => a.username)).not.toContain("thuky.laivung");
    expect(() => accountsOfEndedUnits(ctxOf(db, "canbo.tinh"))).toThrow(ForbiddenError);

    const me = db.select().from(users).where(eq(users.username, "canbo.huyen")).get()!;
    expect(() => moveToSuccessor(ctxOf(db, "canbo.tinh"), me.id, unitIdByCode(db, "DT-LAIVUNG"))).toThrow(ForbiddenError);
    expect(() => moveToSuccessor(admin, me.id, unitIdByCode(db, "VL-LONGHO"))).toThrow(InvalidInputError);
    const current = db.select().from(users).where(eq(users.username, "thuky.hoalong")).get()!;
    expect(() => moveToSuccessor(admin, current.id, unitIdByCode(db, "DT-LAIVUNG"))).toThrow(PreconditionFailedError);
    const trailBefore = (db.$client.prepare("SELECT count(*) AS n FROM trail").get() as { n: number }).n;
    try {
      expect(moveToSuccessor(admin, me.id, unitIdByCode(db, "DT-LAIVUNG"))).toEqual({ name: "Võ Thị Hạnh", unit: "Xã Lai Vung" });
      expect(db.select().from(users).where(eq(users.id, me.id)).get()!.unitId).toBe(unitIdByCode(db, "DT-LAIVUNG"));
      expect((db.$client.prepare("SELECT count(*) AS n FROM trail").get() as { n: number }).n).toBe(trailBefore + 1);
      expect(accountsOfEndedUnits(admin).map((a) => a.username)).not.toContain("canbo.huyen");
    } finally {
      db.update(users).set({ unitId: me.unitId }).where(eq(users.id, me.id)).run();
    }
  });
});
