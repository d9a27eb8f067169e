import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";

// Migration 0023 (decision 0017): archived scheduled reports are evidence and stay exactly as they are; only a
// scheduled period report the old scheduler left unfinished (nothing would ever finish it now) is closed as failed.
describe("migration 0023: scheduled reports made before drafts", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mig-0023-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps done rows (file, hash) untouched, closes unfinished scheduled ones with the reason, leaves on-demand ones alone", () => {
    // The migrations as they were before 0023.
    const before = path.join(dir, "migrations");
    fs.cpSync(path.resolve("db/migrations"), before, { recursive: true });
    for (const f of fs.readdirSync(before)) if (f.startsWith("0023_")) fs.rmSync(path.join(before, f));
    const journal = JSON.parse(fs.readFileSync(path.join(before, "meta/_journal.json"), "utf8")) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx !== 23);
    fs.writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify(journal));
    const file = path.join(dir, "old.db");
    const old = openDatabase(file, { migrationsDir: before });
    const sqlite = old.$client;
    sqlite.exec(`INSERT INTO units (code, name, kind, path, depth, place_name, created_at, updated_at) VALUES ('X', 'Xã X', 'commune', '/1/', 0, 'X', 0, 0)`);
    const unit = (sqlite.prepare("SELECT id FROM units WHERE code = 'X'").get() as { id: number }).id;
    const add = sqlite.prepare(
      `INSERT INTO reports (kind, unit_id, period_key, status, trigger, job_name, verify_code, sha256, size, pages, file, attempts, created_at, owner)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1000, ?)`,
    );
    add.run("unit", unit, "2026-09", "done", "schedule", "reports-monthly", "AAAAA-00001", "a".repeat(64), 100, 2, "2026/1-unit.pdf", null);
    add.run("unit", unit, "2026-10", "running", "schedule", "reports-monthly", "AAAAA-00002", null, null, null, null, "host:1");
    add.run("area", unit, "2026-Q3", "failed", "schedule", "reports-quarterly", "AAAAA-00003", null, null, null, null, null);
    add.run("unit", unit, "2026-08", "queued", "manual", null, "AAAAA-00004", null, null, null, null, null);
    add.run("minutes", unit, "#3", "running", "schedule", "x", "AAAAA-00005", null, null, null, null, null);
    const snapshot = () => sqlite.prepare("SELECT * FROM reports ORDER BY id").all() as Record<string, unknown>[];
    const rowsBefore = snapshot();
    old.$client.close();

    const db = openDatabase(file, { migrationsDir: path.resolve("db/migrations") });
    const after = db.$client.prepare("SELECT * FROM reports ORDER BY id").all() as Record<string, unknown>[];
    // The archived one: every column as it was.
    expect(after[0]).toEqual(rowsBefore[0]);
    // Unfinished scheduled period reports: failed, with the reason, no owner; still no file, no hash.
    for (const i of [1, 2]) {
      expect(after[i]).toMatchObject({ status: "failed", owner: null, progress: null, sha256: null, file: null });
      expect(String(after[i]!.error)).toContain("quyết định 0017");
    }
    // An on-demand row and a record document: untouched.
    expect(after[3]).toEqual(rowsBefore[3]);
    expect(after[4]).toEqual(rowsBefore[4]);
    expect(db.$client.prepare("SELECT name FROM sqlite_master WHERE name = 'report_issues_report_idx'").get()).toBeTruthy();
    db.$client.close();
  });
});
