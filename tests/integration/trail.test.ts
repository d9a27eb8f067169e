import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { trail, units } from "#db/schema";
import { recordTrail } from "~/modules/trail/record.server";
import { verifyTrail } from "~/modules/trail/verify.server";
import { write } from "~/modules/tx.server";
import { closeTestDb, ctxOf, testDb } from "../support/db";

describe("the audit trail", () => {
  let db: ReturnType<typeof testDb>;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  it("a change and its trail row commit or roll back together", () => {
    const ctx = ctxOf(db, "quantri");
    const before = db.select().from(trail).all().length;
    expect(() =>
      write(ctx, (tx) => {
        tx.update(units).set({ name: "Tên tạm" }).where(eq(units.code, "DT-LAIVUNG")).run();
        recordTrail(tx, ctx, { entity: "unit", entityId: 1, action: "update" });
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(db.select().from(trail).all().length).toBe(before);
    expect(db.select().from(units).where(eq(units.code, "DT-LAIVUNG")).get()?.name).toBe("Xã Lai Vung");
  });

  it("the hash chain shows an altered row and a removed row", () => {
    const ctx = ctxOf(db, "quantri");
    for (let i = 0; i < 5; i++) write(ctx, (tx) => recordTrail(tx, ctx, { entity: "test", entityId: i, action: "update", after: { i } }));
    expect(verifyTrail(db).ok).toBe(true);
    const third = db.select().from(trail).all()[3]!;
    db.update(trail)
      .set({ after: JSON.stringify({ i: 99 }) })
      .where(eq(trail.id, third.id))
      .run();
    expect(verifyTrail(db)).toMatchObject({ ok: false, brokenAtId: third.id });
    db.update(trail).set({ after: third.after }).where(eq(trail.id, third.id)).run();
    expect(verifyTrail(db).ok).toBe(true);
    db.delete(trail).where(eq(trail.id, third.id)).run();
    expect(verifyTrail(db)).toMatchObject({ ok: false, brokenAtId: third.id + 1 });
  });
});
