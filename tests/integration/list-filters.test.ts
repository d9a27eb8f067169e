import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_STATUSES, DOCUMENT_KINDS, FINDING_SOURCES, FINDING_STATUSES, REPORT_KINDS, REPORT_STATUSES, ROLES, type Role } from "#db/schema/enums";
import { OBLIGATIONS } from "~/modules/compliance/rules";
import { GRID_SORTS } from "~/modules/compliance/queries.server";
import { CA_LIST_STATUSES } from "~/modules/corrective-actions/schema";
import { LIST_STATUSES, OVERDUE_FILTERS } from "~/modules/documents/schema";
import { COVERAGE_FILTERS } from "~/modules/procedures/queries.server";
import { OBJECTIVE_STATES } from "~/modules/objectives/schema";
import { REPORT_ORIGINS } from "~/modules/reports/schema";
import { LIST_SORTS } from "~/lib/list-sort";
import { closeTestDb } from "../support/db";
import { buildFixture, call, type Actor, type Fixture } from "./authz/harness";
import { seedListRecords } from "./authz/specs";

/**
 * Every filter value of every list page, as an officer and an inspector (an administrator where only they may
 * read): each answers 200 and shows nothing of a unit outside the reader's scope. The values come from the page's
 * own option lists (its loader data or the constants its selects are built from), so a new option is tried as
 * soon as it exists; a filter the page's form offers without an entry here fails the test.
 */

type Data = Record<string, unknown>;
type Values = (string | number)[];
type ListSpec = {
  route: string;
  url: string;
  roles: Role[];
  /** The values of each filter, from the page's first answer (loader data) or the module's constants. */
  filters: (data: Data, f: Fixture) => Record<string, Values>;
};

const ids = (list: unknown) => (list as { id: number }[]).map((u) => u.id);
/** Text a person may type into a search box, hostile and accented alike (FTS syntax included). */
const TEXT = ["tu phap", "Tư pháp", "TƯ PHÁP", "đồng", "QT-01", "%", "_", '"', "'", "a*", "NEAR(", "-x", "OR AND NOT", "^", "   "];
const DAYS = ["01/01/2026", "31/12/2026", "2026-10-01", "32/13/2026", "x"];
const YEARS = (data: Data) => [...((data.years as number[] | undefined) ?? []), "", "1999", "abcd"];
const sorts = (route: string): Record<string, Values> => {
  const keys = LIST_SORTS[route as keyof typeof LIST_SORTS];
  return keys ? { sort: [...keys, "nope"], dir: ["asc", "desc", "x"] } : {};
};

const OFFICER_INSPECTOR: Role[] = ["officer", "inspector"];

const LISTS: ListSpec[] = [
  {
    route: "documents._index",
    url: "/documents",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({
      q: TEXT,
      unit: ids(d.units),
      kind: [...DOCUMENT_KINDS],
      status: [...LIST_STATUSES],
      clause: (d.clauses as { code: string }[]).map((c) => c.code),
      overdue: [...OVERDUE_FILTERS],
      ...sorts("documents"),
    }),
  },
  { route: "documents.legal._index", url: "/documents/legal", roles: OFFICER_INSPECTOR, filters: () => ({}) },
  {
    route: "procedures._index",
    url: "/procedures",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({ q: TEXT, unit: ids(d.units), field: d.fields as string[], coverage: [...COVERAGE_FILTERS], inactive: ["1"] }),
  },
  {
    route: "findings._index",
    url: "/findings",
    roles: OFFICER_INSPECTOR,
    filters: (d) => {
      const o = d.options as { units: unknown; grades: { code: string }[] };
      return {
        q: TEXT,
        unit: ids(o.units),
        source: [...FINDING_SOURCES],
        grade: o.grades.map((g) => g.code),
        status: [...FINDING_STATUSES],
        from: DAYS,
        to: DAYS,
        overdue: ["1"],
        ...sorts("findings"),
      };
    },
  },
  {
    route: "corrective-actions._index",
    url: "/corrective-actions",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({ status: [...CA_LIST_STATUSES], unitId: ids(d.units), q: TEXT, mine: ["1"], ...sorts("corrective-actions") }),
  },
  {
    route: "audits._index",
    url: "/audits",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({ year: YEARS(d), unit: ids(d.units), status: [...AUDIT_STATUSES], mine: ["1"], ...sorts("audits") }),
  },
  {
    route: "inspections._index",
    url: "/inspections",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({ year: YEARS(d), ...sorts("inspections") }),
  },
  {
    route: "reports._index",
    url: "/reports",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({
      kind: [...REPORT_KINDS],
      unitId: ids(d.units),
      period: ["2026-10", "2026-Q3", "2026", "2026-13", "x"],
      status: [...REPORT_STATUSES],
      origin: [...REPORT_ORIGINS],
      ...sorts("reports"),
    }),
  },
  {
    route: "objectives._index",
    url: "/objectives",
    roles: OFFICER_INSPECTOR,
    filters: (d) => ({ year: ["2026", "2025", "x"], unit: ids(d.unitOptions), state: [...OBJECTIVE_STATES] }),
  },
  { route: "figures._index", url: "/figures", roles: OFFICER_INSPECTOR, filters: (d) => ({ year: ["2026", "2025", "x"], unit: ids(d.unitOptions) }) },
  {
    route: "compliance._index",
    url: "/compliance",
    roles: OFFICER_INSPECTOR,
    // The area (a province of the national view, or any unit in scope): out of scope answers 404, as a unit's page does.
    filters: (d) => ({ q: TEXT, missing: [...OBLIGATIONS], sort: [...GRID_SORTS, "nope"], area: [...ids(d.rows).slice(0, 3), "x", "-1"] }),
  },
  { route: "qms._index", url: "/qms", roles: OFFICER_INSPECTOR, filters: () => ({ day: DAYS }) },
  { route: "units._index", url: "/units", roles: OFFICER_INSPECTOR, filters: () => ({ q: TEXT, all: ["1"] }) },
  {
    route: "admin.users._index",
    url: "/admin/users",
    roles: ["admin"],
    filters: () => ({ q: TEXT, role: [...ROLES], ...sorts("users") }),
  },
  { route: "admin.trail", url: "/admin/trail", roles: ["admin", "inspector"], filters: (d) => ({ entity: d.entities as string[], before: ["1", "x"] }) },
  // Words every unit's records hold (the fixture names each record with its unit's token): a result outside the scope shows.
  { route: "search", url: "/search", roles: OFFICER_INSPECTOR, filters: () => ({ q: [...TEXT, "token", "Quy trình", "phat hien", "HÀNH ĐỘNG", "thu tuc"] }) },
  { route: "notifications", url: "/notifications", roles: OFFICER_INSPECTOR, filters: () => ({ unread: ["1"], before: ["1", "x"] }) },
];

/** The names a page's GET filter form submits (`name="…"` inside `<Form method="get" …>`). */
function formFilterNames(route: string): string[] {
  const src = fs.readFileSync(path.resolve("app/routes", `${route}.tsx`), "utf8");
  const names = new Set<string>();
  for (const form of src.matchAll(/<Form\s+method="get"[\s\S]*?<\/Form>/g)) for (const m of form[0].matchAll(/\bname="(\w+)"/g)) names.add(m[1]!);
  return [...names];
}

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
  await seedListRecords(f);
});
afterAll(() => closeTestDb(f.db));

const outside = (a: Actor) => {
  const mine = f.unit[a.at].path;
  return Object.values(f.unit).filter((u) => !u.path.startsWith(mine));
};

/** Pages with a GET form that is not a list's filter. */
const NOT_LISTS: Record<string, string> = {
  "reports.verify._index": "checks one report's code or hash (public; tests/integration/reports.test.ts)",
  "cong-khai._index": "the public index of announcements: public by design, read without sign-in or scope",
  "documents.start":
    "chooses the one unit whose starting system is proposed (out of scope: 404; the authorization matrix and tests/integration/starter.test.ts)",
};

describe("every filter value of every list page", () => {
  it("every page with a filter form is listed here", () => {
    const pages = fs
      .readdirSync(path.resolve("app/routes"))
      .filter((file) => file.endsWith(".tsx") && /<Form\s+method="get"/.test(fs.readFileSync(path.resolve("app/routes", file), "utf8")))
      .map((file) => file.replace(/\.tsx$/, ""));
    expect(pages.filter((p) => !LISTS.some((l) => l.route === p) && !(p in NOT_LISTS))).toEqual([]);
  });

  for (const spec of LISTS) {
    it(spec.route, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve("app/routes", `${spec.route}.tsx`))) as { loader: never };
      let tried = 0;
      for (const actor of f.actors.filter((a) => spec.roles.includes(a.role))) {
        const load = async (query: Record<string, string>) => {
          const url = `${spec.url}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;
          const o = await call(mod.loader, { method: "GET", url, params: {}, cookie: actor.cookie });
          const label = `${actor.role}@${actor.at} GET ${url}`;
          expect(o.status, `${label}: ${o.body.slice(0, 300)}`).toBe(200);
          for (const u of outside(actor)) expect(o.body.includes(u.token), `${label} shows ${u.token}`).toBe(false);
          tried++;
          return JSON.parse(o.body) as Data;
        };
        const data = await load({});
        const filters = spec.filters(data, f);
        // Every filter the page's form offers is tried here.
        for (const name of formFilterNames(spec.route)) expect(Object.keys(filters), `${spec.route} offers "${name}" with no values tried`).toContain(name);
        for (const [name, values] of Object.entries(filters)) {
          // A unit filter is also tried with every unit outside the reader's scope (a hand-made link).
          const all = /^unit(Id)?$/.test(name) ? [...values, ...outside(actor).map((u) => u.id)] : values;
          for (const v of all) await load({ [name]: String(v) });
        }
      }
      expect(tried).toBeGreaterThan(2);
    });
  }
});
