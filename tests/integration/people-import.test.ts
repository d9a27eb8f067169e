import path from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trail, users } from "#db/schema";
import { changeOwnPassword } from "~/modules/auth/change-password.server";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { createSession, getSessionUser } from "~/modules/auth/sessions.server";
import { applyPeopleImport, previewPeopleImport, usernameFor } from "~/modules/people/bulk-import.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import { DomainError } from "~/lib/errors";
import * as account from "~/routes/account";
import * as documentsList from "~/routes/documents._index";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

// why: the routes read the connection through getDb(); point it at this file's copy of the demo database.
process.env.DATA_DIR = path.resolve("tests/.tmp/people-import-data");
const NOW = new Date("2026-11-25T03:00:00Z");

async function sheet(rows: string[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cán bộ");
  ws.addRow(["Họ và tên", "Chức vụ", "Vai trò", "Email", "Tên đăng nhập"]);
  for (const r of rows) ws.addRow(r);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "can-bo.xlsx");
}

describe("people in bulk", () => {
  let db: ReturnType<typeof testDb>;
  let tanDuong: number;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
    tanDuong = unitIdByCode(db, "DT-TANDUONG");
  });
  afterAll(() => closeTestDb(db));
  const admin = () => ctxOf(db, "quantri", NOW);

  it("previews each row (the account, or what is wrong), creates the valid ones with one-time passwords, in one go", async () => {
    expect(usernameFor("Bùi Thị Mỹ Linh")).toBe("linh.btm");
    const before = db.select().from(trail).all().length;
    const file = await sheet([
      ["Nguyễn Văn An", "Phó Chủ tịch UBND xã", "Lãnh đạo", "an.nv@tanduong.gov.vn", ""],
      ["Trần Thị Bình", "Công chức Tư pháp - Hộ tịch", "Cán bộ", "", ""],
      ["Lê Văn Cường", "Công chức Văn phòng", "Thư ký ISO", "", "cuong.iso"],
      ["Phạm Văn Dũng", "Công chức Địa chính", "Trưởng thôn", "", ""],
      ["Võ Thị Em", "Công chức Văn hóa", "Cán bộ", "khong-phai-email", ""],
      ["Đỗ Văn Giàu", "Công chức", "Cán bộ", "", "thuky.laivung"],
    ]);
    const p = await previewPeopleImport(admin(), { unitId: tanDuong, sheet: file });
    expect(p.valid).toBe(3);
    expect(p.rows.map((r) => [r.line, r.values.username, r.errors])).toEqual([
      [2, "an.nv", {}],
      [3, "binh.tt", {}],
      [4, "cuong.iso", {}],
      [5, "dung.pv", { role: ["peopleImport.errors.role"] }],
      [6, "em.vt", { email: ["errors.email"] }],
      [7, "thuky.laivung", { username: ["people.errors.usernameTaken"] }],
    ]);
    expect(db.select().from(trail).all().length).toBe(before); // a preview records nothing
    const rows = JSON.stringify(p.rows.filter((r) => r.account).map((r) => r.account));
    const done = await applyPeopleImport(admin(), { unitId: tanDuong, rows });
    expect(done.created.map((c) => [c.username, c.role])).toEqual([
      ["an.nv", "leader"],
      ["binh.tt", "officer"],
      ["cuong.iso", "officer"],
    ]);
    for (const c of done.created) {
      expect(c.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      const u = db.select().from(users).where(eq(users.username, c.username)).get()!;
      expect(u).toMatchObject({ unitId: tanDuong, mustChangePassword: true, active: true });
      expect(await verifyPassword(c.password, u.passwordHash)).toBe(true);
    }
    expect(new Set(done.created.map((c) => c.password)).size).toBe(3);
    // Never in clear anywhere: not in the trail.
    const written = JSON.stringify(db.select().from(trail).all().slice(before));
    for (const c of done.created) expect(written).not.toContain(c.password);
    expect(db.select().from(trail).all().length - before).toBe(4);
    // Sent again (a stale tab): refused whole, nothing more created.
    const again = (await applyPeopleImport(admin(), { unitId: tanDuong, rows }).catch((e) => e)) as DomainError;
    expect(again.messageKey).toBe("peopleImport.errors.changed");
  });

  it("at first sign-in every page leads to the account page until the person chooses a password", async () => {
    const u = db.select().from(users).where(eq(users.username, "binh.tt")).get()!;
    const token = createSession(db, u.id, NOW, 14);
    const cookie = (await commitSessionToken(token)).split(";")[0]!;
    const call = async (fn: (a: { request: Request; params: object; context: object }) => unknown, url: string) => {
      try {
        return (await fn({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
      } catch (e) {
        return e as Response;
      }
    };
    const blocked = await call(documentsList.loader as never, "/documents");
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("Location")).toBe("/account");
    const page = await call(account.loader as never, "/account");
    expect(page instanceof Response ? page.status : 200).toBe(200);
    const session = getSessionUser(db, token, NOW, 14)!;
    // The printed list gave the person their one-time password; here a known one stands in for it.
    db.update(users)
      .set({ passwordHash: await hashPassword("mot-lan-1234") })
      .where(eq(users.id, u.id))
      .run();
    await changeOwnPassword(ctxOf(db, "binh.tt", NOW), { currentPassword: "mot-lan-1234", newPassword: "Mat-khau-moi-2026", sessionId: session.sessionId });
    expect(db.select().from(users).where(eq(users.id, u.id)).get()!.mustChangePassword).toBe(false);
    const open = await call(documentsList.loader as never, "/documents");
    expect(open instanceof Response ? open.status : 200).toBe(200);
  });

  it("only an administrator imports, and only into a unit of their scope", async () => {
    const file = await sheet([["Ngô Văn Hải", "Công chức", "Cán bộ", "", ""]]);
    const officer = await previewPeopleImport(ctxOf(db, "thuky.tanduong", NOW), { unitId: tanDuong, sheet: file }).catch((e) => e);
    expect((officer as DomainError).messageKey).toBe("errors.forbidden");
    const longHo = unitIdByCode(db, "VL-LONGHO");
    const outside = await previewPeopleImport(admin(), { unitId: longHo, sheet: file }).catch((e) => e);
    expect((outside as DomainError).fieldErrors.unitId).toEqual(["errors.choose"]);
  });
});
