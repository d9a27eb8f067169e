import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { trail, units } from "#db/schema";
import { createUser, updateUser } from "~/modules/people/save-user.server";
import { createUnit, updateUnit } from "~/modules/units/save-unit.server";
import { ForbiddenError, InvalidInputError, ConflictError, NotFoundError } from "~/lib/errors";
import { verifyTrail } from "~/modules/trail/verify.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

describe("units and accounts, administered within scope, every change in the trail", () => {
  let db: ReturnType<typeof testDb>;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  const unitInput = (over: Record<string, unknown> = {}) => ({
    code: "DT-MYAN",
    name: "Xã Mỹ An Hưng",
    kind: "commune" as const,
    parentId: unitIdByCode(db, "DT"),
    placeName: "Mỹ An Hưng",
    validFrom: "2025-07-01",
    predecessorIds: [],
    ...over,
  });

  it("an administrator creates a commune under the province; path, trail and lineage follow", () => {
    const ctx = ctxOf(db, "quantri");
    const u = createUnit(ctx, unitInput({ predecessorIds: [unitIdByCode(db, "DT-LV-TD")] }));
    const province = db.select().from(units).where(eq(units.code, "DT")).get()!;
    expect(u.path).toBe(`${province.path}${u.id}/`);
    const rows = db
      .select()
      .from(trail)
      .where(eq(trail.entityId, String(u.id)))
      .all();
    expect(rows.map((r) => r.action)).toEqual(["create"]);
    expect(JSON.parse(rows[0]!.after!).name).toBe("Xã Mỹ An Hưng");
    expect(verifyTrail(db).ok).toBe(true);
  });

  it("refuses a duplicate code, a commune under a commune, and a parent outside the admin's province", () => {
    const ctx = ctxOf(db, "quantri");
    expect(() => createUnit(ctx, unitInput({ code: "DT-LAIVUNG" }))).toThrow(ConflictError);
    expect(() => createUnit(ctx, unitInput({ parentId: unitIdByCode(db, "DT-HOALONG") }))).toThrow(InvalidInputError);
    expect(() => createUnit(ctx, unitInput({ parentId: unitIdByCode(db, "VL") }))).toThrow(InvalidInputError);
  });

  it("only administrators manage units", () => {
    expect(() => createUnit(ctxOf(db, "canbo.tinh"), unitInput())).toThrow(ForbiddenError);
    expect(() => createUnit(ctxOf(db, "chutich.laivung"), unitInput())).toThrow(ForbiddenError);
  });

  it("moving a unit rewrites the paths of its whole subtree", () => {
    const ctx = ctxOf(db, "quantri");
    const district = createUnit(ctx, unitInput({ code: "DT-NEW", name: "Huyện Mới", kind: "district", placeName: "Mới" }));
    const commune = createUnit(ctx, unitInput({ code: "DT-NEW-A", name: "Xã A", parentId: district.id, placeName: "A" }));
    const other = createUnit(ctx, unitInput({ code: "DT-NEW2", name: "Huyện Khác", kind: "district", placeName: "Khác" }));
    updateUnit(ctx, commune.id, unitInput({ code: "DT-NEW-A", name: "Xã A", parentId: other.id, placeName: "A" }));
    const moved = db.select().from(units).where(eq(units.id, commune.id)).get()!;
    expect(moved.path).toBe(`${other.path}${commune.id}/`);
    expect(() =>
      updateUnit(ctx, district.id, unitInput({ code: "DT-NEW", name: "Huyện Mới", kind: "district", parentId: district.id, placeName: "Mới" })),
    ).toThrow(InvalidInputError);
  });

  it("an administrator of one province cannot reach accounts or units of another", async () => {
    const ctx = ctxOf(db, "quantri");
    const longHo = unitIdByCode(db, "VL-LONGHO");
    await expect(createUser(ctx, { username: "x.y", fullName: "Người Lạ", unitId: longHo, role: "officer", password: "12345678" })).rejects.toThrow(
      InvalidInputError,
    );
    const foreignUser = db.select().from(units).where(eq(units.code, "VL-LONGHO")).get()!;
    expect(() => updateUnit(ctx, foreignUser.id, unitInput({ code: "VL-LONGHO" }))).toThrow(NotFoundError);
  });

  it("creating and editing an account is trailed without the password hash", async () => {
    const ctx = ctxOf(db, "quantri");
    const u = await createUser(ctx, {
      username: "vanthu.laivung",
      fullName: "Ngô Thị Văn",
      unitId: unitIdByCode(db, "DT-LAIVUNG"),
      role: "officer",
      password: "MatKhau#123",
    });
    updateUser(ctx, u.id, { username: "vanthu.laivung", fullName: "Ngô Thị Vân", unitId: unitIdByCode(db, "DT-LAIVUNG"), role: "leader" });
    const rows = db
      .select()
      .from(trail)
      .where(eq(trail.entity, "user"))
      .all()
      .filter((r) => r.entityId === String(u.id));
    expect(rows.map((r) => r.action)).toEqual(["create", "update"]);
    expect(rows.every((r) => !(r.after ?? "").includes("scrypt$"))).toBe(true);
    expect(JSON.parse(rows[1]!.before!).fullName).toBe("Ngô Thị Văn");
    expect(JSON.parse(rows[1]!.after!).role).toBe("leader");
  });
});
