import { count, eq } from "drizzle-orm";
import { auditChecklistItems, audits } from "#db/schema";
import { ForbiddenError, InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import type { Ctx } from "../context";
import { recordTrail } from "../trail/record.server";
import { write, type Tx } from "../tx.server";
import { canPlanFor, getAuditOrThrow } from "./access.server";
import { AUDIT_STEPS, stepAllowed, unansweredCount, type AuditStep } from "./rules";
import type { AuditReportInput } from "./schema";

type Who = "lead" | "planner";

/** Who may take each step: the lead auditor reports; the planner (officer over the unit) or the lead starts, closes, reopens. */
const STEP_ACTORS: Record<AuditStep, Who[]> = {
  start: ["planner", "lead"],
  report: ["lead"],
  close: ["planner", "lead"],
  reopen: ["planner", "lead"],
};

export function mayTake(ctx: Ctx, step: AuditStep, audit: { leadAuditorId: number }, unitPath: string): boolean {
  if (ctx.actor.kind !== "user") return true;
  const who = STEP_ACTORS[step];
  return (who.includes("lead") && audit.leadAuditorId === ctx.actor.id) || (who.includes("planner") && canPlanFor(ctx, unitPath));
}

function take(ctx: Ctx, auditId: number, step: AuditStep, extra: (tx: Tx, audit: typeof audits.$inferSelect) => Partial<typeof audits.$inferInsert>) {
  const { audit, unit } = getAuditOrThrow(ctx, auditId);
  if (!mayTake(ctx, step, audit, unit.path)) throw new ForbiddenError(step === "report" ? "audits.errors.leadOnly" : "errors.forbidden");
  return write(ctx, (tx) => {
    const current = tx.select().from(audits).where(eq(audits.id, auditId)).get()!;
    if (!stepAllowed(current.status, step)) throw new PreconditionFailedError("audits.errors.badStep");
    const changes = { ...extra(tx, current), status: AUDIT_STEPS[step].to, updatedAt: ctx.now.getTime() };
    tx.update(audits).set(changes).where(eq(audits.id, auditId)).run();
    const after = tx.select().from(audits).where(eq(audits.id, auditId)).get()!;
    recordTrail(tx, ctx, {
      entity: "audit",
      entityId: auditId,
      action: step,
      unitId: current.unitId,
      before: { status: current.status, reportedOn: current.reportedOn, conclusion: current.conclusion },
      after: { status: after.status, reportedOn: after.reportedOn, conclusion: after.conclusion },
    });
    return after;
  });
}

/** planned → in progress: the checklist must have at least one question. */
export function startAudit(ctx: Ctx, auditId: number) {
  return take(ctx, auditId, "start", (tx) => {
    const n = tx.select({ n: count() }).from(auditChecklistItems).where(eq(auditChecklistItems.auditId, auditId)).get()?.n ?? 0;
    if (n === 0) throw new PreconditionFailedError("audits.errors.emptyChecklist");
    return {};
  });
}

/** in progress → reported, by the lead auditor: every question answered, a conclusion, a report date not in the future. */
export function reportAudit(ctx: Ctx, auditId: number, input: AuditReportInput) {
  return take(ctx, auditId, "report", (tx, audit) => {
    const items = tx.select({ result: auditChecklistItems.result }).from(auditChecklistItems).where(eq(auditChecklistItems.auditId, auditId)).all();
    if (unansweredCount(items) > 0) throw new PreconditionFailedError("audits.errors.unanswered", { count: unansweredCount(items) });
    if (input.reportedOn < audit.startOn) throw new InvalidInputError("errors.invalid", {}, { reportedOn: ["audits.errors.reportBeforeStart"] });
    if (input.reportedOn > ctx.today) throw new InvalidInputError("errors.invalid", {}, { reportedOn: ["audits.errors.futureDate"] });
    return { reportedOn: input.reportedOn, conclusion: input.conclusion.trim() };
  });
}

/** reported → closed. */
export function closeAudit(ctx: Ctx, auditId: number) {
  return take(ctx, auditId, "close", () => ({ closedAt: ctx.now.getTime() }));
}

/** reported → in progress again (the report needs more work); the report date is cleared. */
export function reopenAudit(ctx: Ctx, auditId: number) {
  return take(ctx, auditId, "reopen", () => ({ reportedOn: null }));
}
