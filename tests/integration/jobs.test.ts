import { makeCtx } from "~/modules/context.server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jobRuns } from "#db/schema";
import { catchUp, claimRun, runJob, STALE_MS } from "#jobs/runner";
import { getJob } from "#jobs/schedule";
import type { JobDefinition } from "#jobs/types";
import { readConfig } from "~/lib/config.server";
import { closeTestDb, TEST_NOW, testDb } from "../support/db";

const clockAt = (iso: string) => () => new Date(iso);

describe("scheduled jobs run each period exactly once", () => {
  let db: ReturnType<typeof testDb>;
  let dataDir: string;
  beforeEach(() => {
    db = testDb({ seeded: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-jobs-"));
  });
  afterEach(() => {
    closeTestDb(db);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const config = () => readConfig({ DATA_DIR: dataDir, BACKUP_KEEP: "2" });

  function countingJob(fail = 0): JobDefinition & { calls: string[] } {
    const calls: string[] = [];
    return {
      name: "test-job",
      cron: "0 1 * * *",
      timezone: "Asia/Ho_Chi_Minh",
      description: "test",
      periodKey: (at) => at.toISOString().slice(0, 10),
      duePeriods: () => ["2026-11-24", "2026-11-23"],
      maxAttempts: 3,
      calls,
      run(_ctx, key) {
        calls.push(key);
        if (calls.length <= fail) throw new Error("transient failure");
        return { key };
      },
    };
  }

  it("a second scheduler asking for the same period is skipped", async () => {
    const job = countingJob();
    const a = await runJob(db, config(), job, "2026-11-24", "schedule");
    const b = await runJob(db, config(), job, "2026-11-24", "schedule");
    expect(a.status).toBe("succeeded");
    expect(b.status).toBe("skipped");
    expect(job.calls).toEqual(["2026-11-24"]);
  });

  it("a claim held by a live run blocks others; a stale one (dead process) is taken over", () => {
    const job = countingJob();
    const t = new Date("2026-11-25T00:00:00Z");
    expect(claimRun(db, job, "p1", "schedule", t)).toBeDefined();
    expect(claimRun(db, job, "p1", "schedule", new Date(t.getTime() + 1000))).toBeUndefined();
    expect(claimRun(db, job, "p1", "catch-up", new Date(t.getTime() + STALE_MS + 1))).toBeDefined();
  });

  it("a failure is recorded with its error and retried on the next catch-up, up to maxAttempts", async () => {
    const job = countingJob(1);
    const first = await catchUp(db, config(), [job], clockAt("2026-11-25T05:00:00Z"));
    const failed = first.find((r) => r.outcome.status === "failed");
    expect(failed?.outcome.error).toContain("transient failure");
    const second = await catchUp(db, config(), [job], clockAt("2026-11-25T05:15:00Z"));
    expect(second.map((r) => r.outcome.status)).toEqual(["succeeded"]);
    const rows = db.select().from(jobRuns).all();
    expect(rows.every((r) => r.status === "succeeded")).toBe(true);
    expect(rows.find((r) => r.attempts === 2)).toBeDefined();
    expect(await catchUp(db, config(), [job], clockAt("2026-11-25T05:30:00Z"))).toEqual([]);
  });

  it("the nightly backup catches up on a missed night, is a readable SQLite file, and keeps the last N", async () => {
    const job = getJob("nightly-backup")!;
    for (const day of ["2026-11-21", "2026-11-22", "2026-11-23"]) await runJob(db, config(), job, day, "schedule");
    // started at 01:30 on the 25th (before 02:00): the night of the 24th is due
    const r = await catchUp(db, config(), [job], clockAt("2026-11-24T18:30:00Z"));
    expect(r.map((x) => [x.periodKey, x.outcome.status])).toEqual([["2026-11-24", "succeeded"]]);
    const files = fs.readdirSync(path.join(dataDir, "backups")).sort();
    expect(files).toEqual(["iso-xa-2026-11-23.db", "iso-xa-2026-11-24.db"]);
    const copy = new Database(path.join(dataDir, "backups", "iso-xa-2026-11-24.db"), { readonly: true });
    expect((copy.prepare("SELECT count(*) AS n FROM units").get() as { n: number }).n).toBeGreaterThan(15);
    expect((copy.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check).toBe("ok");
    copy.close();
  });
});

describe("a run left behind by a killed process", () => {
  it("is taken over at once when its owner's pid is gone on this host, not before when it is alive", async () => {
    const { ownerIsDead } = await import("#jobs/runner");
    const os = await import("node:os");
    const now = TEST_NOW.getTime();
    expect(ownerIsDead(`${os.hostname()}:999999`, now, now)).toBe(true); // no such process
    expect(ownerIsDead(`${os.hostname()}:${process.ppid}`, now, now)).toBe(false); // alive
    expect(ownerIsDead(`other-host:123`, now, now)).toBe(false); // cannot tell: wait for the heartbeat
    expect(ownerIsDead(`other-host:123`, now - 11 * 60_000, now)).toBe(true);
  });
});

describe("documents approved with a future effective date", () => {
  it("are put into force by the nightly job on their day, once", async () => {
    const db = testDb({ seeded: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-docs-"));
    try {
      const { documents } = await import("#db/schema");
      const { eq } = await import("drizzle-orm");
      const { createDocument } = await import("~/modules/documents/create-document.server");
      const { approveRevision, recordRevisionReview, submitRevision } = await import("~/modules/documents/workflow.server");
      const ctx = makeCtx(db, { kind: "system" as const, name: "test" }, new Date("2026-11-25T03:00:00Z"));
      const unitId = db.select().from(documents).get()!.unitId;
      const { document, revision } = await createDocument(ctx, {
        unitId,
        code: "QT 99/TEST",
        title: "Quy trình thử hiệu lực",
        kind: "process",
        owner: "Văn phòng",
        reviewCycleMonths: 12,
        clauseCodes: [],
        procedureIds: [],
        changeSummary: "Ban hành",
        file: new File(["%PDF-1.4\n%test\n"], "qt.pdf", { type: "application/pdf" }),
      });
      submitRevision(ctx, document.id, revision.id);
      recordRevisionReview(ctx, document.id, revision.id, "Đạt");
      approveRevision(ctx, document.id, revision.id, "2027-01-10");
      const status = () => db.select().from(documents).where(eq(documents.id, document.id)).get()!.status;
      expect(status()).not.toBe("effective");
      const job = getJob("documents-in-force")!;
      const config = readConfig({ DATA_DIR: dir });
      expect(await runJob(db, config, job, "2027-01-09", "manual", () => new Date("2027-01-08T18:30:00Z"))).toMatchObject({
        status: "succeeded",
        output: { activated: 0 },
      });
      expect(status()).not.toBe("effective");
      expect(await runJob(db, config, job, "2027-01-10", "manual", () => new Date("2027-01-09T18:30:00Z"))).toMatchObject({
        status: "succeeded",
        output: { activated: 1 },
      });
      expect(status()).toBe("effective");
      expect((await runJob(db, config, job, "2027-01-10", "manual")).status).toBe("skipped");
    } finally {
      closeTestDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
