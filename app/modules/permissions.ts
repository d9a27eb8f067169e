import type { Role } from "#db/schema";
import { ForbiddenError } from "~/lib/errors";
import type { Actor, UserActor } from "./context";

/**
 * What each role may do, as data (DOMAIN.md §5). Scope (which units) is separate: see units/scope.server.ts.
 * Every role reads its scope; writes are by capability.
 */
export const CAPABILITIES = {
  "units.manage": ["admin"],
  // A unit's complete export (leaving the app): its own administrator, quality officer or leader, never an inspector.
  "units.export": ["admin", "officer", "leader"],
  "users.manage": ["admin"],
  "trail.read": ["admin", "inspector"],
  "jobs.read": ["admin"],
  "qms.write": ["officer"],
  "qms.approve": ["leader"],
  "inspection.write": ["inspector"],
  // Corrective actions: officers draft them, leaders acknowledge (signed) and decide extensions,
  // officers or inspectors verify effectiveness. Owners act on their own actions whatever their role.
  "ca.write": ["officer"],
  "ca.acknowledge": ["leader"],
  "ca.verify": ["officer", "inspector"],
  "settings.manage": ["admin"],
  "reports.generate": ["officer", "inspector"],
  // Document control: quality officers draft, keep the catalogue and enter legal changes; only a
  // leader approves or withdraws (soạn thảo – xem xét – phê duyệt).
  "documents.draft": ["officer"],
  "documents.review": ["officer", "leader"],
  "documents.approve": ["leader"],
  "procedures.write": ["officer"],
  "audits.plan": ["officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(actor: Actor, capability: Capability): boolean {
  if (actor.kind !== "user") return true;
  return (CAPABILITIES[capability] as readonly Role[]).includes(actor.role);
}

export function requireCapability(actor: Actor, capability: Capability): void {
  if (!can(actor, capability)) throw new ForbiddenError("errors.forbidden");
}

export function requireUserActor(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new ForbiddenError("errors.forbidden");
  return actor;
}
