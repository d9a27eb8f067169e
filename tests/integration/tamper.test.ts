// Issue 15: the evidence holds against tampering. Each attack is made as an attacker would make it (the database
// file edited directly: rows inserted, altered, deleted, hashes recomputed without the key; file bytes flipped),
// and each must be named: by the page (the signature no longer counts), by the verification page, and by
// verifyTrail (what `npm run trail:verify` runs), with the row or file.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, desc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caSignatures, reports, trail } from "#db/schema";
import { readConfig } from "~/lib/config.server";
import { ConflictError } from "~/lib/errors";
import { readCheckpoints, readTrailKey, setTrailKeyState, trailKeyFile } from "~/lib/trail-key.server";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { getActionDetail } from "~/modules/corrective-actions/queries.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { startCorrectiveAction } from "~/modules/corrective-actions/start.server";
import { updateCorrectiveAction } from "~/modules/corrective-actions/update-action.server";
import { implementCorrectiveAction } from "~/modules/corrective-actions/implement.server";
import { claimQueued, produceQueued } from "~/modules/reports/produce.server";
import { requestReport } from "~/modules/reports/request.server";
import { verifyBytes, verifyText } from "~/modules/reports/verify.server";
import { prepareTrail } from "~/modules/trail/keying.server";
import { GENESIS_HASH, trailHash } from "~/modules/trail/record.server";
import { verifyTrail } from "~/modules/trail/verify.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { pdfText } from "../unit/templates-pdftext";
import { acknowledged, NOW, PASSWORD, statusOf, withRequest } from "./corrective-actions-helpers";

type TDB = ReturnType<typeof testDb>;

function dataFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tamper-"));
  return readConfig({ ...process.env, DATA_DIR: dir, APP_ROOT: process.cwd() });
}

const verify = (db: TDB, config: ReturnType<typeof dataFolder>) =>
  verifyTrail(db, {
    key: readTrailKey(config.dataDir),
    checkpoints: readCheckpoints(config.dataDir, readTrailKey(config.dataDir)!),
    // The seeded database's uploads live in the test setup's folder: uploads are checked in the restore drill.
    reportsDir: config.reportsDir,
  });

/** What an attacker without the key does after editing row `fromId`: recompute every hash from there (plain SHA-256). */
function recomputeWithoutKey(db: TDB, fromId: number, key: Buffer | null = null) {
  const rows = db
    .select()
    .from(trail)
    .where(gt(trail.id, fromId - 1))
    .orderBy(asc(trail.id))
    .all();
  let prev =
    db
      .select()
      .from(trail)
      .where(eq(trail.id, fromId - 1))
      .get()?.hash ?? GENESIS_HASH;
  for (const r of rows) {
    const hash = trailHash(prev, r, key);
    db.$client.prepare("UPDATE trail SET prev_hash = ?, hash = ? WHERE id = ?").run(prev, hash, r.id);
    prev = hash;
  }
}

describe("issue 15: tampering is named", () => {
  let db: TDB;
  let config: ReturnType<typeof dataFolder>;
  const ctx = (u: string) => ctxOf(db, u, NOW);

  beforeAll(() => {
    db = testDb({ seeded: true });
    config = dataFolder();
    // First start: a key is created outside the database and the existing chain is keyed with it.
    const t = prepareTrail(db, config.dataDir, NOW);
    expect(t.keyedRows).toBeGreaterThan(0);
    expect(fs.statSync(trailKeyFile(config.dataDir)).mode & 0o777).toBe(0o600);
  });
  afterAll(() => {
    setTrailKeyState(undefined);
    closeTestDb(db);
  });

  describe("the leader's signature binds what was shown", () => {
    it("rewriting the root cause after signing voids the signature; reverting it makes it count again and the status follows", async () => {
      const { f, a } = await acknowledged(db);
      expect(getActionDetail(ctx("chutich.laivung"), a.id).signatures[0]!.counts).toBe(true);
      // The attack of the issue: the owner's side rewrites the root cause (POST /findings/:id/actions intent=request).
      saveCaRequest(ctx("thuky.laivung"), f.id, { correction: "Đã bổ sung phiếu", rootCauseMethod: "free_text", rootCause: "Lỗi của người khác" });
      const after = getActionDetail(ctx("chutich.laivung"), a.id);
      expect(after.signatures[0]!.counts).toBe(false);
      expect(statusOf(db, a.id).status).toBe("proposed");
      expect(after.can.acknowledge).toBe(true);
      // Edit then revert: the very content that was signed is back, so is the signature, and the owner may go on.
      withRequest(db, f.id);
      expect(getActionDetail(ctx("chutich.laivung"), a.id).signatures[0]!.counts).toBe(true);
      expect(statusOf(db, a.id).status).toBe("acknowledged");
      startCorrectiveAction(ctx("congchuc.laivung"), a.id);
      expect(statusOf(db, a.id).status).toBe("in_progress");
      // Same for the action's own text, once work has started: void, then back to in progress on revert.
      const cur = statusOf(db, a.id);
      updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: "Khác", ownerId: cur.ownerId, dueOn: cur.dueOn });
      expect(statusOf(db, a.id).status).toBe("proposed");
      updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: cur.description, ownerId: cur.ownerId, dueOn: cur.dueOn });
      expect(statusOf(db, a.id).status).toBe("in_progress");
      await implementCorrectiveAction(ctx("congchuc.laivung"), a.id, { note: "Xong" });
      expect(statusOf(db, a.id).status).toBe("implemented");
      expect(verify(db, config).problems).toEqual([]);
    });

    it("a signature is refused when the content changed after the page showed it (shown hash)", async () => {
      const { a } = await acknowledged(db).then(async (r) => {
        saveCaRequest(ctx("thuky.laivung"), r.f.id, { correction: "x", rootCauseMethod: "free_text", rootCause: "Nguyên nhân mới" });
        return r;
      });
      const shown = getActionDetail(ctx("chutich.laivung"), a.id).snapshot.hash;
      const cur = statusOf(db, a.id);
      updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: "Đổi sau khi trang mở", ownerId: cur.ownerId, dueOn: cur.dueOn });
      await expect(acknowledgeCorrectiveAction(ctx("chutich.laivung"), a.id, { password: PASSWORD, capacity: "own", shownHash: shown })).rejects.toThrow(
        ConflictError,
      );
    });

    it("a forged signature row (INSERT copying the real signer) does not count and is named", async () => {
      const { a } = await acknowledged(db);
      const real = db.select().from(caSignatures).where(eq(caSignatures.actionId, a.id)).get()!;
      // Make the action's current content differ from what was signed, then forge a signature of the new content.
      const cur = statusOf(db, a.id);
      updateCorrectiveAction(ctx("thuky.laivung"), a.id, { description: "Nội dung chưa ai ký", ownerId: cur.ownerId, dueOn: cur.dueOn });
      const snapshot = getActionDetail(ctx("chutich.laivung"), a.id).snapshot;
      const { hash, ownerNames: _n, late: _l, ...content } = snapshot;
      const info = db.$client
        .prepare(
          "INSERT INTO ca_signatures (action_id, unit_id, signer_id, signer_name, signer_title, capacity, comment, content_hash, content, signed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        )
        .run(a.id, real.unitId, real.signerId, real.signerName, real.signerTitle, "own", null, hash, JSON.stringify(content), NOW.getTime() + 1000);
      const d = getActionDetail(ctx("chutich.laivung"), a.id);
      expect(d.signatures[0]!.id).toBe(Number(info.lastInsertRowid));
      expect(d.signatures[0]!.counts).toBe(false);
      expect(d.signatures[0]!.fault).toMatch(/no acknowledgement in the trail/);
      expect(d.can.start).toBe(false);
      const v = verify(db, config);
      expect(v.ok).toBe(false);
      expect(v.problems).toContainEqual(expect.objectContaining({ what: "signature", id: Number(info.lastInsertRowid) }));
      db.$client.exec("DROP TRIGGER ca_signatures_no_delete");
      db.$client.prepare("DELETE FROM ca_signatures WHERE id = ?").run(info.lastInsertRowid);
      db.$client.exec(fs.readFileSync("db/migrations/0003_ca_signatures_immutable.sql", "utf8").split("--> statement-breakpoint")[1]!);
    });

    it("a signature row rewritten with the trigger dropped, and one deleted, are named", async () => {
      const { a } = await acknowledged(db);
      const s = db.select().from(caSignatures).where(eq(caSignatures.actionId, a.id)).get()!;
      db.$client.exec("DROP TRIGGER ca_signatures_no_update");
      db.$client.prepare("UPDATE ca_signatures SET capacity = 'tm', signer_name = 'Người khác' WHERE id = ?").run(s.id);
      expect(getActionDetail(ctx("chutich.laivung"), a.id).signatures[0]!.counts).toBe(false);
      let v = verify(db, config);
      expect(v.problems).toContainEqual(
        expect.objectContaining({ what: "signature", id: s.id, reason: expect.stringMatching(/differs from what the trail recorded/) }),
      );
      db.$client.exec("DROP TRIGGER ca_signatures_no_delete");
      db.$client.exec("PRAGMA foreign_keys = OFF");
      db.$client.prepare("DELETE FROM ca_signatures WHERE id = ?").run(s.id);
      v = verify(db, config);
      expect(v.problems).toContainEqual(expect.objectContaining({ what: "signature", id: s.id, reason: expect.stringMatching(/was removed/) }));
      // Put it back as it was, so that the next attacks start from a sound database.
      db.$client
        .prepare(
          "INSERT INTO ca_signatures (id, action_id, unit_id, signer_id, signer_name, signer_title, capacity, comment, content_hash, content, signed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        )
        .run(s.id, s.actionId, s.unitId, s.signerId, s.signerName, s.signerTitle, s.capacity, s.comment, s.contentHash, s.content, s.signedAt);
      db.$client.exec("PRAGMA foreign_keys = ON");
      db.$client.exec(fs.readFileSync("db/migrations/0003_ca_signatures_immutable.sql", "utf8"));
      expect(verify(db, config).problems).toEqual([]);
    });
  });

  describe("issued reports", () => {
    const deps = () => ({ reportsDir: config.reportsDir, baseUrl: "https://iso.dongthap.gov.vn" });

    it("print the chain's head, are in the chain, and the verification page shows the head they were issued at", async () => {
      const row = requestReport(ctx("thuky.laivung"), { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: "2026-10" });
      const done = (await produceQueued(db, row.id, deps(), NOW))!;
      const gen = db.select().from(trail).where(eq(trail.entity, "report")).orderBy(desc(trail.id)).limit(1).get()!;
      const after = JSON.parse(gen.after!) as { reportHash: string; trailAt: { lastId: number; head: string } };
      expect(after.reportHash).toMatch(/^[0-9a-f]{64}$/);
      const bytes = fs.readFileSync(path.join(config.reportsDir, done.file!));
      expect(pdfText(bytes).replace(/\s+/g, " ")).toContain(`Nhật ký hệ thống: dòng ${after.trailAt.lastId}`);
      const v = verifyText(db, done.verifyCode);
      expect(v).toMatchObject({ by: "code", report: { trailAt: after.trailAt } });
      // The checkpoint log got the head after the report was issued.
      const cps = readCheckpoints(config.dataDir, readTrailKey(config.dataDir)!);
      expect(cps.at(-1)).toMatchObject({ lastId: gen.id, head: gen.hash, macOk: true });
      expect(verify(db, config).problems).toEqual([]);
    });

    it("a report row inserted to vouch for a forged file is not issued, and is named; flipped file bytes are named; a removed row is named", async () => {
      const forged = Buffer.from("%PDF-1.7 forged");
      const sha = createHash("sha256").update(forged).digest("hex");
      const info = db.$client
        .prepare(
          "INSERT INTO reports (kind, unit_id, period_key, status, trigger, verify_code, sha256, size, pages, file, attempts, created_at, finished_at) VALUES ('unit', ?, '2026-09', 'done', 'manual', 'FORGE-D0001', ?, ?, 1, NULL, 1, ?, ?)",
        )
        .run(unitIdByCode(db, "DT-LAIVUNG"), sha, forged.length, NOW.getTime(), NOW.getTime());
      expect(verifyBytes(db, forged)).toMatchObject({ report: null });
      expect(verifyText(db, "FORGE-D0001")).toMatchObject({ report: null });
      expect(verify(db, config).problems).toContainEqual(expect.objectContaining({ what: "report", id: Number(info.lastInsertRowid) }));
      db.$client.prepare("DELETE FROM reports WHERE id = ?").run(info.lastInsertRowid);

      const real = db.select().from(reports).where(eq(reports.status, "done")).orderBy(desc(reports.id)).limit(1).get()!;
      const file = path.join(config.reportsDir, real.file!);
      const good = fs.readFileSync(file);
      const flipped = Buffer.from(good);
      flipped[flipped.length >> 1]! ^= 0xff;
      fs.writeFileSync(file, flipped);
      expect(verify(db, config).problems).toContainEqual(expect.objectContaining({ what: "file", id: real.file }));
      fs.writeFileSync(file, good);

      db.$client.exec("PRAGMA foreign_keys = OFF");
      db.$client.prepare("DELETE FROM reports WHERE id = ?").run(real.id);
      expect(verify(db, config).problems).toContainEqual(
        expect.objectContaining({ what: "report", id: real.id, reason: expect.stringMatching(/was removed/) }),
      );
      const cols = Object.keys(real) as (keyof typeof real)[];
      const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      db.$client.prepare(`INSERT INTO reports (${cols.map(snake).join(",")}) VALUES (${cols.map(() => "?").join(",")})`).run(...cols.map((c) => real[c]));
      db.$client.exec("PRAGMA foreign_keys = ON");
      expect(verify(db, config).problems).toEqual([]);
    });

    it("a report whose producing process died is taken over at once, not after 10 minutes", async () => {
      const row = requestReport(ctx("thuky.laivung"), { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: "2026-08" });
      const dead = await new Promise<number>((resolve) => {
        const p = spawn(process.execPath, ["-e", ""]);
        p.on("exit", () => resolve(p.pid!));
      });
      db.update(reports)
        .set({ status: "running", startedAt: NOW.getTime() - 1000, owner: `${os.hostname()}:${dead}` })
        .where(eq(reports.id, row.id))
        .run();
      const claimed = claimQueued(db, NOW, row.id);
      expect(claimed).toMatchObject({ id: row.id, status: "running", owner: `${os.hostname()}:${process.pid}` });
      // A live producer's report is left alone.
      db.update(reports)
        .set({ status: "running", startedAt: NOW.getTime() - 1000 })
        .where(eq(reports.id, row.id))
        .run();
      expect(claimQueued(db, NOW, row.id)).toBeUndefined();
    });
  });

  describe("the chain cannot be rewritten or shortened without being named", () => {
    it("deleting the last 5 rows is named as truncation against the checkpoint log", () => {
      const last = db.select().from(trail).orderBy(desc(trail.id)).limit(1).get()!;
      const saved = db
        .select()
        .from(trail)
        .where(gt(trail.id, last.id - 5))
        .orderBy(asc(trail.id))
        .all();
      db.$client.prepare("DELETE FROM trail WHERE id > ?").run(last.id - 5);
      const v = verify(db, config);
      expect(v.ok).toBe(false);
      expect(v.problems).toContainEqual(expect.objectContaining({ what: "truncation", id: last.id }));
      for (const r of saved)
        db.$client
          .prepare(
            "INSERT INTO trail (id, at, actor_kind, actor_user_id, actor_name, unit_id, entity, entity_id, action, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
          )
          .run(r.id, r.at, r.actorKind, r.actorUserId, r.actorName, r.unitId, r.entity, r.entityId, r.action, r.before, r.after, r.prevHash, r.hash);
      expect(verify(db, config).problems).toEqual([]);
    });

    it("editing a row and recomputing every hash after it without the key is named at that row", () => {
      const target = db.select().from(trail).where(eq(trail.entity, "corrective_action")).orderBy(asc(trail.id)).limit(1).get()!;
      db.$client.prepare("UPDATE trail SET actor_name = 'Ai đó' WHERE id = ?").run(target.id);
      recomputeWithoutKey(db, target.id);
      const v = verify(db, config);
      expect(v).toMatchObject({ ok: false, brokenAtId: target.id });
      // With a guessed key it is the same.
      recomputeWithoutKey(db, target.id, Buffer.alloc(32, 7));
      expect(verify(db, config)).toMatchObject({ ok: false, brokenAtId: target.id });
      // Even the key alone is not enough: every recomputed row disagrees with the checkpoints written outside.
      recomputeWithoutKey(db, target.id, readTrailKey(config.dataDir)!);
      const withKey = verify(db, config);
      expect(withKey.ok ? undefined : withKey.brokenAtId).toBeUndefined();
      expect(withKey.problems.some((p) => p.what === "checkpoint")).toBe(true);
    });

    it("a forged checkpoint line is named; a keyed chain whose key file is gone refuses to start", () => {
      fs.appendFileSync(path.join(config.dataDir, "checkpoints.log"), `checkpoint 1 ${"0".repeat(64)} 2026-11-25T03:00:00.000Z ${"ab".repeat(32)}\n`);
      expect(verify(db, config).problems).toContainEqual(expect.objectContaining({ what: "checkpoint", reason: expect.stringMatching(/MAC/) }));
      const other = dataFolder();
      expect(() => prepareTrail(db, other.dataDir, NOW)).toThrow(/key file .* is missing/);
      setTrailKeyState({ key: readTrailKey(config.dataDir)!, dataDir: config.dataDir });
    });
  });
});
