import type { DB } from "#db/client";
import { installCertificate, storeKeyFile } from "./install.server";
import { demoCertificate } from "./pkcs12.server";

/**
 * Demo certificates for the demo units in force: self-issued, valid five years from the seed, marked demo in the
 * database, on the unit's certificate page and in every visible signature block ("DEMO – không có giá trị pháp lý").
 */
export function seedDemoCertificates(db: DB, now: Date, keysDir: string, units: { id: number; name: string }[]) {
  const made = units.map((u) => {
    const bundle = demoCertificate(u.name, now);
    return { unitId: u.id, bundle, keyFile: storeKeyFile(keysDir, bundle) };
  });
  const ctx = { actor: { kind: "system" as const, name: "seed" }, now };
  db.transaction(
    (tx) => {
      for (const m of made) installCertificate(tx, ctx, m.unitId, m.bundle, m.keyFile, { isDemo: true, uploadedById: null, action: "seed" });
    },
    { behavior: "immediate" },
  );
  return made.length;
}
