import path from "node:path";
import fc from "fast-check";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reports } from "#db/schema";
import { closeTestDb } from "../support/db";
import { buildFixture, call, routeManifest, type Fixture, type FormValues } from "./authz/harness";
import { seedListRecords, SPECS } from "./authz/specs";

/**
 * Hostile input against every form action of the app: random and malicious values (very long strings, odd
 * Unicode, HTML and SQL fragments, wrong types, missing and repeated fields, disguised files), posted by a
 * person allowed to use the form. Never a 5xx, never a stack trace, and the database stays sound.
 * Since issue 16 also malformed requests: wrong, missing and broken content types, truncated and garbage bodies,
 * hostile file names in every encoding a client may use, and methods other than POST.
 */
type RouteModule = { action?: (a: never) => unknown };
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const NASTY = [
  "<script>alert(1)</script>",
  "' OR 1=1; DROP TABLE units; --",
  '"; DELETE FROM trail; --',
  "../../../../etc/passwd",
  "\u0000\u0001\u0002",
  "\u202Eevil\u202C",
  "Ｑuản lý ｃhất lượng 💥🔥",
  "Z̷̢̛a̶͚̓l̵̰̈g̸̱̈́o̸̖͑",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999999",
  "31/02/2026",
  "2026-13-45",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  '{"$gt":""}',
];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constant("x".repeat(200_000)) },
  { weight: 1, arbitrary: fc.constant("") },
);

const file = fc.oneof(
  fc.constant(new File([Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(300)])], "quy-trinh.pdf", { type: "application/pdf" })),
  fc.uint8Array({ maxLength: 2000 }).map((b) => new File([b], "bang-tinh.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })),
  fc.constant(new File([], "empty.pdf")),
  fc.constant(new File(["%PDF-1.4\n<script>"], "../../x.pdf", { type: "text/html" })),
);

/** Field names: those the real forms use, plus random ones. */
function fieldNames(spec: (typeof SPECS)[string], f: Fixture): string[] {
  const names = new Set(["intent", "id", "unitId", "code", "name", "title", "description", "password", "file", "dueOn", "year", "kind", "period", "note"]);
  for (const a of spec.actions ?? []) for (const k of Object.keys(a.form(f, f.unit.C11, 999_000))) names.add(k);
  return [...names];
}

let f: Fixture;
let tried = 0;
beforeAll(async () => {
  f = await buildFixture();
  await seedListRecords(f);
});
afterAll(async () => {
  for (
    let i = 0;
    i < 100 &&
    f.db
      .select()
      .from(reports)
      .where(inArray(reports.status, ["queued", "running"]))
      .all().length;
    i++
  )
    await new Promise((r) => setTimeout(r, 200));
  const integrity = f.db.$client.pragma("integrity_check") as { integrity_check: string }[];
  const fk = f.db.$client.pragma("foreign_key_check") as unknown[];
  console.log(`[fuzz] ${tried} hostile form submissions; integrity_check: ${integrity[0]?.integrity_check}; foreign_key_check rows: ${fk.length}`);
  expect(integrity[0]?.integrity_check).toBe("ok");
  expect(fk).toEqual([]);
  closeTestDb(f.db);
});

describe("hostile input on every form action", () => {
  for (const route of routeManifest()) {
    const spec = SPECS[route.id];
    it(`${route.id}`, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      if (!mod.action || !spec) return;
      const roles = spec.actions?.[0]?.roles;
      const role = Array.isArray(roles) && roles.length ? roles[0] : "officer";
      const actor = f.actors.find((a) => a.role === role && a.at === "D1")!;
      const params = spec.params ? spec.params(f, f.unit.C11) : {};
      const names = fieldNames(spec, f);
      const form = fc.dictionary(
        fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
        fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 4 }) }, { weight: 1, arbitrary: file }),
        { maxKeys: 10 },
      );
      await fc.assert(
        fc.asyncProperty(form, fc.boolean(), async (values, multipart) => {
          tried++;
          const o = await call(mod.action as never, {
            method: "POST",
            url: `/${route.path}`,
            params,
            cookie: actor.cookie,
            form: values as FormValues,
            multipart,
          });
          expect(o.status, `${route.id}: ${o.status} ${o.body.slice(0, 300)}`).toBeLessThan(500);
          expect(o.body).not.toMatch(/\n\s+at .+\.(ts|js):\d+/); // no stack trace in any answer
        }),
        { numRuns: RUNS, seed: 20261125 },
      );
    }, 120_000);
  }
});

// ---- Malformed requests (issue 16): what a form action gets when the client is not a browser ----

/** File names people (and attackers) give files, sent as a browser, as curl, and as RFC 8187 would. */
const NAMES = [
  "Kế hoạch; lần 2.pdf",
  "x=y.pdf",
  'a"b.pdf',
  "a%22b.pdf",
  "a\\b.pdf",
  "hoadon\u202Efdp.exe",
  "🎉".repeat(70) + ".pdf",
  "ả".repeat(200) + ".pdf",
  "../../etc/passwd",
  "a\r\nContent-Type: text/html",
  "\u0000.pdf",
  "",
  " ",
];
const disposition = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `form-data; name="file"; filename="${n.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`),
  fc.constantFrom(...NAMES).map((n) => `form-data; name="file"; filename="${n.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]/g, "")}"`),
  fc.constantFrom(...NAMES).map((n) => `form-data; name="file"; filename*=UTF-8''${encodeURIComponent(n)}`),
  fc.constantFrom(
    "form-data",
    "attachment; name=file",
    'form-data; name="file"; filename="unterminated',
    "form-data; name=",
    'form-data; name="a"; name="b"',
    "form-data; ;;; name=x",
  ),
  fc.string({ maxLength: 40 }).map((g) => `form-data; ${g.replace(/[\r\n]/g, "")}`),
);
const TYPES = [
  "multipart/form-data; boundary=BOUNDARY",
  "multipart/form-data; boundary=OTHER",
  "multipart/form-data",
  'multipart/form-data; boundary=""',
  "multipart/mixed; boundary=BOUNDARY",
  "application/json",
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded; charset=iso-8859-1",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "application/xml",
  "",
];
const rawBody = fc.oneof(
  fc
    .tuple(disposition, fc.constantFrom("%PDF-1.4\n", "PK\u0003\u0004", "MZ", ""), fc.string({ maxLength: 30 }))
    .map(
      ([d, content, title]) =>
        `--BOUNDARY\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n--BOUNDARY\r\nContent-Disposition: ${d}\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n--BOUNDARY--\r\n`,
    ),
  fc.tuple(disposition, fc.nat(200)).map(([d, cut]) => `--BOUNDARY\r\nContent-Disposition: ${d}\r\n\r\n%PDF-1.4 truncated`.slice(0, cut)),
  fc.constantFrom('{"intent":"submit","id":1}', "[]", "null", "%", "%zz=%E0%A4%A", "&&&==", "a[b]=1&a[c]=2", "intent=confirm&rows=" + "[".repeat(5000)),
  fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b).toString("latin1")),
);

describe("malformed requests on every form action: content types, bodies, file names, methods", () => {
  for (const route of routeManifest()) {
    const spec = SPECS[route.id];
    it(`${route.id}`, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      if (!mod.action || !spec) return;
      const roles = spec.actions?.[0]?.roles;
      const role = Array.isArray(roles) && roles.length ? roles[0] : "officer";
      const actor = f.actors.find((a) => a.role === role && a.at === "D1")!;
      const params = spec.params ? spec.params(f, f.unit.C11) : {};
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...TYPES), rawBody, fc.constantFrom("POST", "POST", "PUT", "PATCH", "DELETE"), async (type, body, method) => {
          tried++;
          const headers = new Headers({ Cookie: actor.cookie });
          const request = new Request(`http://matrix.test/${route.path}`, { method, headers, body });
          if (type) request.headers.set("Content-Type", type);
          else request.headers.delete("Content-Type");
          let status: number;
          let text = "";
          try {
            const out = await (mod.action as (a: unknown) => unknown)({ request, params, context: {} });
            if (out instanceof Response) {
              status = out.status;
              text = await out.text().catch(() => "");
            } else if (out && typeof out === "object" && (out as { type?: string }).type === "DataWithResponseInit") {
              status = (out as { init?: ResponseInit }).init?.status ?? 200;
              text = JSON.stringify((out as { data: unknown }).data);
            } else status = 200;
          } catch (e) {
            if (!(e instanceof Response)) throw e;
            status = e.status;
            text = await e.text().catch(() => "");
          }
          expect(status, `${route.id} ${method} ${type}: ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at .+\.(ts|js):\d+/);
        }),
        { numRuns: Math.max(10, Math.round(RUNS / 2)), seed: 20261216 },
      );
    }, 120_000);
  }
});
