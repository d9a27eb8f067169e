import { createHash } from "node:crypto";
import fs from "node:fs";
import { and, asc, eq, gt } from "drizzle-orm";
import type { DB } from "#db/client";
import { caSignatures, files, reports, trail } from "#db/schema";
import type { Checkpoint } from "~/lib/trail-key.server";
import { signatureFault } from "../corrective-actions/signatures.server";
import { blobPath } from "../files/store.server";
import { storedFilePath } from "../reports/storage.server";
import { GENESIS_HASH, recordHash, trailHash } from "./record.server";

export type TrailProblem = { what: "row" | "truncation" | "checkpoint" | "signature" | "report" | "file"; id?: number | string; reason: string };

export type TrailVerdict =
  | { ok: true; rows: number; lastId: number; head: string; keyed: boolean; checkpoints: number; problems: [] }
  | {
      ok: false;
      rows: number;
      lastId: number;
      head: string;
      keyed: boolean;
      checkpoints: number;
      brokenAtId?: number;
      reason: string;
      problems: TrailProblem[];
    };

export type VerifyOptions = {
  /** The data folder's trail key (HMAC chain); absent: the chain is checked as plain SHA-256 (before issue 15). */
  key?: Buffer | null;
  /** The lines of DATA_DIR/checkpoints.log (readCheckpoints): the chain must still reach every one of them. */
  checkpoints?: Checkpoint[];
  /** Check every archived report's and uploaded file's bytes against their recorded SHA-256. */
  reportsDir?: string;
  uploadsDir?: string;
  pageSize?: number;
};

/** An issued report's canonical fields, written into its "generate" trail row (produce.server.ts). */
export function reportRowHash(r: typeof reports.$inferSelect): string {
  return recordHash([r.id, r.kind, r.unitId, r.periodKey, r.subjectId, r.verifyCode, r.sha256, r.size, r.pages, r.file]);
}

function fileSha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/**
 * Walk the chain in id order, in pages so memory stays flat on a national database, then hold the records the
 * chain covers (signatures, issued reports) and the outside anchors (checkpoints) against it. Every problem is
 * named (row, signature, report or file id); `brokenAtId` is the first broken link of the chain itself.
 */
export function verifyTrail(db: DB, opts: VerifyOptions = {}): TrailVerdict {
  const key = opts.key ?? null;
  const pageSize = opts.pageSize ?? 5000;
  const problems: TrailProblem[] = [];
  // Only what follows the last restore or rekey line counts: a restore legitimately goes back in time.
  const all = opts.checkpoints ?? [];
  for (const c of all)
    if (!c.macOk) problems.push({ what: "checkpoint", id: `line ${c.line}`, reason: "checkpoint line does not carry the key's MAC (forged or damaged)" });
  const sound = all.filter((c) => c.macOk);
  const from = sound.findLastIndex((c) => c.kind === "restore" || c.kind === "rekey");
  const anchors = new Map<number, Checkpoint>();
  for (const c of from >= 0 ? sound.slice(from) : sound) anchors.set(c.lastId, c);

  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  let brokenAtId: number | undefined;
  const acknowledged = new Map<number, number>(); // signature id → trail row id
  const generated = new Map<number, { trailId: number; after: Record<string, unknown> }>(); // report id → its generate row
  for (;;) {
    const page = db.select().from(trail).where(gt(trail.id, lastId)).orderBy(asc(trail.id)).limit(pageSize).all();
    if (page.length === 0) break;
    for (const r of page) {
      if (brokenAtId === undefined) {
        if (r.prevHash !== prev) {
          brokenAtId = r.id;
          problems.push({ what: "row", id: r.id, reason: "prev_hash does not match the previous row (a row was removed or reordered)" });
        } else if (trailHash(prev, r, key) !== r.hash) {
          brokenAtId = r.id;
          problems.push({
            what: "row",
            id: r.id,
            reason: key
              ? "content does not match its keyed hash (the row was altered, or rehashed without the key)"
              : "content does not match its hash (the row was altered)",
          });
        }
      }
      const anchor = anchors.get(r.id);
      if (anchor && anchor.head !== r.hash)
        problems.push({
          what: "checkpoint",
          id: r.id,
          reason: `row ${r.id} differs from checkpoint line ${anchor.line} (${anchor.at}): the chain was rewritten`,
        });
      anchors.delete(r.id);
      if (r.entity === "corrective_action" && r.action === "acknowledge" && r.after) {
        const sid = (JSON.parse(r.after) as { signatureId?: number }).signatureId;
        if (typeof sid === "number") acknowledged.set(sid, r.id);
      }
      if (r.entity === "report" && (r.action === "generate" || r.action === "generated") && r.after)
        generated.set(Number(r.entityId), { trailId: r.id, after: JSON.parse(r.after) as Record<string, unknown> });
      prev = r.hash;
      lastId = r.id;
      rows++;
    }
  }
  for (const c of anchors.values())
    problems.push({
      what: c.lastId > lastId ? "truncation" : "checkpoint",
      id: c.lastId,
      reason:
        c.lastId > lastId
          ? `truncated: checkpoint line ${c.line} (${c.at}) records row ${c.lastId}, the chain ends at row ${lastId}`
          : `row ${c.lastId} of checkpoint line ${c.line} (${c.at}) is missing from the chain`,
    });

  // Signatures: each row must be the one its acknowledgement recorded; each recorded one must still exist.
  for (const s of db.select().from(caSignatures).orderBy(asc(caSignatures.id)).all()) {
    const fault = signatureFault(db, s);
    if (fault) problems.push({ what: "signature", id: s.id, reason: `ca_signatures row ${s.id} (action ${s.actionId}, ${s.signerName}): ${fault}` });
    acknowledged.delete(s.id);
  }
  for (const [sid, tid] of acknowledged)
    problems.push({ what: "signature", id: sid, reason: `ca_signatures row ${sid}, recorded by trail row ${tid}, was removed` });

  // Issued reports: each must match what its generate row recorded (and its file its SHA-256).
  for (const r of db.select().from(reports).where(eq(reports.status, "done")).orderBy(asc(reports.id)).all()) {
    const g = generated.get(r.id);
    generated.delete(r.id);
    if (!g)
      problems.push({
        what: "report",
        id: r.id,
        reason: `report ${r.id} (${r.kind} ${r.periodKey}) has no generate row in the trail (inserted outside the app?)`,
      });
    else if (typeof g.after.reportHash === "string" ? g.after.reportHash !== reportRowHash(r) : g.after.sha256 !== r.sha256)
      problems.push({ what: "report", id: r.id, reason: `report ${r.id} differs from what trail row ${g.trailId} recorded (altered)` });
    if (opts.reportsDir && r.file && r.sha256) {
      const abs = storedFilePath(opts.reportsDir, r.file);
      if (!abs) problems.push({ what: "file", id: r.file, reason: `report ${r.id}: archived file ${r.file} is missing` });
      else if (fileSha(abs) !== r.sha256)
        problems.push({ what: "file", id: r.file, reason: `report ${r.id}: archived file ${r.file} does not match its SHA-256` });
    }
  }
  for (const [rid, g] of generated) {
    const row = db
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.id, rid)))
      .get();
    // A report generated again (a new attempt of the same row) keeps its latest generate row; a lost row is named.
    if (!row) problems.push({ what: "report", id: rid, reason: `report ${rid}, recorded by trail row ${g.trailId}, was removed` });
  }

  if (opts.uploadsDir) {
    for (const f of db.select({ id: files.id, sha256: files.sha256 }).from(files).orderBy(asc(files.id)).all()) {
      const abs = blobPath(opts.uploadsDir, f.sha256);
      if (!fs.existsSync(abs)) problems.push({ what: "file", id: f.id, reason: `uploaded file ${f.id} (${f.sha256}) is missing` });
      else if (fileSha(abs) !== f.sha256) problems.push({ what: "file", id: f.id, reason: `uploaded file ${f.id} (${abs}) does not match its SHA-256` });
    }
  }

  const base = { rows, lastId, head: prev, keyed: !!key, checkpoints: all.length };
  if (!problems.length) return { ok: true, ...base, problems: [] };
  return { ok: false, ...base, brokenAtId, reason: problems[0]!.reason, problems };
}
