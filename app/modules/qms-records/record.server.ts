import { and, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { audits, conformityAnnouncements, effectivenessConfirmations, managementReviews, users } from "#db/schema";
import { ForbiddenError, InvalidInputError, PreconditionFailedError } from "~/lib/errors";
import { addMonthsToDay } from "~/lib/time";
import type { Ctx } from "../context";
import { insertFileRow, storeUpload, type StoredFile } from "../files/store.server";
import { requireCapability, requireUserActor } from "../permissions";
import { recordTrail } from "../trail/record.server";
import { writeOnce } from "../form-once.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import type { AnnouncementInput, ConfirmationInput, ManagementReviewInput } from "./schema";

export type Upload = { file: File; uploadsDir: string; maxBytes: number };

function notInFuture(ctx: Ctx, day: string, field: string) {
  if (day > ctx.today) throw new InvalidInputError("errors.invalid", {}, { [field]: ["audits.errors.futureDate"] });
}

async function store(upload: Upload | undefined): Promise<StoredFile | undefined> {
  return upload ? storeUpload(upload.uploadsDir, upload.file, { field: "file", kinds: ["pdf", "docx", "image"], maxBytes: upload.maxBytes }) : undefined;
}

/** Record a management review (date, chair, inputs, decisions) of a unit in the officer's scope. */
export async function recordManagementReview(ctx: Ctx, unitId: number, input: ManagementReviewInput, upload?: Upload) {
  requireCapability(ctx.actor, "qms.write");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  notInFuture(ctx, input.heldOn, "heldOn");
  const stored = await store(upload);
  return writeOnce(ctx, (tx) => {
    const fileId = stored ? insertFileRow(tx, ctx, stored, unit.id).id : null;
    const row = tx
      .insert(managementReviews)
      .values({
        unitId: unit.id,
        ...input,
        participants: input.participants || null,
        fileId,
        createdById: ctx.actor.kind === "user" ? ctx.actor.id : null,
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    recordTrail(tx, ctx, { entity: "management_review", entityId: row.id, action: "create", unitId: unit.id, after: row });
    return row;
  });
}

/**
 * The head confirms the QMS is effective: only a leader of the unit itself, and only after an internal audit
 * (reported) and a management review within the twelve months before (DOMAIN.md §2, §6).
 */
export function confirmEffectiveness(ctx: Ctx, unitId: number, input: ConfirmationInput) {
  requireCapability(ctx.actor, "qms.approve");
  const actor = requireUserActor(ctx.actor);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  if (actor.unitId !== unit.id) throw new ForbiddenError("qms.errors.ownUnitLeader");
  notInFuture(ctx, input.confirmedOn, "confirmedOn");
  const since = addMonthsToDay(input.confirmedOn, -12);
  return writeOnce(ctx, (tx) => {
    const audit = tx
      .select({ id: audits.id })
      .from(audits)
      .where(
        and(
          eq(audits.unitId, unit.id),
          inArray(audits.status, ["reported", "closed"]),
          gte(audits.reportedOn, since),
          lte(audits.reportedOn, input.confirmedOn),
        ),
      )
      .get();
    if (!audit) throw new PreconditionFailedError("qms.errors.needAudit");
    const review = tx
      .select({ id: managementReviews.id })
      .from(managementReviews)
      .where(and(eq(managementReviews.unitId, unit.id), gte(managementReviews.heldOn, since), lte(managementReviews.heldOn, input.confirmedOn)))
      .get();
    if (!review) throw new PreconditionFailedError("qms.errors.needReview");
    const signer = tx.select({ fullName: users.fullName, title: users.title }).from(users).where(eq(users.id, actor.id)).get()!;
    const row = tx
      .insert(effectivenessConfirmations)
      .values({
        unitId: unit.id,
        confirmedOn: input.confirmedOn,
        confirmedById: actor.id,
        signedName: signer.fullName,
        signedTitle: signer.title,
        statement: input.statement,
        documentNumber: input.documentNumber || null,
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "effectiveness_confirmation",
      entityId: row.id,
      action: "confirm",
      unitId: unit.id,
      after: { ...row, auditId: audit.id, reviewId: review.id },
    });
    return row;
  });
}

/** Record an announcement, or a re-announcement after a scope change (which needs an earlier announcement). */
export async function recordAnnouncement(ctx: Ctx, unitId: number, input: AnnouncementInput, upload?: Upload) {
  requireCapability(ctx.actor, "qms.write");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  notInFuture(ctx, input.decidedOn, "decidedOn");
  const stored = await store(upload);
  return writeOnce(ctx, (tx) => {
    const previous = tx
      .select()
      .from(conformityAnnouncements)
      .where(and(eq(conformityAnnouncements.unitId, unit.id), lte(conformityAnnouncements.decidedOn, input.decidedOn)))
      .orderBy(desc(conformityAnnouncements.decidedOn))
      .get();
    if (input.kind === "re_announcement" && !previous) throw new InvalidInputError("errors.invalid", {}, { kind: ["qms.errors.reWithoutFirst"] });
    const fileId = stored ? insertFileRow(tx, ctx, stored, unit.id).id : null;
    const row = tx
      .insert(conformityAnnouncements)
      .values({
        unitId: unit.id,
        kind: input.kind,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        scope: input.scope,
        notifiedOn: input.notifiedOn ?? null,
        postedOn: input.postedOn ?? null,
        fileId,
        createdById: ctx.actor.kind === "user" ? ctx.actor.id : null,
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "conformity_announcement",
      entityId: row.id,
      action: input.kind === "announcement" ? "announce" : "re-announce",
      unitId: unit.id,
      after: row,
    });
    return row;
  });
}
