import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { unitCertificates } from "#db/schema";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import type { Tx } from "../tx.server";
import type { CertificateBundle } from "./pkcs12.server";

/**
 * Write the private key under DATA_DIR/keys/units, named by the certificate's fingerprint (mode 0600 in a 0700
 * folder, never replaced: the same certificate uploaded again finds its file). Done before the row's transaction:
 * a key file without a row is harmless, a row without its key would sign nothing.
 */
export function storeKeyFile(keysDir: string, bundle: CertificateBundle): string {
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const name = `${bundle.fingerprint}.key`;
  try {
    fs.writeFileSync(path.join(keysDir, name), bundle.keyPem, { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return name;
}

/** Make the bundle the unit's current certificate (the previous one is kept, marked replaced), with its trail row. */
export function installCertificate(
  tx: Tx,
  ctx: Pick<Ctx, "actor" | "now">,
  unitId: number,
  bundle: CertificateBundle,
  keyFile: string,
  opts: { isDemo: boolean; uploadedById: number | null; action: "upload" | "seed" },
) {
  const t = ctx.now.getTime();
  const previous = tx
    .update(unitCertificates)
    .set({ replacedAt: t })
    .where(and(eq(unitCertificates.unitId, unitId), isNull(unitCertificates.replacedAt)))
    .returning({ id: unitCertificates.id })
    .get();
  const row = tx
    .insert(unitCertificates)
    .values({
      unitId,
      subject: bundle.subject,
      subjectDn: bundle.subjectDn,
      issuerDn: bundle.issuerDn,
      serial: bundle.serial,
      validFrom: bundle.validFrom.getTime(),
      validTo: bundle.validTo.getTime(),
      isDemo: opts.isDemo,
      fingerprint: bundle.fingerprint,
      chainPem: bundle.chain.map((c) => c.toString()).join(""),
      keyFile,
      uploadedById: opts.uploadedById,
      createdAt: t,
    })
    .returning()
    .get();
  recordTrail(tx, ctx, {
    entity: "certificate",
    entityId: row.id,
    action: opts.action,
    unitId,
    before: previous ? { certificateId: previous.id } : null,
    after: {
      subject: row.subject,
      issuer: row.issuerDn,
      serial: row.serial,
      validTo: new Date(row.validTo).toISOString(),
      demo: row.isDemo,
      fingerprint: row.fingerprint,
    },
  });
  return row;
}
