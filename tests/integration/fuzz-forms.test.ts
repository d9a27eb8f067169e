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
