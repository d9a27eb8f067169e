import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trail, unitCertificates } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { demoCertificate, readPkcs12, toPkcs12 } from "~/modules/certificates/pkcs12.server";
import { uploadCertificate } from "~/modules/certificates/upload.server";
import { closeTestDb, ctxOf, TEST_NOW, testDb, unitIdByCode } from "../support/db";

// why a fixed clock: validity is judged at "now"; 25/11/2026 10:00 in Vietnam.
const NOW = new Date("2026-11-25T03:00:00Z");
const PASS = "MatKhau#2026";

const fileOf = (bytes: Uint8Array, name = "chung-thu.p12") => new File([new Uint8Array(bytes)], name, { type: "application/x-pkcs12" });

/** The field errors a refused upload carries (what the page shows beside each field). */
async function refusal(p: Promise<unknown>): Promise<Record<string, string[]>> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InvalidInputError);
  return (e as InvalidInputError).fieldErrors;
}

describe("a unit's signing certificate: upload and validation", () => {
  let db: ReturnType<typeof testDb>;
  let keysDir: string;
  let good: Buffer;
  beforeAll(() => {
    db = testDb({ seeded: true });
    keysDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "certs-")), "keys", "units");
    good = toPkcs12(demoCertificate("Xã Lai Vung", new Date("2026-06-01T00:00:00Z")), PASS);
  });
  afterAll(() => closeTestDb(db));

  it("the administrator installs a PKCS#12 file: the key goes to the keys folder, the certificate's facts to the database, the old one is kept as replaced", async () => {
    const unitId = unitIdByCode(db, "DT-LAIVUNG");
    const before = db.select().from(unitCertificates).where(eq(unitCertificates.unitId, unitId)).all();
    expect(before.filter((c) => c.replacedAt === null)).toHaveLength(1); // the seed's demo certificate
    const row = await uploadCertificate(ctxOf(db, "quantri", NOW), keysDir, unitId, { file: fileOf(good), passphrase: PASS });
    expect(row.isDemo).toBe(false);
    expect(row.subject).toBe("Xã Lai Vung (DEMO)");
    const key = path.join(keysDir, row.keyFile);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(key, "utf8")).toContain("BEGIN PRIVATE KEY");
    // No key material and no passphrase in the database.
    const raw = JSON.stringify(db.select().from(unitCertificates).all());
    expect(raw).not.toContain("PRIVATE KEY");
    expect(raw).not.toContain(PASS);
    const after = db.select().from(unitCertificates).where(eq(unitCertificates.unitId, unitId)).all();
    expect(after.filter((c) => c.replacedAt === null).map((c) => c.id)).toEqual([row.id]);
    expect(after).toHaveLength(before.length + 1);
    const rows = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "certificate"), eq(trail.entityId, String(row.id))))
      .all();
    expect(rows.map((r) => r.action)).toEqual(["upload"]);
    expect(rows[0]!.after).not.toContain(PASS);
  });

  it("a file made by OpenSSL 3 with its defaults (AES-256, PBKDF2, SHA-256 MAC) is read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openssl-"));
    const subj = "/C=VN/O=UBND xa Lai Vung/CN=UBND xa Lai Vung";
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650", "-subj", subj, "-keyout", `${dir}/k.pem`, "-out", `${dir}/c.pem`],
      { stdio: "ignore" },
    );
    execFileSync("openssl", ["pkcs12", "-export", "-inkey", `${dir}/k.pem`, "-in", `${dir}/c.pem`, "-out", `${dir}/x.p12`, "-passout", `pass:${PASS}`], {
      stdio: "ignore",
    });
    const b = readPkcs12(fs.readFileSync(`${dir}/x.p12`), PASS);
    expect(b.subject).toBe("UBND xa Lai Vung");
    expect(b.keyPem).toContain("BEGIN PRIVATE KEY");
    // A certificate-only export (no key) is refused as such.
    execFileSync("openssl", ["pkcs12", "-export", "-nokeys", "-in", `${dir}/c.pem`, "-out", `${dir}/nokey.p12`, "-passout", `pass:${PASS}`], {
      stdio: "ignore",
    });
    expect(() => readPkcs12(fs.readFileSync(`${dir}/nokey.p12`), PASS)).toThrow(/noKey/);
  });

  it("refusals come back beside their field, in words: wrong passphrase, not a PKCS#12 file, expired, not yet valid", async () => {
    const ctx = ctxOf(db, "quantri", NOW);
    const unitId = unitIdByCode(db, "DT-HOALONG");
    const current = () => db.select().from(unitCertificates).where(eq(unitCertificates.unitId, unitId)).all().length;
    const n = current();
    expect(await refusal(uploadCertificate(ctx, keysDir, unitId, { file: fileOf(good), passphrase: "sai" }))).toEqual({
      passphrase: ["certificates.errors.passphrase"],
    });
    expect(await refusal(uploadCertificate(ctx, keysDir, unitId, { file: fileOf(Buffer.from("%PDF-1.7 không phải chứng thư")), passphrase: PASS }))).toEqual({
      file: ["certificates.errors.unreadable"],
    });
    const expired = toPkcs12(demoCertificate("Xã Hòa Long", new Date("2020-01-01T00:00:00Z"), 2), PASS);
    expect(await refusal(uploadCertificate(ctx, keysDir, unitId, { file: fileOf(expired), passphrase: PASS }))).toEqual({
      file: ["certificates.errors.expired"],
    });
    const future = toPkcs12(demoCertificate("Xã Hòa Long", new Date("2027-03-01T00:00:00Z")), PASS);
    expect(await refusal(uploadCertificate(ctx, keysDir, unitId, { file: fileOf(future), passphrase: PASS }))).toEqual({
      file: ["certificates.errors.notYetValid"],
    });
    expect(current()).toBe(n); // nothing installed
  });

  it("only an administrator, only for a unit in their scope", async () => {
    const input = { file: fileOf(good), passphrase: PASS };
    await expect(uploadCertificate(ctxOf(db, "thuky.laivung", NOW), keysDir, unitIdByCode(db, "DT-LAIVUNG"), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(uploadCertificate(ctxOf(db, "quantri", NOW), keysDir, unitIdByCode(db, "VL-LONGHO"), input)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the upload page answers a wrong passphrase with the message beside the field, the passphrase not sent back", async () => {
    const { setDb } = await import("~/http/db.server");
    const { createSession } = await import("~/modules/auth/sessions.server");
    const { commitSessionToken } = await import("~/http/session.server");
    const page = await import("~/routes/units.$id.certificate");
    setDb(db);
    const adminId = ctxOf(db, "quantri", NOW).actor;
    const cookie = (await (commitSessionToken(createSession(db, (adminId as { id: number }).id, TEST_NOW, 14)) as unknown as Promise<string>)).split(";")[0]!;
    const unitId = String(unitIdByCode(db, "DT-HOALONG"));
    const body = new FormData();
    body.set("file", fileOf(good));
    body.set("passphrase", "sai-mat-khau");
    const request = new Request(`http://localhost/units/${unitId}/certificate`, { method: "POST", body, headers: { Cookie: cookie } });
    const reply = (await page.action({ request, params: { id: unitId }, context: {} })) as unknown as {
      data: Record<string, unknown>;
      init: { status: number };
    };
    expect(reply.init.status).toBe(400);
    expect(reply.data.error).toEqual({ "": ["errors.invalid"], passphrase: ["certificates.errors.passphrase"] });
    expect(JSON.stringify(reply.data)).not.toContain("sai-mat-khau");
    const { translate } = await import("~/i18n/index");
    expect(translate("vi", "certificates.errors.passphrase")).toBe("Mật khẩu không đúng: không mở được tệp.");
  });
});
