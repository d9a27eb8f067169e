import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caReviews, notifications, trail } from "#db/schema";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { closeFindingWithoutAction } from "~/modules/corrective-actions/close-finding.server";
import { decideExtension } from "~/modules/corrective-actions/decide-extension.server";
import { implementCorrectiveAction } from "~/modules/corrective-actions/implement.server";
import { getActionDetail, inboxFor, listCorrectiveActions } from "~/modules/corrective-actions/queries.server";
import { requestExtension } from "~/modules/corrective-actions/request-extension.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { startCorrectiveAction } from "~/modules/corrective-actions/start.server";
import { updateCorrectiveAction } from "~/modules/corrective-actions/update-action.server";
import { verifyEffectiveness } from "~/modules/corrective-actions/verify.server";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb } from "../support/db";
import { acknowledged, finding, findingOf, implemented, inProgress, NOW, proposed, statusOf, withRequest } from "./corrective-actions-helpers";

describe("corrective action workflow", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));
  const ctx = (u: string) => ctxOf(db, u, NOW);

  describe("request and proposal", () => {
    it("records the correction and a 5-whys root cause (the last answer when no conclusion is given)", () => {
      const f = finding(db);
      const r = withRequest(db, f.id);
      expect(r.rootCause).toBe("Quy trình không quy định");
      expect(JSON.parse(r.whys!)).toEqual(["Không lập phiếu", "Quy trình không quy định"]);
    });

    it("refuses an action before the root cause is analysed", () => {
      const f = finding(db);
      expect(() =>
        addCorrectiveAction(ctx("thuky.laivung"), f.id, { description: "x", ownerId: actorOf(db, "congchuc.laivung").id, dueOn: "2026-12-31" }),
      ).toThrow(PreconditionFailedError);
    });

    it("only officers propose; the owner must belong to the unit; the due date cannot be past", () => {
      const f = finding(db);
      withRequest(db, f.id);
      const input = { description: "Sửa quy trình", ownerId: actorOf(db, "congchuc.laivung").id, dueOn: "2026-12-31" };
      expect(() => addCorrectiveAction(ctx("chutich.laivung"), f.id, input)).toThrow(ForbiddenError);
      expect(() => addCorrectiveAction(ctx("thuky.laivung"), f.id, { ...input, ownerId: actorOf(db, "thuky.hoalong").id })).toThrow(InvalidInputError);
      expect(() => addCorrectiveAction(ctx("thuky.laivung"), f.id, { ...input, dueOn: "2026-11-24" })).toThrow(InvalidInputError);
      const a = addCorrectiveAction(ctx("thuky.laivung"), f.id, input);
      expect(a.status).toBe("proposed");
    });

    it("a sibling commune's officer cannot see or act on the finding (not found)", () => {
      const f = finding(db);
      expect(() => saveCaRequest(ctx("thuky.hoalong"), f.id, { correction: "x", rootCauseMethod: "free_text", rootCause: "y" })).toThrow(NotFoundError);
    });

    it("proposing notifies the unit's leaders once", () => {
      const { a } = proposed(db);
      const n = db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "ca.ack_requested"), eq(notifications.link, `/corrective-actions/${a.id}`)))
        .all();
      expect(n.map((x) => x.recipientId).sort()).toEqual([actorOf(db, "chutich.laivung").id, actorOf(db, "phochutich.laivung").id].sort());
    });
  });

  describe("start and implement", () => {
    it("cannot start before the leader's acknowledgement", () => {
      const { a } = proposed(db);
      expect(() => startCorrectiveAction(ctx("congchuc.laivung"), a.id)).toThrow(ConflictError);
    });

    it("the owner starts; someone who is neither owner nor officer cannot", async () => {
      const { a } = await acknowledged(db);
      expect(() => startCorrectiveAction(ctx("phochutich.laivung"), a.id)).toThrow(ForbiddenError);
      expect(startCorrectiveAction(ctx("congchuc.laivung"), a.id).status).toBe("in_progress");
    });

    it("implemented only from in progress, with the implementer recorded", async () => {
      const { a } = await acknowledged(db);
      await expect(implementCorrectiveAction(ctx("congchuc.laivung"), a.id, { note: "x" })).rejects.toThrow(ConflictError);
      startCorrectiveAction(ctx("congchuc.laivung"), a.id);
      const after = await implementCorrectiveAction(ctx("congchuc.laivung"), a.id, { note: "Đã sửa quy trình" });
      expect(after.status).toBe("implemented");
      expect(after.implementedById).toBe(actorOf(db, "congchuc.laivung").id);
      expect(after.implementedOn).toBe("2026-11-25");
    });
  });

  describe("verification", () => {
    it("the verifier must differ from owner and implementer, and be an officer or inspector", async () => {
      const { a } = await implemented(db, { owner: "thuky.laivung" });
      expect(() => verifyEffectiveness(ctx("thuky.laivung"), a.id, { outcome: "effective", note: "ok" })).toThrow(PreconditionFailedError);
      expect(() => verifyEffectiveness(ctx("chutich.laivung"), a.id, { outcome: "effective", note: "ok" })).toThrow(ForbiddenError);
      expect(verifyEffectiveness(ctx("congchuc.laivung"), a.id, { outcome: "effective", note: "ok" }).action.status).toBe("closed");
    });

    it("an officer who implemented on the owner's behalf cannot verify it either", async () => {
      const { a } = await inProgress(db);
      await implementCorrectiveAction(ctx("thuky.laivung"), a.id, { note: "ghi thay" });
      expect(() => verifyEffectiveness(ctx("thuky.laivung"), a.id, { outcome: "effective", note: "ok" })).toThrow(PreconditionFailedError);
    });

    it("ineffective sends the action back to in progress and keeps the reason", async () => {
      const { a, f } = await implemented(db);
      const r = verifyEffectiveness(ctx("thuky.laivung"), a.id, { outcome: "ineffective", note: "Vẫn còn hồ sơ thiếu phiếu" });
      expect(r.action.status).toBe("in_progress");
      expect(r.findingClosed).toBe(false);
      expect(findingOf(db, f.id).status).toBe("open");
      const reviews = db.select().from(caReviews).where(eq(caReviews.actionId, a.id)).all();
      expect(reviews).toMatchObject([{ outcome: "ineffective", note: "Vẫn còn hồ sơ thiếu phiếu" }]);
      // and it can be implemented and verified again
      await implementCorrectiveAction(ctx("congchuc.laivung"), a.id, { note: "Đã rà soát lại" });
      expect(verifyEffectiveness(ctx("canbo.tinh"), a.id, { outcome: "effective", note: "ok" }).findingClosed).toBe(true);
    });

    it("the finding closes only when all its actions are verified effective, in the same transaction", async () => {
      const { a, f } = await implemented(db);
      const b = addCorrectiveAction(ctx("thuky.laivung"), f.id, { description: "Tập huấn", ownerId: actorOf(db, "congchuc.laivung").id, dueOn: "2026-12-31" });
      const first = verifyEffectiveness(ctx("thuky.laivung"), a.id, { outcome: "effective", note: "ok" });
      expect(first.findingClosed).toBe(false);
      expect(statusOf(db, a.id).status).toBe("verified");
      expect(findingOf(db, f.id).status).toBe("open");
      // the second action goes through the loop
      const { acknowledgeCorrectiveAction } = await import("~/modules/corrective-actions/acknowledge.server");
      await acknowledgeCorrectiveAction(ctx("chutich.laivung"), b.id, { password: "IsoXa@2026", capacity: "own" });
      startCorrectiveAction(ctx("congchuc.laivung"), b.id);
      await implementCorrectiveAction(ctx("congchuc.laivung"), b.id, { note: "Đã tập huấn" });
      const second = verifyEffectiveness(ctx("canbo.tinh"), b.id, { outcome: "effective", note: "ok" });
      expect(second.findingClosed).toBe(true);
      expect(findingOf(db, f.id)).toMatchObject({ status: "closed", closedById: actorOf(db, "canbo.tinh").id });
      expect([statusOf(db, a.id).status, statusOf(db, b.id).status]).toEqual(["closed", "closed"]);
      expect(
        db
          .select()
          .from(trail)
          .where(and(eq(trail.entity, "finding"), eq(trail.entityId, String(f.id)), eq(trail.action, "close")))
          .all(),
      ).toHaveLength(1);
    });

    it("a closed finding takes no new action", async () => {
      const { f, a } = await implemented(db);
      verifyEffectiveness(ctx("thuky.laivung"), a.id, { outcome: "effective", note: "ok" });
      expect(() =>
        addCorrectiveAction(ctx("thuky.laivung"), f.id, { description: "x", ownerId: actorOf(db, "congchuc.laivung").id, dueOn: "2026-12-31" }),
      ).toThrow(ConflictError);
    });
  });

  describe("closing without action", () => {
    it("an observation closes without action; a nonconformity cannot", () => {
      const obs = finding(db, { grade: "observation" });
      closeFindingWithoutAction(ctx("thuky.laivung"), obs.id, { note: "Đã nhắc nhở" });
      expect(findingOf(db, obs.id)).toMatchObject({ status: "closed", closeNote: "Đã nhắc nhở" });
      const nc = finding(db, { grade: "minor" });
      expect(() => closeFindingWithoutAction(ctx("thuky.laivung"), nc.id, { note: "x" })).toThrow(PreconditionFailedError);
      expect(findingOf(db, nc.id).status).toBe("open");
    });

    it("an OFI with an unfinished action cannot be closed without it", () => {
      const { f } = proposed(db, { grade: "ofi" });
      expect(() => closeFindingWithoutAction(ctx("thuky.laivung"), f.id, { note: "x" })).toThrow(PreconditionFailedError);
    });
  });

  describe("due dates and extensions", () => {
    it("before any acknowledgement the officer edits the due date directly; afterwards only by extension", async () => {
      const { a } = proposed(db);
      expect(updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: a.description, ownerId: a.ownerId, dueOn: "2027-01-10" }).dueOn).toBe(
        "2027-01-10",
      );
      expect(() => requestExtension(ctx("congchuc.laivung"), a.id, { proposedDueOn: "2027-02-01", reason: "x" })).toThrow(PreconditionFailedError);
      const { a: b } = await acknowledged(db);
      expect(() => updateCorrectiveAction(ctx("thuky.laivung"), b.id, { description: b.description, ownerId: b.ownerId, dueOn: "2027-01-10" })).toThrow(
        InvalidInputError,
      );
    });

    it("an extension must be later, one at a time, decided by a leader; refusal is recorded and changes nothing", async () => {
      const { a } = await inProgress(db);
      expect(() => requestExtension(ctx("congchuc.laivung"), a.id, { proposedDueOn: "2026-12-30", reason: "x" })).toThrow(InvalidInputError);
      const ext = requestExtension(ctx("congchuc.laivung"), a.id, { proposedDueOn: "2027-01-31", reason: "Chờ tập huấn" });
      expect(() => requestExtension(ctx("congchuc.laivung"), a.id, { proposedDueOn: "2027-02-28", reason: "x" })).toThrow(ConflictError);
      expect(inboxFor(ctx("chutich.laivung")).extensions.map((e) => e.id)).toContain(ext.id);
      expect(() => decideExtension(ctx("thuky.laivung"), a.id, { extensionId: ext.id, decision: "approve" })).toThrow(ForbiddenError);
      expect(() => decideExtension(ctx("chutich.hoalong"), a.id, { extensionId: ext.id, decision: "approve" })).toThrow(NotFoundError);
      const d = decideExtension(ctx("chutich.laivung"), a.id, { extensionId: ext.id, decision: "refuse", note: "Không đủ lý do" });
      expect(d).toMatchObject({ status: "refused", decisionNote: "Không đủ lý do" });
      expect(statusOf(db, a.id)).toMatchObject({ dueOn: "2026-12-31", status: "in_progress" });
      expect(() => decideExtension(ctx("chutich.laivung"), a.id, { extensionId: ext.id, decision: "approve" })).toThrow(ConflictError);
    });

    it("approval moves the due date, voids the acknowledgement and puts the action back in the leader's inbox", async () => {
      const { a } = await inProgress(db);
      const ext = requestExtension(ctx("congchuc.laivung"), a.id, { proposedDueOn: "2027-01-31", reason: "Chờ tập huấn" });
      decideExtension(ctx("chutich.laivung"), a.id, { extensionId: ext.id, decision: "approve" });
      expect(statusOf(db, a.id)).toMatchObject({ dueOn: "2027-01-31", status: "proposed" });
      const inbox = inboxFor(ctx("chutich.laivung"));
      expect(inbox.toAcknowledge.find((x) => x.id === a.id)).toMatchObject({ reacknowledge: true });
      await expect(implementCorrectiveAction(ctx("congchuc.laivung"), a.id, { note: "x" })).rejects.toThrow(ConflictError);
      // re-acknowledged: back to work where it was
      const { acknowledgeCorrectiveAction } = await import("~/modules/corrective-actions/acknowledge.server");
      await acknowledgeCorrectiveAction(ctx("chutich.laivung"), a.id, { password: "IsoXa@2026", capacity: "tm" });
      expect(statusOf(db, a.id).status).toBe("in_progress");
    });
  });

  describe("reading", () => {
    it("lists only actions in scope, with filters", async () => {
      const { a } = proposed(db);
      const lv = listCorrectiveActions(ctx("thuky.laivung"), {});
      expect(lv.rows.map((r) => r.id)).toContain(a.id);
      const hl = listCorrectiveActions(ctx("thuky.hoalong"), {});
      expect(hl.rows.map((r) => r.id)).not.toContain(a.id);
      const mine = listCorrectiveActions(ctx("congchuc.laivung"), { mine: "1", status: "proposed" });
      expect(mine.rows.every((r) => r.status === "proposed" && r.ownerId === actorOf(db, "congchuc.laivung").id)).toBe(true);
      expect(() => getActionDetail(ctx("chutich.hoalong"), a.id)).toThrow(NotFoundError);
    });

    it("pages the list: open work first by due date, 'all' newest first, every row on exactly one page", () => {
      const me = ctx("canbo.tinh"); // on 2026-11-25
      const open = listCorrectiveActions(me, {}, 3);
      expect(open.status).toBe("open");
      expect(open.rows.length).toBeGreaterThan(0);
      expect(open.rows.every((r) => ["proposed", "acknowledged", "in_progress", "implemented"].includes(r.status))).toBe(true);
      expect(open.rows.map((r) => r.dueOn)).toEqual(open.rows.map((r) => r.dueOn).sort());

      const first = listCorrectiveActions(me, { status: "all" }, 3);
      expect(first.total).toBeGreaterThan(open.total); // the demo has verified and closed actions too
      expect(first.pages).toBe(Math.ceil(first.total / 3));
      const seen: number[] = [];
      for (let p = 1; p <= first.pages; p++) seen.push(...listCorrectiveActions(me, { status: "all", page: p }, 3).rows.map((r) => r.id));
      expect(seen).toHaveLength(first.total);
      expect(seen).toEqual([...seen].sort((x, y) => y - x));
      // A page past the end (an old link) shows the last page, not an empty one.
      const past = listCorrectiveActions(me, { status: "all", page: 9999 }, 3);
      expect(past.page).toBe(first.pages);
      expect(past.rows.length).toBeGreaterThan(0);
    });
  });
});
