import { and, eq } from "drizzle-orm";
import { caExtensions } from "#db/schema";
import { ConflictError, ForbiddenError, PreconditionFailedError } from "~/lib/errors";
import type { Actor } from "../context";
import type { Reader } from "../tx.server";
import type { ActionRow } from "./access.server";
import { caRefusal, type CaRefusal, type CaState, type CaVerb } from "./rules";
import { everAcknowledged, validAcknowledgement } from "./signatures.server";

/** The facts `caRefusal` needs about an action, read through `db` (the verb's transaction, or the page's db). */
export function caStateOf(db: Reader, a: ActionRow): CaState {
  const pending = db
    .select({ id: caExtensions.id })
    .from(caExtensions)
    .where(and(eq(caExtensions.actionId, a.id), eq(caExtensions.status, "pending")))
    .get();
  return {
    status: a.status,
    ownerId: a.ownerId,
    implementedById: a.implementedById,
    acknowledged: !!validAcknowledgement(db, a),
    everAcknowledged: everAcknowledged(db, a.id),
    pendingExtension: !!pending,
  };
}

const ERRORS: Record<CaRefusal, () => Error> = {
  forbidden: () => new ForbiddenError("errors.forbidden"),
  wrongStep: () => new ConflictError("ca.errors.wrongStep"),
  verifierIndependent: () => new PreconditionFailedError("ca.errors.verifierIndependent"),
  notYetAcknowledged: () => new PreconditionFailedError("ca.errors.editDueDirectly"),
  extensionPending: () => new ConflictError("ca.errors.extensionPending"),
};

/** Throw the error that says why `actor` may not take `verb` now (the page offers the same steps). */
export function requireStep(db: Reader, actor: Actor, verb: CaVerb | "decideExtension", a: ActionRow): CaState {
  const state = caStateOf(db, a);
  const refusal = caRefusal(actor, verb, state);
  if (refusal) throw ERRORS[refusal]();
  return state;
}
