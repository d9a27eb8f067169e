import { atTime } from "~/modules/context.server";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caSignatures, trail } from "#db/schema";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import type { AckSnapshot } from "~/modules/corrective-actions/signatures.server";
import { getActionDetail, inboxFor } from "~/modules/corrective-actions/queries.server";
import { updateCorrectiveAction } from "~/modules/corrective-actions/update-action.server";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb } from "../support/db";
import { acknowledged, inProgress, NOW, PASSWORD, proposed, statusOf } from "./corrective-actions-helpers";

describe("the leader's signed acknowledgement", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));
  const ctx = (u: string) => ctxOf(db, u, NOW);
  const sigs = (id: number) => db.select().from(caSignatures).where(eq(caSignatures.actionId, id)).all();

  it("records who, when, capacity, comment and the SHA-256 of the whole snapshot shown (finding, correction, root cause, every action)", async () => {
    const { a } = proposed(db);
    await acknowledgeCorrectiveAction(ctx("phochutich.laivung"), a.id, { password: PASSWORD, capacity: "kt", comment: "Đồng ý" });
    const [s] = sigs(a.id);
    const snapshot = JSON.parse(s!.content) as AckSnapshot;
    expect(s).toMatchObject({
      signerId: actorOf(db, "phochutich.laivung").id,
      signerName: "Huỳnh Thanh Tâm",
      signerTitle: "Phó Chủ tịch UBND xã",
      capacity: "kt",
      comment: "Đồng ý",
      contentHash: createHash("sha256").update(s!.content).digest("hex"),
      signedAt: NOW.getTime(),
    });
    expect(snapshot).toMatchObject({ v: 2, actionId: a.id, finding: { id: a.findingId } });
    expect(snapshot.request?.rootCause).toBeTruthy();
    expect(snapshot.actions).toContainEqual({ id: a.id, description: a.description, ownerId: a.ownerId, dueOn: a.dueOn });
    expect(statusOf(db, a.id).status).toBe("acknowledged");
  });

  it("a wrong password is refused and nothing is recorded", async () => {
    const { a } = proposed(db);
    const trailBefore = db.select().from(trail).all().length;
    await expect(acknowledgeCorrectiveAction(ctx("chutich.laivung"), a.id, { password: "sai-mat-khau", capacity: "own" })).rejects.toThrow(InvalidInputError);
    expect(sigs(a.id)).toHaveLength(0);
    expect(statusOf(db, a.id).status).toBe("proposed");
    expect(db.select().from(trail).all().length).toBe(trailBefore);
  });

  it("only a leader with the unit in scope signs; an officer cannot; a sibling's leader gets not found", async () => {
    const { a } = proposed(db);
    await expect(acknowledgeCorrectiveAction(ctx("thuky.laivung"), a.id, { password: PASSWORD, capacity: "own" })).rejects.toThrow(ForbiddenError);
    await expect(acknowledgeCorrectiveAction(ctx("chutich.hoalong"), a.id, { password: PASSWORD, capacity: "own" })).rejects.toThrow(NotFoundError);
    expect(sigs(a.id)).toHaveLength(0);
  });

  it("cannot sign twice while the acknowledgement counts", async () => {
    const { a } = await acknowledged(db);
    await expect(acknowledgeCorrectiveAction(ctx("phochutich.laivung"), a.id, { password: PASSWORD, capacity: "kt" })).rejects.toThrow(ConflictError);
  });

  it("changing the text after signing voids it: the action waits in the inbox again, the old signature stays", async () => {
    const { a } = await inProgress(db);
    updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: "Sửa quy trình QT 02 và QT 05", ownerId: a.ownerId, dueOn: a.dueOn });
    expect(statusOf(db, a.id).status).toBe("proposed");
    const detail = getActionDetail(ctx("chutich.laivung"), a.id);
    expect(detail.signatures).toHaveLength(1);
    expect(detail.signatures[0]!.counts).toBe(false);
    expect(detail.can.acknowledge).toBe(true);
    expect(inboxFor(ctx("chutich.laivung")).toAcknowledge.map((x) => x.id)).toContain(a.id);
    await acknowledgeCorrectiveAction(ctx("chutich.laivung"), a.id, { password: PASSWORD, capacity: "own" });
    expect(sigs(a.id)).toHaveLength(2);
    expect(statusOf(db, a.id).status).toBe("in_progress"); // work had started: it resumes
  });

  it("changing the owner voids it too; saving unchanged content does not", async () => {
    const { a } = await acknowledged(db);
    updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: a.description, ownerId: a.ownerId, dueOn: a.dueOn });
    expect(statusOf(db, a.id).status).toBe("acknowledged");
    updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: a.description, ownerId: actorOf(db, "thuky.laivung").id, dueOn: a.dueOn });
    expect(statusOf(db, a.id).status).toBe("proposed");
  });

  it("signed records cannot be edited or deleted by anyone (database triggers)", async () => {
    const { a } = await acknowledged(db);
    const [s] = sigs(a.id);
    expect(() => db.update(caSignatures).set({ capacity: "tm" }).where(eq(caSignatures.id, s!.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(caSignatures).where(eq(caSignatures.id, s!.id)).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("UPDATE ca_signatures SET content_hash = 'x'").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM ca_signatures").run()).toThrow(/append-only/);
    expect(sigs(a.id)[0]).toEqual(s);
  });
});

describe("signing with a password is throttled like sign-in", () => {
  it("five wrong passwords lock the account; the right one is then refused too", async () => {
    const { closeTestDb, ctxOf, testDb } = await import("../support/db");
    const { reauthenticate } = await import("~/modules/auth/reauthenticate.server");
    const { DEMO_PASSWORD } = await import("#db/seed");
    const { InvalidInputError } = await import("~/lib/errors");
    const db = testDb({ seeded: true });
    try {
      const ctx = ctxOf(db, "chutich.hoalong");
      const id = (ctx.actor as { id: number }).id;
      for (let i = 0; i < 5; i++) await expect(reauthenticate(ctx, id, "sai")).rejects.toThrow(InvalidInputError);
      await expect(reauthenticate(ctx, id, DEMO_PASSWORD)).rejects.toMatchObject({ messageKey: "auth.errors.locked" });
      const later = atTime(ctx, new Date(ctx.now.getTime() + 16 * 60_000));
      await expect(reauthenticate(later, id, DEMO_PASSWORD)).resolves.toMatchObject({ id });
    } finally {
      closeTestDb(db);
    }
  });
});
