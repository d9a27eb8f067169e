import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { reports, type Role } from "#db/schema";
import { closeTestDb } from "../support/db";
import { buildFixture, call, RELATIONS, RELS, routeManifest, type Fixture, type Outcome } from "./authz/harness";
import { allowedRel, seedListRecords, SPECS, type RouteSpec } from "./authz/specs";
import { privateMarks } from "./authz/specs-public";

type RouteModule = { loader?: (a: never) => unknown; action?: (a: never) => unknown };

const manifest = routeManifest();
let f: Fixture;
const tally = { routes: 0, reads: 0, actions: 0, listsChecked: 0 };

beforeAll(async () => {
  f = await buildFixture();
  await seedListRecords(f);
});
afterAll(async () => {
  // Requested reports are produced in the background: let that finish before the database closes.
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
  closeTestDb(f.db);
  console.log(
    `[authz matrix] ${tally.routes} routes × 4 roles × 2 levels × 5 relations: ${tally.reads} reads, ${tally.actions} actions, ${tally.listsChecked} list leak checks`,
  );
});

const roleAllowed = (spec: RouteSpec["read"] | "any" | Role[], role: Role) =>
  spec === "any" || spec === "public" || spec === "redirect" || (Array.isArray(spec) && spec.includes(role));
const denied = (o: Outcome) => o.status === 403 || o.status === 404;
const describeOutcome = (o: Outcome) => `${o.status}${o.location ? ` → ${o.location}` : ""} ${o.body.slice(0, 600)}`;

describe("authorization matrix (every route × role × relation)", () => {
  it("every route of the app has a matrix entry", () => {
    const missing = manifest.map((r) => r.id).filter((id) => !(id in SPECS));
    expect(missing, `routes without an authorization spec in tests/integration/authz/specs.ts`).toEqual([]);
  });

  for (const route of manifest) {
    const spec = SPECS[route.id];
    if (!spec) continue;
    it(`${route.id}`, async () => {
      tally.routes++;
      const mod = (await import(/* @vite-ignore */ path.resolve("app", route.file))) as RouteModule;
      const url = "/" + route.path;
      const tokensOutside = (at: "D1" | "C11") => {
        const inside = Object.values(f.unit).filter((u) => u.path.startsWith(f.unit[at].path));
        return Object.values(f.unit)
          .filter((u) => !inside.includes(u))
          .map((u) => u.token);
      };

      // Signed out: everything but public pages sends to sign-in; no action runs.
      const bound = !!(spec.params || spec.query);
      const urlFor = (t: (typeof f.unit)["C11"]) => (spec.query ? `${url}?${new URLSearchParams(spec.query(f, t))}` : url);
      if (spec.read !== "public" && mod.loader && spec.read !== "redirect") {
        const params = spec.params ? spec.params(f, f.unit.C11) : {};
        const o = await call(mod.loader as never, { method: "GET", url: urlFor(f.unit.C11), params });
        expect(o.status, `${route.id} signed out: ${describeOutcome(o)}`).toBe(302);
        expect(o.location).toMatch(/^\/login/);
      }

      // Anonymous, about every unit: public routes answer with published fields only.
      if (spec.anonymous && mod.loader) {
        const marks = privateMarks(f);
        for (const target of Object.values(f.unit)) {
          const a = spec.anonymous;
          const q = a.query ? `?${new URLSearchParams(a.query(f, target))}` : "";
          const o = await call(mod.loader as never, { method: "GET", url: `${url}${q}`, params: a.params ? a.params(f, target) : {} });
          const label = `${route.id} GET anonymously about ${target.code}`;
          tally.reads++;
          expect([200, ...(a.statuses ?? [])].includes(o.status), `${label}: ${describeOutcome(o)}`).toBe(true);
          for (const m of marks) expect(o.body.includes(m), `${label} shows ${m}`).toBe(false);
        }
      }

      for (const actor of f.actors) {
        const relations = bound ? RELS.filter((r) => RELATIONS[actor.at][r]) : (["own"] as const);
        for (const rel of relations) {
          const target = f.unit[RELATIONS[actor.at][rel]!];
          const params = spec.params ? spec.params(f, target) : {};
          if (mod.loader && spec.read !== "public") {
            tally.reads++;
            const o = await call(mod.loader as never, { method: "GET", url: urlFor(target), params, cookie: actor.cookie });
            const may = roleAllowed(spec.read, actor.role) && (!bound || (spec.readRels ? spec.readRels.includes(rel) : allowedRel(rel)));
            const label = `${route.id} GET as ${actor.role}@${actor.at} on ${rel} (${target.code})`;
            if (spec.read === "redirect") expect(o.status, label).toBeLessThan(400);
            else if (may) expect([200, ...(spec.allowedStatuses ?? [])].includes(o.status), `${label}: ${describeOutcome(o)}`).toBe(true);
            else expect(denied(o), `${label}: ${describeOutcome(o)}`).toBe(true);
            if (may && spec.list) {
              tally.listsChecked++;
              for (const tok of tokensOutside(actor.at)) expect(o.body.includes(tok), `${label} leaks ${tok}`).toBe(false);
            }
            if (!may) for (const tok of [target.token]) if (bound) expect(o.body.includes(tok), `${label} leaks ${tok} in its error`).toBe(false);
          }
          for (const [i, a] of (spec.actions ?? []).entries()) {
            const targets =
              spec.params || !a.targetInForm
                ? [{ rel, target }]
                : RELS.filter((r) => RELATIONS[actor.at][r]).map((r) => ({ rel: r, target: f.unit[RELATIONS[actor.at][r]!] }));
            for (const { rel: r, target: tg } of targets) {
              if (a.applicable && !a.applicable(tg)) continue;
              tally.actions++;
              const n = tally.actions * 10 + i;
              // Fixtures first (they may write), then the snapshot the refused case must leave unchanged.
              const actionParams = spec.params ? spec.params(f, tg) : {};
              const form = a.form(f, tg, n);
              const before = f.trailCount();
              const o = await call(mod.action as never, { method: "POST", url, params: actionParams, cookie: actor.cookie, form, multipart: a.multipart });
              const may = (a.roles === "any" || a.roles.includes(actor.role)) && allowedRel(r);
              const label = `${route.id} POST "${a.name}" as ${actor.role}@${actor.at} on ${r} (${tg.code})`;
              if (may) {
                expect(o.status, `${label}: ${describeOutcome(o)}`).toBeLessThan(400);
                if (!a.noTrail) expect(f.trailCount(), `${label} wrote no trail row`).toBeGreaterThan(before);
              } else {
                expect([400, 403, 404].includes(o.status), `${label}: ${describeOutcome(o)}`).toBe(true);
                expect(f.trailCount(), `${label} changed something`).toBe(before);
              }
            }
          }
        }
      }
    });
  }
});
