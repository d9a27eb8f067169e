import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { documentRevisions, documents, files, procedures, trail } from "#db/schema";
import { applyBulkImport, previewBulkImport, type BulkPreview } from "~/modules/documents/bulk-import.server";
import { blobPath } from "~/modules/files/store.server";
import { config } from "~/lib/config.server";
import { DomainError } from "~/lib/errors";
import { gatherFacts } from "~/modules/compliance/facts.server";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { documentSheet, lyingZip, pdfBytes, zipOf, zipWithRawName, type SheetRow } from "../support/archives";
import { createHash } from "node:crypto";

// why: uploads are written under DATA_DIR; keep this file's apart.
process.env.DATA_DIR = path.resolve("tests/.tmp/bulk-import-data");

const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("bulk import of a unit's existing documents", () => {
  let db: ReturnType<typeof testDb>;
  let hoaLong: number;
  let procCodes: string[];
  beforeAll(() => {
    db = testDb({ seeded: true });
    hoaLong = unitIdByCode(db, "DT-HOALONG");
    procCodes = db
      .select({ code: procedures.code })
      .from(procedures)
      .where(eq(procedures.unitId, hoaLong))
      .all()
      .map((p) => p.code);
  });
  afterAll(() => closeTestDb(db));
  const officer = () => ctxOf(db, "thuky.hoalong");
  const counts = () => ({
    documents: db.select({ n: count() }).from(documents).where(eq(documents.unitId, hoaLong)).get()!.n,
    files: db.select({ n: count() }).from(files).get()!.n,
    trail: db.select({ n: count() }).from(trail).get()!.n,
  });
  const row = (i: number, over: SheetRow = {}): SheetRow => ({
    code: `BI-${String(i).padStart(2, "0")}`,
    title: `Quy trình nhập thử số ${i}`,
    kind: "Quy trình",
    clauses: "8.1; 8.5",
    effective: "15/03/2026",
    owner: "Công chức Văn phòng - Thống kê",
    ...over,
  });
  const entry = (i: number): [string, Buffer] => [`tai-lieu/BI-${String(i).padStart(2, "0")}.pdf`, pdfBytes(`BI ${i}`)];
  async function preview(zip: Buffer, sheet: Buffer) {
    return previewBulkImport(officer(), { unitId: hoaLong, archive: file(zip, "tai-lieu.zip"), sheet: file(sheet, "danh-muc.xlsx") });
  }

  it("previews every row, imports the valid ones as documents in force with their first revision, in one go", async () => {
    const before = counts();
    const factsBefore = gatherFacts(officer(), [hoaLong], "2026-11-25").get(hoaLong)!;
    const sheet = await documentSheet([
      row(1, { procedures: procCodes[0] }),
      row(2, { kind: "Biểu mẫu", clauses: "7.5" }),
      row(3, { file: "khac-ten.pdf", kind: "Hướng dẫn" }),
      row(4, { effective: "31/02/2026" }),
      row(5, { code: "BI-05" }),
    ]);
    const zip = await zipOf([
      entry(1),
      entry(2),
      ["tai-lieu/khac-ten.pdf", pdfBytes("BI 3")],
      entry(4),
      ["__MACOSX/._BI-01.pdf", Buffer.from("x")],
      ["thua.pdf", pdfBytes("x")],
    ]);
    const r = await preview(zip, sheet);
    expect("preview" in r).toBe(true);
    const p = (r as { preview: BulkPreview }).preview;
    expect(p.counts).toEqual({ create: 3, error: 2 });
    expect(p.rows.map((x) => [x.line, x.file ?? null, x.errors])).toEqual([
      [3, "tai-lieu/BI-01.pdf", {}],
      [4, "tai-lieu/BI-02.pdf", {}],
      [5, "tai-lieu/khac-ten.pdf", {}],
      [6, "tai-lieu/BI-04.pdf", { effectiveFrom: ["bulk.errors.date"] }],
      [7, null, { file: ["bulk.errors.noFile"] }],
    ]);
    expect(p.unused).toEqual(["thua.pdf"]);
    expect(counts()).toEqual(before); // a preview records nothing

    const done = await applyBulkImport(officer(), { unitId: hoaLong, token: p.token, expected: 3 });
    expect(done).toEqual({ created: 3, skipped: 2 });
    const imported = db
      .select()
      .from(documents)
      .where(and(eq(documents.unitId, hoaLong), eq(documents.code, "BI-01")))
      .get()!;
    expect(imported).toMatchObject({ status: "effective", effectiveFrom: "2026-03-15", kind: "process", nextReviewOn: "2027-03-15" });
    const rev = db.select().from(documentRevisions).where(eq(documentRevisions.id, imported.currentRevisionId!)).get()!;
    expect(rev).toMatchObject({ number: 1, status: "effective", effectiveFrom: "2026-03-15" });
    const after = counts();
    expect(after.documents - before.documents).toBe(3);
    expect(after.files - before.files).toBe(3);
    expect(after.trail - before.trail).toBe(4); // three documents and the import
    // In force and on their clocks: counted as effective, none overdue (the compliance page reads these facts).
    const facts = gatherFacts(officer(), [hoaLong], "2026-11-25").get(hoaLong)!;
    expect(facts.documents).toEqual({ ...factsBefore.documents!, effective: factsBefore.documents!.effective + 3 });
  });

  it("a disguised file (text named .pdf) is refused beside its row with the single form's words, and nothing of it is stored", async () => {
    const before = counts();
    const disguised = Buffer.from("MZ\x90\x00 this is a Windows program, not a PDF", "latin1");
    const r = (await preview(await zipOf([["BI-20.pdf", disguised]]), await documentSheet([row(20)]))) as { preview: BulkPreview };
    expect(r.preview.rows[0]!.errors).toEqual({ file: ["documents.errors.fileType"] });
    expect(r.preview.counts).toEqual({ create: 0, error: 1 });
    const refused = await applyBulkImport(officer(), { unitId: hoaLong, token: r.preview.token, expected: 1 }).catch((e: DomainError) => e);
    expect((refused as DomainError).messageKey).toBe("bulk.errors.nothing");
    expect(counts()).toEqual(before);
    expect(fs.existsSync(blobPath(config().uploadsDir, sha(disguised)))).toBe(false);
  });

  it("a path-traversal or absolute name refuses the whole archive, naming the entry; nothing is kept", async () => {
    const before = counts();
    for (const name of ["../../etc/BI-21.pdf", "/etc/BI-21.pdf", "C:/Windows/BI-21.pdf", "a/./../BI-21.pdf"]) {
      const zip = await zipWithRawName(name, pdfBytes("BI 21"), [entry(22)]);
      const r = await preview(zip, await documentSheet([row(21), row(22)]));
      expect(r, name).toEqual({ refused: { field: "archive", key: "imports.archive.unsafeName", params: { name } } });
      expect(fs.existsSync(blobPath(config().uploadsDir, sha(zip)))).toBe(false);
    }
    expect(counts()).toEqual(before);
  });

  it("a duplicate code (twice in the sheet, or already in the register) is refused on each of its rows; nothing imported", async () => {
    const before = counts();
    const r = (await preview(
      await zipOf([entry(23), ["BI-23 ban 2.pdf", pdfBytes("BI 23 bis")], ["QT01.pdf", pdfBytes("x")]]),
      await documentSheet([row(23), row(23, { file: "BI-23 ban 2.pdf", title: "Bản khác" }), row(24, { code: "BI-01", file: "QT01.pdf" })]),
    )) as { preview: BulkPreview };
    expect(r.preview.rows.map((x) => x.errors.code)).toEqual([
      ["bulk.errors.duplicateInFile"],
      ["bulk.errors.duplicateInFile"],
      ["documents.errors.codeTaken"],
    ]);
    expect(r.preview.counts.create).toBe(0);
    expect(((await applyBulkImport(officer(), { unitId: hoaLong, token: r.preview.token, expected: 1 }).catch((e) => e)) as DomainError).messageKey).toBe(
      "bulk.errors.nothing",
    );
    expect(counts()).toEqual(before);
  });

  it("a zip bomb is refused before it is unpacked (ratio), and a directory that lies about it is caught while unpacking", async () => {
    const before = counts();
    const sheet = await documentSheet([row(25)]);
    const bomb = await zipOf([["BI-25.pdf", Buffer.concat([pdfBytes("BI 25"), Buffer.alloc(15 * 1024 * 1024)])]]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await preview(bomb, sheet)).toEqual({ refused: { field: "archive", key: "imports.archive.bomb", params: { name: "BI-25.pdf" } } });
    const liar = await lyingZip("BI-25.pdf", 64 * 1024 * 1024, 1000);
    expect(await preview(liar, sheet)).toEqual({ refused: { field: "archive", key: "imports.archive.bomb", params: { name: "BI-25.pdf" } } });
    const big = await zipOf([["BI-25.pdf", Buffer.alloc(25 * 1024 * 1024)]]);
    expect(((await preview(big, sheet)) as { refused: { key: string } }).refused.key).toBe("imports.archive.entryTooBig");
    expect(counts()).toEqual(before);
  });

  it("all or nothing: a code taken between the preview and the import refuses the whole import", async () => {
    const before = counts();
    const r = (await preview(await zipOf([entry(30), entry(31)]), await documentSheet([row(30), row(31)]))) as { preview: BulkPreview };
    expect(r.preview.counts.create).toBe(2);
    // Another officer registers BI-31 meanwhile (the row is inserted directly: only its code matters here).
    const t = Date.parse("2026-11-25T03:00:00Z");
    db.insert(documents)
      .values({ unitId: hoaLong, code: "BI-31", title: "Đã có", kind: "process", owner: "x", status: "draft", createdAt: t, updatedAt: t })
      .run();
    const refused = (await applyBulkImport(officer(), { unitId: hoaLong, token: r.preview.token, expected: 2 }).catch((e) => e)) as DomainError;
    expect(refused.messageKey).toBe("bulk.errors.changed");
    expect(counts().documents).toBe(before.documents + 1);
    expect(
      db
        .select()
        .from(documents)
        .where(and(eq(documents.unitId, hoaLong), eq(documents.code, "BI-30")))
        .get(),
    ).toBeUndefined();
  });

  it("a forged or stale token imports nothing; a leader may not import; another commune's unit is refused", async () => {
    const bad = (await applyBulkImport(officer(), { unitId: hoaLong, token: "0".repeat(64) + "." + "1".repeat(64), expected: 1 }).catch(
      (e) => e,
    )) as DomainError;
    expect(bad.messageKey).toBe("bulk.errors.stale");
    const leader = await previewBulkImport(ctxOf(db, "chutich.hoalong"), {
      unitId: hoaLong,
      archive: file(Buffer.from("x"), "a.zip"),
      sheet: file(Buffer.from("x"), "b.csv"),
    }).catch((e) => e);
    expect((leader as DomainError).messageKey).toBe("errors.forbidden");
    const sibling = await previewBulkImport(ctxOf(db, "thuky.laivung"), {
      unitId: hoaLong,
      archive: file(Buffer.from("x"), "a.zip"),
      sheet: file(Buffer.from("x"), "b.csv"),
    }).catch((e) => e);
    expect((sibling as DomainError).fieldErrors.unitId).toEqual(["documents.errors.unit"]);
  });
});
