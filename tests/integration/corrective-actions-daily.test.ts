import { makeCtx } from "~/modules/context.server";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, trail } from "#db/schema";
import { JOBS } from "#jobs/schedule";
import { runJob } from "#jobs/runner";
import { correctiveActionsDaily } from "#jobs/handlers/corrective-actions";
import { runCorrectiveActionsDaily } from "~/modules/corrective-actions/daily.server";
import { setEscalateAfterDays } from "~/modules/corrective-actions/settings.server";
import { correctiveActionStatsForUnits } from "~/modules/corrective-actions/stats.server";
import { verifyEffectiveness } from "~/modules/corrective-actions/verify.server";
import type { MailMessage } from "~/modules/notifications/mail.server";
import { unreadCount } from "~/modules/notifications/queries.server";
import { readConfig } from "~/lib/config.server";
import { ForbiddenError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { implemented, inProgress, NOW, statusOf } from "./corrective-actions-helpers";

describe("the daily corrective-action job", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));
  const jobCtx = (now: Date) => makeCtx(db, { kind: "job" as const, name: "corrective-actions-daily" }, now);
  const forAction = (id: number) =>
    db
      .select()
      .from(notifications)
      .where(like(notifications.dedupeKey, `ca:${id}:%`))
      .all();
  const kinds = (id: number, recipient: string) =>
    forAction(id)
      .filter((n) => n.recipientId === actorOf(db, recipient).id && !n.kind.startsWith("ca.ack") && n.kind !== "ca.acknowledged")
      .map((n) => n.kind)
      .sort();

  it("reminds 7 days and 1 day before, marks overdue, escalates past N days: each once, however often it runs", async () => {
    const { a } = await inProgress(db, { dueOn: "2026-12-31" });
    const run = (day: string) => runCorrectiveActionsDaily(jobCtx(new Date(`${day}T00:00:00Z`)), day);
    run("2026-12-20"); // 11 days before: nothing
    expect(kinds(a.id, "congchuc.laivung")).toEqual([]);
    run("2026-12-24");
    run("2026-12-25");
    expect(kinds(a.id, "congchuc.laivung")).toEqual(["ca.reminder_7d"]);
    run("2026-12-30");
    run("2026-12-30");
    expect(kinds(a.id, "congchuc.laivung")).toEqual(["ca.reminder_1d", "ca.reminder_7d"]);
    const r = run("2027-01-01");
    expect(r.markedOverdue).toBeGreaterThanOrEqual(1);
    expect(statusOf(db, a.id).overdueSince).toBe("2027-01-01");
    run("2027-01-02");
    expect(kinds(a.id, "congchuc.laivung")).toEqual(["ca.overdue", "ca.reminder_1d", "ca.reminder_7d"]);
    expect(kinds(a.id, "chutich.laivung")).toEqual(["ca.overdue_leader"]);
    expect(kinds(a.id, "phochutich.laivung")).toEqual(["ca.overdue_leader"]);
    // N = 14 by default: day 14 overdue is not yet "more than N"
    run("2027-01-14");
    expect(kinds(a.id, "canbo.tinh")).toEqual([]);
    run("2027-01-15");
    run("2027-01-16");
    run("2027-02-20");
    expect(kinds(a.id, "canbo.tinh")).toEqual(["ca.escalated"]); // the province is the commune's parent unit
    expect(kinds(a.id, "thuky.hoalong")).toEqual([]); // a sibling hears nothing
    expect(kinds(a.id, "congchuc.laivung")).toEqual(["ca.overdue", "ca.reminder_1d", "ca.reminder_7d"]);
    const marks = db
      .select()
      .from(trail)
      .where(and(eq(trail.entity, "corrective_action"), eq(trail.entityId, String(a.id)), eq(trail.action, "mark-overdue")))
      .all();
    expect(marks).toHaveLength(1);
  });

  it("N is a setting the administrator changes (recorded)", async () => {
    expect(() => setEscalateAfterDays(ctxOf(db, "thuky.laivung"), 3)).toThrow(ForbiddenError);
    setEscalateAfterDays(ctxOf(db, "quantri"), 3);
    const { a } = await inProgress(db, { dueOn: "2026-12-31" });
    runCorrectiveActionsDaily(jobCtx(NOW), "2027-01-04");
    expect(kinds(a.id, "canbo.tinh")).toEqual(["ca.escalated"]);
    setEscalateAfterDays(ctxOf(db, "quantri"), 14);
  });

  it("implemented or verified actions are not chased", async () => {
    const { a } = await implemented(db, { dueOn: "2026-12-31" });
    runCorrectiveActionsDaily(jobCtx(NOW), "2027-02-20");
    expect(kinds(a.id, "congchuc.laivung")).toEqual([]);
  });

  it("runs through the job runner once per day (period key = the fixed day), and mails only when a mailer exists", async () => {
    const job = JOBS.find((j) => j.name === "corrective-actions-daily")!;
    expect(job.cron).toBe("0 7 * * *");
    const { a } = await inProgress(db, { dueOn: "2026-12-31" });
    const config = readConfig({ ...process.env, SMTP_URL: "" });
    const clock = () => new Date("2027-01-20T01:00:00Z");
    const first = await runJob(db, config, job, "2027-01-20", "manual", clock);
    expect(first.status).toBe("succeeded");
    expect((first.output as { mail: { off?: boolean } }).mail.off).toBe(true);
    const second = await runJob(db, config, job, "2027-01-20", "manual", clock);
    expect(second.status).toBe("skipped");
    expect(kinds(a.id, "canbo.tinh")).toEqual(["ca.escalated"]);
    // why a fake mailer: outbound mail is the one thing tests may fake.
    const sent: MailMessage[] = [];
    db.$client.prepare("UPDATE users SET email = 'tinh@example.vn' WHERE username = 'canbo.tinh'").run();
    const ctx = Object.assign(jobCtx(clock()), { config, heartbeat() {}, log() {} });
    await correctiveActionsDaily(ctx, "2027-01-21", { send: async (m) => void sent.push(m) });
    expect(sent.filter((m) => m.to === "tinh@example.vn")).toHaveLength(1);
    expect(sent[0]!.text).toContain(`#${a.id}`);
    await correctiveActionsDaily(ctx, "2027-01-22", { send: async (m) => void sent.push(m) });
    expect(sent.filter((m) => m.to === "tinh@example.vn")).toHaveLength(1); // nothing new, nothing mailed twice
  });

  it("unread count and stats per unit for the reports", async () => {
    const before = unreadCount(ctxOf(db, "canbo.tinh"));
    expect(before).toBeGreaterThan(0);
    const { a } = await implemented(db, { dueOn: "2026-12-31" });
    verifyEffectiveness(ctxOf(db, "canbo.tinh", NOW), a.id, { outcome: "effective", note: "ok" });
    const stats = correctiveActionStatsForUnits(ctxOf(db, "kiemtra.tinh"), "2027-01-20");
    const lv = stats.find((s) => s.unitId === unitIdByCode(db, "DT-LAIVUNG"))!;
    expect(lv.closed).toBeGreaterThanOrEqual(2); // the seeded closed one + this one
    expect(lv.overdue).toBeGreaterThanOrEqual(1);
    expect(lv.acknowledgements).toBeGreaterThanOrEqual(lv.closed);
    expect(lv.closedOnTimePct).toBe(Math.round((100 * lv.closedOnTime) / lv.closed));
    const hl = correctiveActionStatsForUnits(ctxOf(db, "thuky.hoalong"), "2027-01-20");
    expect(hl.map((s) => s.unitCode)).toEqual(["DT-HOALONG"]);
  });
});
