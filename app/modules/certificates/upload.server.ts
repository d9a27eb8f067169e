import { InvalidInputError } from "~/lib/errors";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { write } from "../tx.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { installCertificate, storeKeyFile } from "./install.server";
import { Pkcs12Error, readPkcs12, type CertificateBundle } from "./pkcs12.server";
import type { CertificateUploadInput } from "./schema";

const PROBLEM_FIELD: Record<Pkcs12Error["problem"], { field: "file" | "passphrase"; key: string }> = {
  unreadable: { field: "file", key: "certificates.errors.unreadable" },
  passphrase: { field: "passphrase", key: "certificates.errors.passphrase" },
  noKey: { field: "file", key: "certificates.errors.noKey" },
  noCertificate: { field: "file", key: "certificates.errors.noCertificate" },
};

function refuse(field: "file" | "passphrase", key: string): never {
  throw new InvalidInputError("errors.invalid", {}, { [field]: [key] });
}

/**
 * An administrator gives a unit in their scope its signing certificate: a PKCS#12 file and its passphrase. The
 * file must open with the passphrase, hold a private key and the certificate that matches it, and be valid now.
 * The passphrase opens the file once, here, and is not kept (decision 0012): the key is stored under
 * DATA_DIR/keys/units, the certificate's public facts in the database, the previous certificate marked replaced.
 */
export async function uploadCertificate(ctx: Ctx, keysDir: string, unitId: number, input: CertificateUploadInput) {
  requireCapability(ctx.actor, "units.manage");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  let bundle: CertificateBundle;
  try {
    bundle = readPkcs12(new Uint8Array(await input.file.arrayBuffer()), input.passphrase);
  } catch (e) {
    if (!(e instanceof Pkcs12Error)) throw e;
    const p = PROBLEM_FIELD[e.problem];
    refuse(p.field, p.key);
  }
  const t = ctx.now.getTime();
  if (bundle.validTo.getTime() < t) refuse("file", "certificates.errors.expired");
  if (bundle.validFrom.getTime() > t) refuse("file", "certificates.errors.notYetValid");
  const keyFile = storeKeyFile(keysDir, bundle);
  return write(ctx, (tx) => {
    return installCertificate(tx, ctx, unit.id, bundle, keyFile, {
      isDemo: false,
      uploadedById: ctx.actor.kind === "user" ? ctx.actor.id : null,
      action: "upload",
    });
  });
}
