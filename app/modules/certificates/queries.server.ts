import { desc, eq } from "drizzle-orm";
import { unitCertificates, users } from "#db/schema";
import type { Ctx } from "../context";
import { requireCapability } from "../permissions";
import { getUnitInScopeOrThrow } from "../units/scope.server";

/** A unit's certificates for its administrator: the current one first, then those it replaced. No key material. */
export function unitCertificatesPage(ctx: Ctx, unitId: number) {
  requireCapability(ctx.actor, "units.manage");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  const rows = ctx.db
    .select({
      id: unitCertificates.id,
      subject: unitCertificates.subject,
      subjectDn: unitCertificates.subjectDn,
      issuerDn: unitCertificates.issuerDn,
      serial: unitCertificates.serial,
      validFrom: unitCertificates.validFrom,
      validTo: unitCertificates.validTo,
      isDemo: unitCertificates.isDemo,
      fingerprint: unitCertificates.fingerprint,
      createdAt: unitCertificates.createdAt,
      replacedAt: unitCertificates.replacedAt,
      uploadedBy: users.fullName,
    })
    .from(unitCertificates)
    .leftJoin(users, eq(users.id, unitCertificates.uploadedById))
    .where(eq(unitCertificates.unitId, unit.id))
    .orderBy(desc(unitCertificates.createdAt), desc(unitCertificates.id))
    .all();
  const now = ctx.now.getTime();
  const current = rows.find((r) => r.replacedAt === null);
  return {
    unit: { id: unit.id, name: unit.name, code: unit.code },
    current: current ? { ...current, expired: current.validTo < now } : null,
    previous: rows.filter((r) => r.replacedAt !== null),
  };
}
