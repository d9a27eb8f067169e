import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { getUnitInScopeOrThrow, scopeFor } from "~/modules/units/scope.server";
import { NotFoundError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

describe("who reads which units", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));

  const codes = (username: string) => listUnitsInScope(ctxOf(db, username)).map((u) => u.code);

  it("a province inspector reads every unit of the province, not another province", () => {
    const c = codes("kiemtra.tinh");
    expect(c).toContain("DT-LAIVUNG");
    expect(c).toContain("DT-LV-TD");
    expect(c).not.toContain("VL");
    expect(c).not.toContain("VL-LONGHO");
  });

  it("a commune leader reads their commune and its predecessors, never a sibling or the parent", () => {
    const c = codes("chutich.laivung");
    expect(c.sort()).toEqual(["DT-LAIVUNG", "DT-LV-LT", "DT-LV-TTH", "DT-LV-TTLV"].sort());
    expect(c).not.toContain("DT-HOALONG");
    expect(c).not.toContain("DT");
  });

  it("an out-of-scope unit answers not found (its existence is not revealed)", () => {
    const actor = actorOf(db, "thuky.hoalong");
    expect(() => getUnitInScopeOrThrow(db, scopeFor(db, actor), unitIdByCode(db, "DT-LAIVUNG"))).toThrow(NotFoundError);
    expect(getUnitInScopeOrThrow(db, scopeFor(db, actor), unitIdByCode(db, "DT-LV-HL")).code).toBe("DT-LV-HL");
  });

  it("a district officer reads the old district's communes and, since the district ended, the communes formed from them", () => {
    const c = codes("canbo.huyen");
    expect(c).toContain("DT-LV-PH");
    expect(c).toContain("DT-PHONGHOA");
    expect(c).not.toContain("DT");
  });
});
