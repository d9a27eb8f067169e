// Issue 15, recovery that loses nothing: `npm run restore` refuses while a server holds the data folder (a lock
// the process takes; freed when the process dies, even by kill -9), and a restore drill brings back the database,
// the uploaded files and the report archive with their hashes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { backupDatabase, backupFiles } from "#db/backup";
import { files, reports } from "#db/schema";
import { readConfig } from "~/lib/config.server";
import { liveHolders } from "~/lib/data-lock.server";
import { readCheckpoints, readTrailKey, setTrailKeyState } from "~/lib/trail-key.server";
import { blobPath } from "~/modules/files/store.server";
import { produceQueued } from "~/modules/reports/produce.server";
import { requestReport } from "~/modules/reports/request.server";
import { prepareTrail } from "~/modules/trail/keying.server";
import { verifyTrail } from "~/modules/trail/verify.server";
import { ctxOf, unitIdByCode } from "../support/db";
import { SEEDED_DB } from "../support/global-setup";

const NOW = new Date("2026-11-25T03:00:00Z");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function restoreCli(dataDir: string, file: string) {
  return spawnSync("npx", ["tsx", "db/restore-cli.ts", file], { env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8", timeout: 60_000 });
}

/** A process holding the data folder as the server does (the same lock code), until it is killed. */
function holder(dataDir: string): Promise<ChildProcess> {
  const code = `import { holdDataFolder } from "./app/lib/data-lock.server.ts"; holdDataFolder(process.env.D, "server"); console.log("held"); setInterval(() => {}, 1000);`;
  const p = spawn("npx", ["tsx", "-e", code], { env: { ...process.env, D: dataDir }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) => p.stdout!.on("data", () => resolve(p)));
}

describe("restore", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drill-"));
  const config = readConfig({ ...process.env, DATA_DIR: dir, APP_ROOT: process.cwd() });
  afterAll(() => setTrailKeyState(undefined));

  it("a drill: database, uploads and reports come back with their hashes; refused while a server holds the folder", async () => {
    for (const d of [config.uploadsDir, config.reportsDir, config.backupsDir]) fs.mkdirSync(d, { recursive: true });
    fs.copyFileSync(SEEDED_DB, config.dbFile);
    let db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
    prepareTrail(db, config.dataDir, NOW);
    // One upload and one issued report in the data folder.
    const bytes = Buffer.from("%PDF-1.4 bằng chứng khắc phục");
    const h = sha(bytes);
    fs.mkdirSync(path.dirname(blobPath(config.uploadsDir, h)), { recursive: true });
    fs.writeFileSync(blobPath(config.uploadsDir, h), bytes);
    // The demo data's file rows have no bytes anywhere: let them all be this one upload.
    db.update(files).set({ sha256: h, size: bytes.length }).run();
    const row = requestReport(ctxOf(db, "thuky.laivung", NOW), { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: "2026-10" });
    const done = (await produceQueued(db, row.id, { reportsDir: config.reportsDir, baseUrl: "http://x" }, NOW))!;
    const reportFile = path.join(config.reportsDir, done.file!);

    const backup = await backupDatabase(db, config.backupsDir, "iso-xa-drill");
    expect(backupFiles(config, config.backupsDir)).toEqual({ uploads: 1, reports: 1 });
    db.$client.close();

    // Disaster: the upload is lost, the report's bytes are flipped, the database is replaced by an empty file.
    fs.rmSync(blobPath(config.uploadsDir, h));
    const flipped = fs.readFileSync(reportFile);
    flipped[100]! ^= 0xff;
    fs.writeFileSync(reportFile, flipped);
    fs.writeFileSync(config.dbFile, "");

    // A server holds the folder: refused, with a clear message, nothing changed.
    const server = await holder(config.dataDir);
    expect(liveHolders(config.dataDir)).toHaveLength(1);
    const refused = restoreCli(config.dataDir, backup.file);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/restore refused: the data folder .* is in use by server/);
    expect(fs.statSync(config.dbFile).size).toBe(0);
    // kill -9: the lock dies with the process.
    const serverPid = Number(liveHolders(config.dataDir)[0]!.owner.split(":").pop());
    process.kill(serverPid, "SIGKILL");
    await new Promise((r) => server.once("exit", r));
    server.kill("SIGKILL");
    const ok = restoreCli(config.dataDir, backup.file);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/files: 2 put back/);

    expect(sha(fs.readFileSync(blobPath(config.uploadsDir, h)))).toBe(h);
    expect(sha(fs.readFileSync(reportFile))).toBe(done.sha256);
    db = openDatabase(config.dbFile, { readonly: true });
    expect(db.select().from(reports).where(eq(reports.id, done.id)).get()).toMatchObject({ sha256: done.sha256, status: "done" });
    const key = readTrailKey(config.dataDir)!;
    const checkpoints = readCheckpoints(config.dataDir, key);
    expect(checkpoints.at(-1)).toMatchObject({ kind: "restore", macOk: true });
    expect(verifyTrail(db, { key, checkpoints, reportsDir: config.reportsDir, uploadsDir: config.uploadsDir }).problems).toEqual([]);
    db.$client.close();
  }, 120_000);
});
