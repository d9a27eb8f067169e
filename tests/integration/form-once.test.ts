import { randomBytes } from "node:crypto";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reports } from "#db/schema";
import { FORM_TOKEN_FIELD } from "~/lib/form-token";
import { createSession } from "~/modules/auth/sessions.server";
import { commitSessionToken } from "~/http/session.server";
import { audits } from "#db/schema";
import { eq } from "drizzle-orm";
import { closeTestDb, TEST_NOW } from "../support/db";
import { buildFixture, call, routeManifest, type Actor, type Fixture, type FormValues, type Unit } from "./authz/harness";
import { auditOf, seedListRecords, SPECS } from "./authz/specs";

/**
 * Issue 18 item 4: a form sent twice creates once. Every form that creates a record carries a token made when the
 * form is first sent (SubmitButton); the same token sent again, as a double press or a resend does, answers as
 * the first time and adds nothing: no second record, no second trail row.
 */
type RouteModule = { action?: (a: never) => unknown };
let f: Fixture;
let leadCookie = "";
const modules = new Map<string, RouteModule>();
beforeAll(async () => {
  f = await buildFixture();
  await seedListRecords(f);
  const lead = f.db
    .select()
    .from(audits)
    .where(eq(audits.id, auditOf(f, f.unit.C11).audit))
    .get()!.leadAuditorId;
  leadCookie = (await commitSessionToken(createSession(f.db, lead, TEST_NOW, 1))).split(";")[0]!;
  for (const r of routeManifest()) modules.set(r.id, (await import(/* @vite-ignore */ path.resolve("app", r.file))) as RouteModule);
}, 120_000);
afterAll(async () => {
  // Requested reports are produced in the background: let that finish before the database closes.
  const busy = () =>
    f.db
      .select()
      .from(reports)
      .where(inArray(reports.status, ["queued", "running"]))
      .all().length;
  for (let i = 0; i < 100 && busy(); i++) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 500)); // the drain's last look at the queue
  closeTestDb(f.db);
});

const token = () => randomBytes(16).toString("base64url");
const pdf = (name: string) => new File([`%PDF-1.4\n% ${name}\n1 0 obj\n<<>>\nendobj\n`], `${name}.pdf`, { type: "application/pdf" });

/** The creating forms whose matrix entry carries a valid submission: route id → the action's name. */
const FROM_SPECS: [string, string][] = [
  ["routes/admin.users.new", "create an account in the target unit"],
  ["routes/units.new", "create a unit under the target"],
  ["routes/findings.new", "record a complaint finding"],
  ["routes/findings.$id_.actions", "add an action"],
  ["routes/corrective-actions.$id_.acknowledge", "sign the acknowledgement"],
  ["routes/documents.new", "create a document with its PDF"],
  ["routes/documents.$id.review", "record a periodic review"],
  ["routes/documents.legal.new", "record a legal change"],
  ["routes/procedures.new", "add a procedure"],
  ["routes/reports.record", "queue the audit report PDF"],
  ["routes/objectives._index", "add an objective for the target unit"],
];

type Case = {
  route: string;
  actor: (f: Fixture) => Pick<Actor, "cookie">;
  target: (f: Fixture) => Unit;
  params: Record<string, string>;
  form: FormValues;
  multipart?: boolean;
};

function actorWith(role: Actor["role"], at: Actor["at"] = "D1") {
  return (fx: Fixture) => fx.actors.find((a) => a.role === role && a.at === at)!;
}

/** Creating forms whose matrix entry leaves the action to other tests: a valid submission made here. */
const HAND_MADE = (fx: Fixture): Case[] => [
  {
    route: "routes/audits.new",
    actor: actorWith("officer"),
    target: (x) => x.unit.C11,
    params: {} as Record<string, string>,
    form: {
      unitId: String(fx.unit.C11.id),
      title: "Đánh giá nội bộ thử",
      startOn: "01/12/2026",
      endOn: "02/12/2026",
      leadAuditorId: String(actorWith("officer")(fx).userId),
      clauseCodes: ["8.5"],
    },
  },
  {
    // Only the audit's team adds questions: its lead auditor (of another province, for independence).
    route: "routes/audits.$id.checklist",
    actor: () => ({ cookie: leadCookie }),
    target: (x) => x.unit.C11,
    params: { id: String(auditOf(fx, fx.unit.C11).audit) },
    form: { intent: "question", question: "Hồ sơ có phiếu kiểm soát không?" },
    multipart: true,
  },
  {
    route: "routes/inspections.new",
    actor: actorWith("inspector"),
    target: (x) => x.unit.C11,
    params: {},
    form: {
      unitId: String(fx.unit.C11.id),
      method: "on_site",
      decisionNumber: "99/QĐ-THU",
      decisionOn: "20/11/2026",
      leadId: String(actorWith("inspector")(fx).userId),
    },
  },
  {
    route: "routes/qms.$unitId.review",
    actor: actorWith("officer"),
    target: (x) => x.unit.C11,
    params: { unitId: String(fx.unit.C11.id) },
    form: { heldOn: "20/11/2026", chairedBy: "Chủ tịch UBND", inputs: "Kết quả đánh giá nội bộ", decisions: "Cập nhật quy trình" },
    multipart: true,
  },
  {
    route: "routes/documents.$id.revisions.new",
    actor: actorWith("officer"),
    target: (x) => x.unit.C11,
    params: { id: String((fx.memo.get(`doc:C11`) as { doc: number }).doc) },
    form: { changeSummary: "Sửa đổi lần 2", file: pdf("lan-2") },
  },
];

function fromSpecs(fx: Fixture): Case[] {
  return FROM_SPECS.map(([route, name]) => {
    const spec = SPECS[route]!;
    const a = spec.actions!.find((x) => x.name === name)!;
    const actor = fx.actors.find((x) => x.at === "D1" && (a.roles === "any" || a.roles.includes(x.role)))!;
    const aim = [fx.unit.C11, fx.unit.D1].find((u) => !a.applicable || a.applicable(u))!;
    return {
      route,
      actor: () => actor,
      target: () => aim,
      params: spec.params ? spec.params(fx, aim) : {},
      form: a.form(fx, aim, 9000 + route.length),
      multipart: a.multipart,
    };
  });
}

describe("a creating form sent twice creates once", () => {
  it("every creating form: the resend answers as the first time and writes nothing", async () => {
    const cases = [...fromSpecs(f), ...HAND_MADE(f)];
    const checked: string[] = [];
    for (const c of cases) {
      const mod = modules.get(c.route)!;
      const actor = c.actor(f);
      const form = { ...c.form, [FORM_TOKEN_FIELD]: token() };
      const send = () => call(mod.action as never, { method: "POST", url: "/", params: c.params, cookie: actor.cookie, form, multipart: c.multipart });
      const before = f.trailCount();
      const first = await send();
      expect(first.status, `${c.route}: ${first.body.slice(0, 300)}`).toBeLessThan(400);
      const afterFirst = f.trailCount();
      expect(afterFirst, `${c.route} wrote no trail row: ${first.status} ${first.location} ${first.body.slice(0, 200)}`).toBeGreaterThan(before);
      const again = await send();
      expect({ status: again.status, location: again.location }, c.route).toEqual({ status: first.status, location: first.location });
      expect(f.trailCount(), `${c.route} created a second time`).toBe(afterFirst);
      checked.push(c.route);
    }
    expect(checked).toHaveLength(FROM_SPECS.length + HAND_MADE(f).length);
  });

  it("without a token (no script in the browser), each sending is its own", async () => {
    const a = SPECS["routes/procedures.new"]!.actions![0]!;
    const actor = f.actors.find((x) => x.at === "D1" && x.role === "officer")!;
    const mod = modules.get("routes/procedures.new")!;
    const before = f.trailCount();
    for (const n of [1, 2]) {
      const o = await call(mod.action as never, { method: "POST", url: "/", params: {}, cookie: actor.cookie, form: a.form(f, f.unit.C11, 9500 + n) });
      expect(o.status).toBeLessThan(400);
    }
    expect(f.trailCount()).toBe(before + 2);
  });

  it("a form refused for its input claims nothing: corrected and sent again with the same token, it creates", async () => {
    const a = SPECS["routes/procedures.new"]!.actions![0]!;
    const actor = f.actors.find((x) => x.at === "D1" && x.role === "officer")!;
    const mod = modules.get("routes/procedures.new")!;
    const form = { ...a.form(f, f.unit.C11, 9600), [FORM_TOKEN_FIELD]: token() };
    const before = f.trailCount();
    const bad = await call(mod.action as never, { method: "POST", url: "/", params: {}, cookie: actor.cookie, form: { ...form, name: "" } });
    expect(bad.status).toBe(400);
    const good = await call(mod.action as never, { method: "POST", url: "/", params: {}, cookie: actor.cookie, form });
    expect(good.status).toBeLessThan(400);
    expect(f.trailCount()).toBe(before + 1);
  });

  it("someone else's token is refused, not replayed", async () => {
    const a = SPECS["routes/procedures.new"]!.actions![0]!;
    const mine = f.actors.find((x) => x.at === "D1" && x.role === "officer")!;
    const theirs = f.actors.find((x) => x.at === "C11" && x.role === "officer")!;
    const mod = modules.get("routes/procedures.new")!;
    const t = token();
    const first = await call(mod.action as never, {
      method: "POST",
      url: "/",
      params: {},
      cookie: mine.cookie,
      form: { ...a.form(f, f.unit.C11, 9700), [FORM_TOKEN_FIELD]: t },
    });
    expect(first.status).toBeLessThan(400);
    const before = f.trailCount();
    const other = await call(mod.action as never, {
      method: "POST",
      url: "/",
      params: {},
      cookie: theirs.cookie,
      form: { ...a.form(f, f.unit.C11, 9701), [FORM_TOKEN_FIELD]: t },
    });
    expect(other.status).toBe(409);
    expect(other.location).toBeUndefined();
    expect(f.trailCount()).toBe(before);
  });
});
