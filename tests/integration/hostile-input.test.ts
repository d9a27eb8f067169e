import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files, fileTables, trail, users } from "#db/schema";
import { DEMO_PASSWORD } from "#db/seed";
import { reauthenticate } from "~/modules/auth/reauthenticate.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { createSession } from "~/modules/auth/sessions.server";
import { importFigures, previewStoredFile, uploadFiguresFile } from "~/modules/figures/import.server";
import { contentDisposition, insertFileRow, sanitiseName } from "~/modules/files/store.server";
import { inflateEntry, zipDirectory } from "~/modules/imports/tabular-core";
import { readRows, TABULAR_LIMITS, TableReadError } from "~/modules/imports/tabular.server";
import { previewCatalogueImport } from "~/modules/procedures/import.server";
import { write } from "~/modules/tx.server";
import { InvalidInputError } from "~/lib/errors";
import { setDb } from "~/http/db.server";
import { cellValue, xlsxResponse } from "~/http/excel.server";
import { badTarget, bodyLimit, formBodyRefusal, FORM_MAX_BYTES, ownOrigins, sameOrigin } from "~/http/guards.server";
import { commitSessionToken, safeRedirect } from "~/http/session.server";
import { parseMultipart } from "~/http/uploads.server";
import { action as newDocument } from "~/routes/documents.new";
import { action as newFinding } from "~/routes/findings.new";
import { action as login } from "~/routes/login";
import { closeTestDb, ctxOf, TEST_NOW, testDb, unitIdByCode } from "../support/db";
import { catalogueXlsx, xlsx } from "../support/hostile";

/*
 * Issue 16, what can be shown by calling modules and route modules directly: the spreadsheet reader's limits (and
 * that it never blocks this thread), the figures import keeping what it read, throttling under concurrency, safe
 * redirects, file names, malformed bodies, export cells. tests/integration/hostile-server.test.ts replays the same
 * rows over HTTP against the running server.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-hostile-input-"));
process.env.DATA_DIR ??= dataDir;
const uploadsDir = path.join(dataDir, "files");

let db: ReturnType<typeof testDb>;
beforeAll(() => {
  db = testDb({ seeded: true });
  setDb(db);
});
afterAll(() => {
  closeTestDb(db);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Read a file while measuring how late a 20 ms timer of this thread fires (the event loop must stay free). */
async function readWatched(bytes: Buffer, limits: Parameters<typeof readRows>[1] = {}) {
  let worstLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const t = performance.now();
    worstLag = Math.max(worstLag, t - last - 20);
    last = t;
  }, 20);
  const t0 = performance.now();
  try {
    await readRows(bytes, limits);
    return { error: undefined, ms: performance.now() - t0, worstLag };
  } catch (e) {
    return { error: e as Error, ms: performance.now() - t0, worstLag };
  } finally {
    clearInterval(timer);
  }
}

const rss = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

describe("the spreadsheet reader has hard limits and runs off the main thread", () => {
  it("a zip bomb (64 KB of deflate, 64 MB of blanks) is refused from the archive's directory, within seconds, without blocking", async () => {
    const bomb = catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    // The directory alone already says no: nothing is inflated.
    expect(() => zipDirectory(bomb, TABULAR_LIMITS)).toThrow(TableReadError);
    const before = rss();
    const r = await readWatched(bomb);
    expect(r.error).toBeInstanceOf(TableReadError);
    expect(r.error?.message).toBe("imports.errors.tooBig");
    expect(r.ms).toBeLessThan(10_000);
    expect(r.worstLag).toBeLessThan(500);
    expect(rss()).toBeLessThan(before + 100);
  }, 30_000);

  it("an archive whose directory understates a sheet is stopped while inflating, at the declared size", async () => {
    const lying = catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024, declaredSheetSize: 4096 });
    const entries = zipDirectory(lying, TABULAR_LIMITS);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.size).toBe(4096);
    expect(() => inflateEntry(lying, sheet)).toThrow("imports.errors.tooBig");
    const r = await readWatched(lying);
    expect(r.error?.message).toBe("imports.errors.tooBig");
    expect(r.worstLag).toBeLessThan(500);
  }, 30_000);

  it("rows, columns, cell length, encoding, time and archive tricks each have their limit", async () => {
    const cases: [string, Buffer, string, Parameters<typeof readRows>[1]?][] = [
      ["20,200 rows of XLSX", catalogueXlsx({ rows: 20_200 }), "imports.errors.tooManyRows"],
      ["25,000 lines of CSV", Buffer.from("a,b\n" + "1,2\n".repeat(25_000)), "imports.errors.tooManyRows"],
      ["150 columns", Buffer.from(Array.from({ length: 150 }, (_, i) => `c${i}`).join(",") + "\n"), "imports.errors.tooManyColumns"],
      ["a cell of 20,000 characters", Buffer.from(`a,b\n1,${"x".repeat(20_000)}\n`), "imports.errors.cellTooLong"],
      ["Windows-1258 text", Buffer.from([0x4d, 0xe3, 0x2c, 0x62, 0x0a]), "imports.errors.encoding"],
      ["a file over the size limit", Buffer.alloc(TABULAR_LIMITS.maxBytes + 1, 0x41), "imports.errors.tooBig"],
      ["a reading past its time", catalogueXlsx({ rows: 1000 }), "imports.errors.tooSlow", { timeMs: 1 }],
      ["an encrypted entry", encrypted(catalogueXlsx({ rows: 3 })), "imports.errors.format"],
      ["a ZIP that is not a workbook", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100)]), "imports.errors.format"],
    ];
    for (const [name, bytes, key, limits] of cases) {
      const r = await readWatched(bytes, limits);
      expect(r.error?.message, name).toBe(key);
      expect(r.ms, name).toBeLessThan(10_000);
    }
  }, 120_000);

  it("an honest workbook of 19,000 rows × 12 columns is read whole", async () => {
    const big = xlsx({ header: Array.from({ length: 12 }, (_, i) => `Cột ${i}`), row: Array.from({ length: 12 }, (_, i) => `giá trị ${i}`), rows: 19_000 });
    const rows = await readRows(big);
    expect(rows).toHaveLength(19_001);
    expect(rows[19_000]!.cells[11]).toBe("giá trị 11");
  }, 60_000);

  it("one file is read at a time; beyond four waiting, the answer is 'busy'", async () => {
    const small = Buffer.from("Mã TTHC,Tên thủ tục\n1.001,Khai sinh\n");
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => readRows(small)));
    const busy = results.filter((r) => r.status === "rejected" && (r.reason as Error).message === "imports.errors.busy").length;
    expect(busy).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  }, 60_000);
});

describe("imports refuse hostile files before writing anything", () => {
  const trailRows = () => db.select({ n: count() }).from(trail).get()!.n;
  const fileRows = () => db.select({ n: count() }).from(files).get()!.n;

  it("the catalogue preview answers a zip bomb with an error beside the file", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const bomb = new File([new Uint8Array(catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024 }))], "bomb.xlsx");
    const e = await previewCatalogueImport(ctx, unitIdByCode(db, "DT-LAIVUNG"), bomb).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).fieldErrors.file).toEqual(["imports.errors.tooBig"]);
  }, 30_000);

  it("a figures upload that cannot be read stores no file, no row, no trail; a good one keeps its rows, and the import reads those", async () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const before = { trail: trailRows(), files: fileRows() };
    const bomb = new File([new Uint8Array(catalogueXlsx({ rows: 3, padding: 64 * 1024 * 1024 }))], "bomb.xlsx");
    const e = await uploadFiguresFile(ctx, bomb, { uploadsDir, maxBytes: 20 * 1024 * 1024 }).catch((x: unknown) => x);
    expect((e as InvalidInputError).fieldErrors.file).toEqual(["imports.errors.tooBig"]);
    expect({ trail: trailRows(), files: fileRows() }).toEqual(before);
    expect(fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir, { recursive: true }) : []).toEqual([]);

    const csv = "Mã đơn vị,Tháng,Tiếp nhận,Trước hạn,Đúng hạn,Quá hạn,Trực tuyến,BCCI\nDT-LAIVUNG,09/2026,100,10,80,10,50,12\n";
    const row = await uploadFiguresFile(ctx, new File([csv], "thang-9.csv", { type: "text/csv" }), { uploadsDir, maxBytes: 20 * 1024 * 1024 });
    expect(db.select().from(fileTables).where(eq(fileTables.fileId, row.id)).get()?.content.rows).toHaveLength(1);
    const shown = previewStoredFile(ctx, row.id);
    expect(shown.preview?.good).toBe(1);
    // The blob could vanish: the preview and the import no longer read it.
    fs.rmSync(uploadsDir, { recursive: true, force: true });
    expect(previewStoredFile(ctx, row.id).preview?.good).toBe(1);
    expect(await importFigures(ctx, { fileId: row.id, skipBad: false })).toEqual({ imported: 1, skipped: 0 });
  }, 60_000);

  it("a figures file uploaded before its rows were kept asks to be uploaded again", () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const legacy = write(ctx, (tx) =>
      insertFileRow(tx, ctx, { sha256: "0".repeat(64), size: 10, mime: "text/csv", ext: "csv", originalName: "cu.csv" }, unitIdByCode(db, "DT-LAIVUNG")),
    );
    expect(previewStoredFile(ctx, legacy.id)).toMatchObject({ preview: null, fileError: "imports.errors.uploadAgain" });
  });
});

describe("throttling is taken before the password is checked", () => {
  it("40 wrong passwords at once for one account: 5 checks, then locked; 40 at once from one address: 30 checks", async () => {
    const T = new Date("2026-11-25T03:00:00Z");
    const rs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(db, { username: "thuky.hoalong", password: "sai", ip: `10.1.0.${i}`, now: T, sessionDays: 14 })),
    );
    const u = db.select().from(users).where(eq(users.username, "thuky.hoalong")).get()!;
    expect(u.failedLogins).toBe(5);
    expect(u.lockedUntil).toBeGreaterThan(T.getTime());
    expect(rs.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(4);
    expect(rs.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(36);
    expect((await signIn(db, { username: "thuky.hoalong", password: DEMO_PASSWORD, ip: "10.1.1.1", now: T, sessionDays: 14 })).ok).toBe(false);

    const byIp = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(db, { username: `ai.do.${i}`, password: "sai", ip: "10.2.0.1", now: T, sessionDays: 14 })),
    );
    expect(byIp.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(30);
    expect(byIp.filter((r) => !r.ok && r.reason === "ipThrottled")).toHaveLength(10);
  }, 60_000);

  it("a success releases the reservation: failures before it are forgotten", async () => {
    const T = new Date("2026-11-25T03:00:00Z");
    for (let i = 0; i < 3; i++) await signIn(db, { username: "thuky.phonghoa", password: "sai", ip: "10.3.0.1", now: T, sessionDays: 14 });
    expect(db.select().from(users).where(eq(users.username, "thuky.phonghoa")).get()!.failedLogins).toBe(3);
    expect((await signIn(db, { username: "thuky.phonghoa", password: DEMO_PASSWORD, ip: "10.3.0.1", now: T, sessionDays: 14 })).ok).toBe(true);
    expect(db.select().from(users).where(eq(users.username, "thuky.phonghoa")).get()).toMatchObject({ failedLogins: 0, lockedUntil: null });
  }, 30_000);

  it("20 wrong signing passwords at once: 5 checks, then locked", async () => {
    const ctx = ctxOf(db, "chutich.laivung");
    const rs = await Promise.allSettled(Array.from({ length: 20 }, () => reauthenticate(ctx, (ctx.actor as { id: number }).id, "sai")));
    const keys = rs.map((r) => (r.status === "rejected" ? (r.reason as InvalidInputError).fieldErrors.password?.[0] : "ok"));
    expect(keys.filter((k) => k === "ca.errors.wrongPassword")).toHaveLength(5);
    expect(keys.filter((k) => k === "auth.errors.locked")).toHaveLength(15);
    expect(db.select().from(users).where(eq(users.username, "chutich.laivung")).get()!.failedLogins).toBe(5);
  }, 30_000);
});

describe("redirects, names, bodies, origins and export cells", () => {
  it("safeRedirect keeps paths of this app and nothing else", () => {
    const kept: [string, string][] = [
      ["/documents?q=a%2Fb&page=2", "/documents?q=a%2Fb&page=2"],
      ["/corrective-actions/12#sign", "/corrective-actions/12#sign"],
      ["/tài-liệu", "/t%C3%A0i-li%E1%BB%87u"],
    ];
    for (const [to, expected] of kept) expect(safeRedirect(to), to).toBe(expected);
    for (const to of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/%09/evil.example",
      "/\\evil.example",
      "/a\\b",
      "//evil.example",
      "/%2F%2Fevil.example",
      "/%5Cevil.example",
      "/a\r\nSet-Cookie: x=1",
      "/\u202E/evil",
      "https://evil.example",
      "evil.example",
      "",
      "/" + "a".repeat(3000),
    ])
      expect(safeRedirect(to), JSON.stringify(to)).toBe("/");
    expect(safeRedirect(42)).toBe("/");
  });

  it("file names: any name uploads; invisible format characters are stripped; 255 bytes at most; RFC 6266 downloads", () => {
    expect(sanitiseName("Kế hoạch; lần 2.pdf")).toBe("Kế hoạch; lần 2.pdf");
    expect(sanitiseName("x=y.pdf")).toBe("x=y.pdf");
    expect(sanitiseName("it's “quoted”.pdf")).toBe("it's “quoted”.pdf");
    expect(sanitiseName("hoadon\u202Efdp.exe")).toBe("hoadonfdp.exe");
    expect(sanitiseName("a\u200Bb\u2066c\uFEFF.pdf")).toBe("abc.pdf");
    expect(sanitiseName("👨‍👩‍👧.pdf")).toBe("👨‍👩‍👧.pdf");
    const long = sanitiseName("🎉".repeat(100) + ".pdf");
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long.endsWith("🎉.pdf")).toBe(true);
    expect(sanitiseName("\uD83Dx.pdf")).toBe("\uFFFDx.pdf");
    const cd = contentDisposition("Kế hoạch; lần 2 (bản “cuối”)*.pdf");
    expect(cd).toBe(
      `attachment; filename="Ke hoach; lan 2 (ban _cuoi_)_.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%3B%20l%E1%BA%A7n%202%20%28b%E1%BA%A3n%20%E2%80%9Ccu%E1%BB%91i%E2%80%9D%29_.pdf`,
    );
    expect(contentDisposition("hoadon\u202Efdp.exe")).not.toMatch(/%E2%80%AE/);
  });

  it("multipart names with ; = quotes, filename* and emoji arrive whole; an oversize file keeps the other fields", async () => {
    const names = [
      ['filename="Kế hoạch; lần 2.pdf"', "Kế hoạch; lần 2.pdf"],
      ['filename="x=y.pdf"', "x=y.pdf"],
      ['filename="a%22b%22.pdf"', 'a"b".pdf'],
      ['filename="a\\"b.pdf"', 'a"b.pdf'],
      [`filename*=UTF-8''%F0%9F%8E%89%20b%C3%A1o%20c%C3%A1o.pdf; filename="bao cao.pdf"`, "🎉 báo cáo.pdf"],
    ];
    for (const [disposition, expected] of names) {
      const body = `--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nTiêu đề\r\n--b\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n`;
      const { formData, malformed } = await parseMultipart(
        new Request("http://x.test/", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=b" }, body }),
      );
      expect(malformed, disposition).toBeUndefined();
      expect((formData.get("file") as File).name, disposition).toBe(expected);
      expect(formData.get("title")).toBe("Tiêu đề");
    }
    const big = new FormData();
    big.append("title", "Quy trình giữ lại");
    big.append("file", new File([new Uint8Array(21 * 1024 * 1024)], "lon.pdf", { type: "application/pdf" }));
    big.append("owner", "Văn phòng");
    const r = await parseMultipart(new Request("http://x.test/", { method: "POST", body: big }));
    expect(r.tooLarge).toBe("file");
    expect(r.formData.get("title")).toBe("Quy trình giữ lại");
    expect(r.formData.get("owner")).toBe("Văn phòng");
    expect(r.formData.get("file")).toBeNull();
  }, 30_000);

  it("an oversize upload to a real form comes back 400 with the error beside the file and the input kept", async () => {
    const user = db.select().from(users).where(eq(users.username, "thuky.laivung")).get()!;
    const cookie = (await commitSessionToken(createSession(db, user.id, TEST_NOW, 1))).split(";")[0]!;
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      unitId: String(unitIdByCode(db, "DT-LAIVUNG")),
      code: "QT-GIU-01",
      title: "Quy trình giữ nguyên",
      kind: "process",
      owner: "Văn phòng",
      reviewCycleMonths: "12",
      changeSummary: "Ban hành",
    }))
      fd.append(k, v);
    fd.append("file", new File([new Uint8Array(21 * 1024 * 1024)], "lon.pdf", { type: "application/pdf" }));
    const reply = (await newDocument({
      request: new Request("http://x.test/documents/new", { method: "POST", headers: { Cookie: cookie }, body: fd }),
      params: {},
      context: {},
    })) as unknown as {
      data: { status: string; initialValue: Record<string, unknown>; error: Record<string, string[]> };
      init: { status: number };
    };
    expect(reply.init.status).toBe(400);
    expect(reply.data.error.file).toEqual(["files.errors.tooLarge"]);
    expect(reply.data.initialValue).toMatchObject({ title: "Quy trình giữ nguyên", code: "QT-GIU-01", owner: "Văn phòng" });
  }, 30_000);

  it("a form action's body must be a form: JSON, text/plain, multipart without boundary, no type are 4xx before anything runs", async () => {
    const cases: [string | undefined, string, number | number[]][] = [
      ["application/json", '{"username":"a"}', 415],
      ["text/plain", "username=a", 415],
      ["multipart/form-data", "--x\r\n", 400],
      ['multipart/form-data; boundary=""', "--x\r\n", 400],
      ["application/xml", "<a/>", 415],
      // Without a length header (a Request built here) the body cannot be seen up front: the action's read fails (400),
      // or, signed out, the form is never read (302 to sign-in). Over HTTP the length is known: 415 (hostile-server).
      [undefined, "username=a", [302, 400, 415]],
    ];
    for (const [type, body, status] of cases) {
      for (const fn of [login, newFinding]) {
        const request = new Request("http://x.test/login", { method: "POST", headers: type ? { "Content-Type": type } : {}, body });
        if (!type) request.headers.delete("content-type");
        const r = await (fn as (a: unknown) => Promise<unknown>)({ request, params: {}, context: {} }).catch((e: unknown) => e);
        expect(r, `${type}`).toBeInstanceOf(Response);
        expect([status].flat(), `${type}`).toContain((r as Response).status);
      }
    }
    // A multipart body with its boundary but broken inside: the form is empty, the answer a 400 reply.
    const broken = new Request("http://x.test/login", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x\r\nbroken",
    });
    const r = await (login as (a: unknown) => Promise<unknown>)({ request: broken, params: {}, context: {} }).catch((e: unknown) => e);
    expect(r instanceof Response ? r.status : (r as { init: { status: number } }).init.status).toBe(400);
    expect(formBodyRefusal(new Request("http://x.test/", { method: "POST" }))).toBeUndefined();
  });

  it("guards: control characters in the address, origins with their scheme, body limits per kind", () => {
    for (const t of ["/login?redirectTo=%2F%0Aevil", "/a%00b", "/x?q=%0D", "/x\n", "/documents/%E0%A4%A", "/x?%0A=1"]) expect(badTarget(t), t).toBe(true);
    for (const t of ["/", "/documents?q=k%E1%BA%BF%20ho%E1%BA%A1ch&page=2", "/login?redirectTo=%2Fdocuments%3Fq%3Da"]) expect(badTarget(t), t).toBe(false);
    const own = ownOrigins("http", "xa.example:3000", { secureCookies: false });
    expect(own).toEqual(["http://xa.example:3000"]);
    expect(sameOrigin("http://xa.example:3000", undefined, own)).toBe(true);
    expect(sameOrigin("https://xa.example:3000", undefined, own)).toBe(false);
    expect(sameOrigin("http://xa.example:3001", undefined, own)).toBe(false);
    expect(sameOrigin("garbage", undefined, own)).toBe(false);
    expect(sameOrigin("null", undefined, own)).toBe(false);
    expect(sameOrigin(undefined, "cross-site", own)).toBe(false);
    expect(sameOrigin(undefined, undefined, own)).toBe(true);
    expect(ownOrigins("http", "xa.example", { secureCookies: true, publicUrl: "https://iso.xa.example/" })).toEqual([
      "http://xa.example",
      "https://xa.example",
      "https://iso.xa.example",
    ]);
    expect(bodyLimit("/login", "application/x-www-form-urlencoded", 20 << 20)).toBe(FORM_MAX_BYTES);
    expect(bodyLimit("/login.data", "text/plain", 20 << 20)).toBe(FORM_MAX_BYTES);
    expect(bodyLimit("/procedures/import.data", "application/x-www-form-urlencoded", 20 << 20)).toBeGreaterThan(FORM_MAX_BYTES);
    expect(bodyLimit("/documents/new", "multipart/form-data; boundary=x", 20 << 20)).toBe(41 << 20);
  });

  it("export cells that could be read as formulas get a leading ' and stay text", async () => {
    expect(["=1+2", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx", "ok", "", 5, -5, null].map((v) => cellValue(v))).toEqual([
      "'=1+2",
      "'+84 912",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "ok",
      "",
      5,
      -5,
      null,
    ]);
    const res = await xlsxResponse("x.xlsx", "X", [{ header: "A", value: (r: string) => r }], ['=HYPERLINK("http://evil.example","x")', "bình thường"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const values = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(values).toEqual(['\'=HYPERLINK("http://evil.example","x")', "bình thường"]);
  });
});

/** The same archive with the "encrypted" flag set on its entries in the central directory. */
function encrypted(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4))
    out.writeUInt16LE(out.readUInt16LE(p + 8) | 1, p + 8);
  return out;
}
