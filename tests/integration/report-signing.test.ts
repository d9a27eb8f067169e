import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reports, unitCertificates } from "#db/schema";
import { readConfig } from "~/lib/config.server";
import { produceQueued } from "~/modules/reports/produce.server";
import { requestReport } from "~/modules/reports/request.server";
import { verifyBytes } from "~/modules/reports/verify.server";
import { unitKeysDir, UnitSigners } from "~/modules/certificates/sign.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { SEEDED_KEYS } from "../support/global-setup";
import { pdfText } from "../unit/templates-pdftext";

// why a fixed clock: the visible block prints the signing time; 25/11/2026 10:00:00 in Vietnam.
const NOW = new Date("2026-11-25T03:00:00Z");

/** pdfsig's verdict on a file (it exits non-zero for an invalid signature: its output is what counts). */
function pdfsig(file: string): string {
  const r = spawnSync("pdfsig", ["-nocert", file], { encoding: "utf8" });
  return `${r.stdout}\n${r.stderr}`;
}

describe("issued reports are signed with their unit's certificate (PAdES)", () => {
  let db: ReturnType<typeof testDb>;
  let config: ReturnType<typeof readConfig>;
  const deps = () => ({ reportsDir: config.reportsDir, baseUrl: "https://iso.dongthap.gov.vn" });
  beforeAll(() => {
    db = testDb({ seeded: true });
    config = readConfig({ ...process.env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "signing-")), APP_ROOT: process.cwd() });
    // The demo units' keys made at seed, in this data folder (as the server's seed puts them in its own).
    fs.cpSync(SEEDED_KEYS, unitKeysDir(config.dataDir), { recursive: true });
  });
  afterAll(() => closeTestDb(db));

  async function issue(unitCode: string, username: string) {
    const ctx = ctxOf(db, username, NOW);
    const row = requestReport(ctx, { kind: "unit", unitId: unitIdByCode(db, unitCode), period: "2026-10" });
    const done = (await produceQueued(db, row.id, deps(), NOW))!;
    expect(done.status).toBe("done");
    return { done, file: path.join(config.reportsDir, done.file!) };
  }

  it("pdfsig finds a valid signature by the unit's certificate, and the page shows who signed, for whom and when", async () => {
    const { done, file } = await issue("DT-LAIVUNG", "thuky.laivung");
    const cert = db
      .select()
      .from(unitCertificates)
      .where(eq(unitCertificates.unitId, unitIdByCode(db, "DT-LAIVUNG")))
      .get()!;
    expect(cert.isDemo).toBe(true);
    expect(done.certificateId).toBe(cert.id);
    expect(done.unsignedReason).toBeNull();
    const out = pdfsig(file);
    expect(out).toContain("Signature #1");
    expect(out).toContain("Signer Certificate Common Name: Xã Lai Vung (DEMO)");
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Total document signed");
    const text = pdfText(fs.readFileSync(file));
    expect(text).toContain("Ký số bởi: Ủy ban nhân dân xã Lai Vung");
    expect(text).toContain("Người ký: Xã Lai Vung (DEMO)");
    expect(text).toContain("Thời gian ký: 25/11/2026 10:00:00 +07:00");
    expect(text).toContain("DEMO – không có giá trị pháp lý");
    // The archive's hash and the verification page hold the signed bytes.
    const v = verifyBytes(db, fs.readFileSync(file));
    expect(v.by === "file" && v.report).toMatchObject({ verifyCode: done.verifyCode, signer: "Xã Lai Vung (DEMO)", signerDemo: true });
  });

  it("a byte changed anywhere in the signed ranges: pdfsig reports the signature invalid", async () => {
    const { file } = await issue("DT-HOALONG", "thuky.hoalong");
    const bytes = fs.readFileSync(file);
    const text = bytes.toString("latin1");
    // Change one digit of a date in the file (the year of its creation date: a forger backdating it), same length.
    const at = text.indexOf("(D:2026");
    expect(at).toBeGreaterThan(0);
    const forged = Buffer.from(bytes);
    forged[at + 6] = "5".charCodeAt(0);
    const out1 = path.join(config.dataDir, "forged-1.pdf");
    fs.writeFileSync(out1, forged);
    expect(pdfsig(out1)).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    expect(pdfsig(out1)).not.toContain("Signature is Valid.");
    // A byte flipped in the middle of the second signed range (page content, fonts): the same.
    const [, , from, n] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text)!.slice(1).map(Number) as [number, number, number, number];
    const mid = Buffer.from(bytes);
    mid[from + Math.floor(n / 2)] = mid[from + Math.floor(n / 2)]! ^ 0xff;
    const out2 = path.join(config.dataDir, "forged-2.pdf");
    fs.writeFileSync(out2, mid);
    expect(pdfsig(out2)).not.toContain("Signature is Valid.");
    // And the system does not know the forged file.
    const v = verifyBytes(db, forged);
    expect(v.by === "file" && v.report).toBeNull();
  });

  it("a unit without a certificate still gets its report, unsigned, and the row says why", async () => {
    const unitId = unitIdByCode(db, "DT-PHONGHOA");
    db.update(unitCertificates)
      .set({ replacedAt: NOW.getTime() })
      .where(and(eq(unitCertificates.unitId, unitId), isNull(unitCertificates.replacedAt)))
      .run();
    const { done, file } = await issue("DT-PHONGHOA", "thuky.phonghoa");
    expect(done.certificateId).toBeNull();
    expect(done.unsignedReason).toBe("reports.unsigned.noCertificate");
    expect(pdfsig(file)).toContain("does not contain any signatures");
    expect(pdfText(fs.readFileSync(file))).not.toContain("Ký số bởi");
  });

  it("a key file gone from the data folder: issued unsigned (keyMissing), never a crash", async () => {
    const cert = db
      .select()
      .from(unitCertificates)
      .where(eq(unitCertificates.unitId, unitIdByCode(db, "DT-TANDUONG")))
      .get()!;
    fs.rmSync(path.join(unitKeysDir(config.dataDir), cert.keyFile));
    const { done } = await issue("DT-TANDUONG", "thuky.tanduong");
    expect(done.unsignedReason).toBe("reports.unsigned.keyMissing");
  });

  it("a run reads each unit's key once, however many reports it signs", () => {
    const signers = new UnitSigners(unitKeysDir(config.dataDir));
    const unitId = unitIdByCode(db, "DT-LAIVUNG");
    const a = signers.forUnit(db, unitId, NOW);
    const b = signers.forUnit(db, unitId, NOW);
    expect(typeof a).toBe("object");
    expect(b).toBe(a);
    // After its validity the certificate signs nothing.
    expect(signers.forUnit(db, unitId, new Date("2032-01-01T00:00:00Z"))).toBe("reports.unsigned.expired");
    expect(db.select().from(reports).all().length).toBeGreaterThan(0);
  });
});

describe("pdfsig is there", () => {
  it("runs", () => {
    expect(execFileSync("pdfsig", ["-v"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) + "").toBeDefined();
  });
});
