import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { caSignatures, users } from "#db/schema";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { capacitiesFor, signatureBlock, signatureLine, standingOf } from "~/modules/corrective-actions/capacity";
import { DomainError, InvalidInputError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { NOW, PASSWORD, proposed } from "./corrective-actions-helpers";

type DB = ReturnType<typeof testDb>;

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a domain error");
}

describe("signing capacities (Decree 30): TM. for the head, KT. only for a deputy, TL./TUQ. for delegated staff", () => {
  let db: DB;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));
  const sign = (username: string, actionId: number, capacity: "own" | "tm" | "kt" | "tl" | "tuq") =>
    acknowledgeCorrectiveAction(ctxOf(db, username, NOW), actionId, { password: PASSWORD, capacity });

  it("a chair may not sign KT. (signing for the head while being the head); TM. or own title are accepted", async () => {
    const { a } = proposed(db);
    const e = await rejection(sign("chutich.laivung", a.id, "kt"));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.fieldErrors).toEqual({ capacity: ["ca.errors.capacityNotAllowed"] });
    expect(db.select().from(caSignatures).where(eq(caSignatures.actionId, a.id)).all()).toHaveLength(0);
    await sign("chutich.laivung", a.id, "tm");
    expect(db.select().from(caSignatures).where(eq(caSignatures.actionId, a.id)).get()!.capacity).toBe("tm");
  });

  it("a vice-chair signs KT. only (not TM., not in their own title)", async () => {
    const { a } = proposed(db);
    expect((await rejection(sign("phochutich.laivung", a.id, "tm"))).fieldErrors).toEqual({ capacity: ["ca.errors.capacityNotAllowed"] });
    expect((await rejection(sign("phochutich.laivung", a.id, "own"))).fieldErrors).toEqual({ capacity: ["ca.errors.capacityNotAllowed"] });
    await sign("phochutich.laivung", a.id, "kt");
  });

  it("delegated staff sign TL. or TUQ., never KT. or TM.", async () => {
    const chair = db.select().from(users).where(eq(users.username, "chutich.laivung")).get()!;
    db.insert(users)
      .values({
        username: "chanhvp.laivung",
        fullName: "Phạm Thị Lan",
        title: "Chánh Văn phòng HĐND và UBND xã",
        unitId: unitIdByCode(db, "DT-LAIVUNG"),
        role: "leader",
        passwordHash: chair.passwordHash,
        passwordChangedAt: NOW.getTime(),
        createdAt: NOW.getTime(),
        updatedAt: NOW.getTime(),
      })
      .run();
    const { a } = proposed(db);
    expect((await rejection(sign("chanhvp.laivung", a.id, "kt"))).fieldErrors).toEqual({ capacity: ["ca.errors.capacityNotAllowed"] });
    expect((await rejection(sign("chanhvp.laivung", a.id, "tm"))).fieldErrors).toEqual({ capacity: ["ca.errors.capacityNotAllowed"] });
    await sign("chanhvp.laivung", a.id, "tuq");
  });

  it("who may use which capacity, and the block in Decree 30 order: capacity line, title, name", () => {
    expect(standingOf("Chủ tịch UBND xã")).toBe("head");
    expect(standingOf("Phó Chủ tịch UBND xã")).toBe("deputy");
    expect(standingOf("Công chức Văn phòng - Thống kê")).toBe("staff");
    expect(capacitiesFor("head")).toEqual(["own", "tm"]);
    expect(capacitiesFor("deputy")).toEqual(["kt"]);
    expect(capacitiesFor("staff")).toEqual(["tl", "tuq"]);
    expect(capacitiesFor(standingOf(null))).toEqual(["own"]);
    expect(signatureBlock("tm", "Chủ tịch UBND xã")).toEqual({ capacity: "TM. Ủy ban nhân dân", title: "Chủ tịch" });
    expect(signatureBlock("kt", "Phó Chủ tịch UBND xã")).toEqual({ capacity: "KT. Chủ tịch", title: "Phó Chủ tịch" });
    // The prefix never sits before the name: "KT. Huỳnh Thanh Tâm" read as signing on that person's behalf.
    expect(signatureLine("kt", "Phó Chủ tịch UBND xã", "Huỳnh Thanh Tâm")).toBe("KT. Chủ tịch – Phó Chủ tịch – Huỳnh Thanh Tâm");
    expect(signatureLine("own", "Chủ tịch UBND xã", "Nguyễn Hữu Phước")).toBe("Chủ tịch – Nguyễn Hữu Phước");
  });
});
