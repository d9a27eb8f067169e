import { makeCtx } from "~/modules/context.server";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import { DEMO_PASSWORD } from "#db/seed";
import { changeOwnPassword } from "~/modules/auth/change-password.server";
import { getSessionUser } from "~/modules/auth/sessions.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { resetPassword, setUserActive } from "~/modules/people/save-user.server";
import { InvalidInputError } from "~/lib/errors";
import { closeTestDb, ctxOf, testDb } from "../support/db";

const T0 = new Date("2026-11-25T03:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("sign-in, sessions and throttling", () => {
  let db: ReturnType<typeof testDb>;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  const attempt = (username: string, password: string, now = T0, ip = "10.0.0.1") => signIn(db, { username, password, ip, now, sessionDays: 14 });

  it("the right password opens a session that resolves to the person and their unit", async () => {
    const r = await attempt("chutich.laivung", DEMO_PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const u = getSessionUser(db, r.token, T0, 14);
    expect(u?.name).toBe("Nguyễn Hữu Phước");
    expect(u?.unitName).toBe("Xã Lai Vung");
    expect(u?.role).toBe("leader");
  });

  it("a wrong password and an unknown name get the same answer", async () => {
    const a = await attempt("chutich.laivung", "wrong-password");
    const b = await attempt("nobody.here", "wrong-password");
    expect(a).toMatchObject({ ok: false, reason: "invalid" });
    expect(b).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("five failures lock the account for 15 minutes, even against the right password, then it opens again", async () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await attempt("thuky.hoalong", "wrong", at(i * 1000));
      if (!r.ok) delays.push(r.delayMs);
    }
    expect(delays.slice(0, 2)).toEqual([0, 0]);
    expect(delays[3]!).toBeGreaterThan(delays[2]!); // slows down before locking
    const locked = await attempt("thuky.hoalong", DEMO_PASSWORD, at(60_000));
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    const later = await attempt("thuky.hoalong", DEMO_PASSWORD, at(16 * 60_000));
    expect(later.ok).toBe(true);
    expect(db.select().from(users).where(eq(users.username, "thuky.hoalong")).get()?.failedLogins).toBe(0);
  });

  it("an address with 30 failures in 15 minutes is refused, other addresses are not", async () => {
    for (let i = 0; i < 30; i++) await attempt(`guess${i}`, "x", at(i), "10.9.9.9");
    expect(await attempt("thuky.laivung", DEMO_PASSWORD, at(100), "10.9.9.9")).toMatchObject({ ok: false, reason: "ipThrottled" });
    expect((await attempt("thuky.laivung", DEMO_PASSWORD, at(100), "10.0.0.2")).ok).toBe(true);
  }, 60_000);

  it("changing one's password ends the other sessions but keeps the current one", async () => {
    const s1 = await attempt("thuky.laivung", DEMO_PASSWORD);
    const s2 = await attempt("thuky.laivung", DEMO_PASSWORD);
    if (!s1.ok || !s2.ok) throw new Error("sign-in failed");
    const me = getSessionUser(db, s1.token, T0, 14)!;
    await expect(changeOwnPassword(makeCtx(db, me, T0), { currentPassword: "nope", newPassword: "MatKhauMoi#2026", sessionId: me.sessionId })).rejects.toThrow(
      InvalidInputError,
    );
    await changeOwnPassword(makeCtx(db, me, T0), { currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi#2026", sessionId: me.sessionId });
    expect(getSessionUser(db, s1.token, T0, 14)).toBeDefined();
    expect(getSessionUser(db, s2.token, T0, 14)).toBeUndefined();
    expect((await attempt("thuky.laivung", DEMO_PASSWORD)).ok).toBe(false);
    expect((await attempt("thuky.laivung", "MatKhauMoi#2026")).ok).toBe(true);
  });

  it("deactivation and a password reset by an administrator end every session of the account", async () => {
    const s = await attempt("thuky.tanduong", DEMO_PASSWORD);
    if (!s.ok) throw new Error("sign-in failed");
    const admin = ctxOf(db, "quantri", T0);
    await resetPassword(admin, s.userId, "DatLai#2026x");
    expect(getSessionUser(db, s.token, T0, 14)).toBeUndefined();
    const s2 = await attempt("thuky.tanduong", "DatLai#2026x");
    if (!s2.ok) throw new Error("sign-in failed");
    setUserActive(admin, s2.userId, false);
    expect(getSessionUser(db, s2.token, T0, 14)).toBeUndefined();
    expect(db.select().from(sessions).where(eq(sessions.userId, s2.userId)).all()).toHaveLength(0);
    expect(await attempt("thuky.tanduong", "DatLai#2026x")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("a session expires after its lifetime", async () => {
    const s = await attempt("chutich.hoalong", DEMO_PASSWORD);
    if (!s.ok) throw new Error("sign-in failed");
    expect(getSessionUser(db, s.token, at(13 * 86_400_000), 14)).toBeDefined();
    // the read above slid the expiry forward; 15 days of silence after it ends the session
    expect(getSessionUser(db, s.token, at(29 * 86_400_000), 14)).toBeUndefined();
  });
});
