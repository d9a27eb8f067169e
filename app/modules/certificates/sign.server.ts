import fs from "node:fs";
import path from "node:path";
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { SignPdf } from "@signpdf/signpdf";
import { Signer } from "@signpdf/utils";
import type { DB } from "#db/client";
import { unitCertificates } from "#db/schema";
import { cadesDetached } from "./cms.server";

// Signing an issued report with its unit's certificate (decision 0012). A run (one scheduled job run, one drain of
// the on-demand queue) keeps one UnitSigners: each unit's key is read and parsed once, then every report of that
// unit is signed with it. Signing is one RSA operation in OpenSSL (about a millisecond), once per file.

export type CertificateRow = typeof unitCertificates.$inferSelect;

/** Why a report goes out unsigned, as the message key its page shows. */
export type UnsignedReason = "reports.unsigned.noCertificate" | "reports.unsigned.expired" | "reports.unsigned.keyMissing";

export type UnitSigner = { certificate: CertificateRow; key: KeyObject; chain: Buffer[] };

/** Where the private keys live: DATA_DIR/keys/units (beside the trail key, outside the database and its backups). */
export function unitKeysDir(dataDir: string) {
  return path.join(dataDir, "keys", "units");
}

export function chainFromPem(pem: string): Buffer[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((c) => new X509Certificate(c).raw);
}

/** The unit's current certificate row, if it has one. */
export function currentCertificate(db: DB, unitId: number): CertificateRow | undefined {
  return db
    .select()
    .from(unitCertificates)
    .where(and(eq(unitCertificates.unitId, unitId), isNull(unitCertificates.replacedAt)))
    .get();
}

export class UnitSigners {
  private cache = new Map<number, UnitSigner | UnsignedReason>();
  constructor(readonly keysDir: string) {}

  /** The unit's signer at `now`, or why there is none. The key is read once per unit and kept for the run. */
  forUnit(db: DB, unitId: number, now: Date): UnitSigner | UnsignedReason {
    let found = this.cache.get(unitId);
    if (found === undefined) {
      found = this.load(db, unitId);
      this.cache.set(unitId, found);
    }
    if (typeof found === "string") return found;
    const t = now.getTime();
    return t < found.certificate.validFrom || t > found.certificate.validTo ? "reports.unsigned.expired" : found;
  }

  private load(db: DB, unitId: number): UnitSigner | UnsignedReason {
    const certificate = currentCertificate(db, unitId);
    if (!certificate) return "reports.unsigned.noCertificate";
    const file = path.join(this.keysDir, path.basename(certificate.keyFile));
    if (!fs.existsSync(file)) return "reports.unsigned.keyMissing";
    return { certificate, key: createPrivateKey(fs.readFileSync(file)), chain: chainFromPem(certificate.chainPem) };
  }
}

class CadesSigner extends Signer {
  constructor(private readonly signer: UnitSigner) {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    return cadesDetached(content, this.signer.key, this.signer.chain);
  }
}

/** Fill the signature field a rendered report carries (templates/parts/signature.ts) with the unit's signature. */
export function signPdf(bytes: Buffer, signer: UnitSigner): Promise<Buffer> {
  return new SignPdf().sign(bytes, new CadesSigner(signer));
}
