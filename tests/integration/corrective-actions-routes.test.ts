import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/auth/sessions.server";
import { commitSessionToken } from "~/http/session.server";
import { setDb } from "~/http/db.server";
import * as ackRoute from "~/routes/corrective-actions.$id_.acknowledge";
import * as detailRoute from "~/routes/corrective-actions.$id";
import * as listRoute from "~/routes/corrective-actions._index";
import * as settingsRoute from "~/routes/corrective-actions.settings";
import * as findingRoute from "~/routes/findings.$id_.actions";
import * as inboxRoute from "~/routes/inbox";
import * as notificationsRoute from "~/routes/notifications";
import { actorOf, closeTestDb, TEST_NOW, testDb } from "../support/db";
import { finding, proposed } from "./corrective-actions-helpers";

// Loaders and actions called as Remix calls them (a Request with the session cookie), on a real database.
describe("corrective-action routes: scope, permissions, bad input", () => {
  let db: ReturnType<typeof testDb>;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    db = testDb({ seeded: true });
    setDb(db);
    for (const u of ["thuky.laivung", "chutich.laivung", "thuky.hoalong", "chutich.hoalong"]) {
      const token = createSession(db, actorOf(db, u).id, TEST_NOW, 1);
      cookies.set(u, (await commitSessionToken(token)).split(";")[0]!);
    }
  });
  afterAll(() => closeTestDb(db));

  const req = (u: string, path: string, body?: Record<string, string>) =>
    new Request(`http://localhost${path}`, {
      method: body ? "POST" : "GET",
      headers: { Cookie: cookies.get(u)!, ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
    });
  async function status(p: Promise<unknown>): Promise<number> {
    try {
      const r = await p;
      return r instanceof Response ? r.status : ((r as { init?: { status?: number } })?.init?.status ?? 200);
    } catch (e) {
      if (e instanceof Response) return e.status;
      throw e;
    }
  }
  const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

  it("a sibling commune's people get 404 on the finding's CA page and on the action", async () => {
    const { f, a } = proposed(db);
    expect(await status(findingRoute.loader(args(req("thuky.hoalong", `/findings/${f.id}/actions`), { id: String(f.id) })))).toBe(404);
    expect(await status(detailRoute.loader(args(req("thuky.hoalong", `/corrective-actions/${a.id}`), { id: String(a.id) })))).toBe(404);
    expect(await status(ackRoute.loader(args(req("chutich.hoalong", `/corrective-actions/${a.id}/acknowledge`), { id: String(a.id) })))).toBe(404);
    expect(await status(detailRoute.loader(args(req("thuky.laivung", `/corrective-actions/${a.id}`), { id: String(a.id) })))).toBe(200);
    expect(await status(detailRoute.loader(args(req("thuky.laivung", `/corrective-actions/abc`), { id: "abc" })))).toBe(404);
  });

  it("the signing page is for leaders only (403 for an officer)", async () => {
    const { a } = proposed(db);
    expect(await status(ackRoute.loader(args(req("thuky.laivung", `/corrective-actions/${a.id}/acknowledge`), { id: String(a.id) })))).toBe(403);
    expect(await status(settingsRoute.loader(args(req("thuky.laivung", "/corrective-actions/settings"))))).toBe(403);
  });

  it("lists and inboxes never show a sibling's actions", async () => {
    const { a } = proposed(db);
    const list = (await listRoute.loader(args(req("thuky.hoalong", "/corrective-actions")))) as Awaited<ReturnType<typeof listRoute.loader>>;
    expect(list.rows.map((r) => r.id)).not.toContain(a.id);
    const inbox = (await inboxRoute.loader(args(req("chutich.hoalong", "/inbox")))) as Awaited<ReturnType<typeof inboxRoute.loader>>;
    expect(inbox.toAcknowledge.map((r) => r.id)).not.toContain(a.id);
    const mine = (await inboxRoute.loader(args(req("chutich.laivung", "/inbox")))) as Awaited<ReturnType<typeof inboxRoute.loader>>;
    expect(mine.toAcknowledge.map((r) => r.id)).toContain(a.id);
  });

  it("a wrong password answers 400 with the reason beside the field, never echoing the password", async () => {
    const { a } = proposed(db);
    const res = (await ackRoute.action(
      args(req("chutich.laivung", `/corrective-actions/${a.id}/acknowledge`, { password: "sai", capacity: "own" }), { id: String(a.id) }),
    )) as unknown as { data: { error: Record<string, string[]>; initialValue?: Record<string, unknown> }; init: { status: number } };
    expect(res.init.status).toBe(400);
    expect(res.data.error.password).toEqual(["ca.errors.wrongPassword"]);
    expect(JSON.stringify(res.data)).not.toContain("sai");
  });

  it("bad input on the CA page answers 400 beside the field, not 500", async () => {
    const f = finding(db);
    const res = (await findingRoute.action(
      args(req("thuky.laivung", `/findings/${f.id}/actions`, { intent: "request", correction: "", rootCauseMethod: "five_whys", why2: "x" }), {
        id: String(f.id),
      }),
    )) as unknown as { data: { form?: string; error: Record<string, string[]> }; init: { status: number } };
    expect(res.init.status).toBe(400);
    expect(res.data.error).toMatchObject({ correction: ["errors.required"] });
    const res2 = (await findingRoute.action(
      args(req("thuky.laivung", `/findings/${f.id}/actions`, { intent: "request", correction: "Đã sửa", rootCauseMethod: "five_whys", why2: "x" }), {
        id: String(f.id),
      }),
    )) as unknown as typeof res;
    expect(res2.init.status).toBe(400);
    expect(res2.data.error.why1).toContain("ca.errors.whyFirst");
    const res3 = (await findingRoute.action(
      args(req("chutich.laivung", `/findings/${f.id}/actions`, { intent: "action", description: "x", ownerId: "1", dueOn: "31/02/2027" }), {
        id: String(f.id),
      }),
    )) as unknown as typeof res;
    expect(res3.init.status).toBe(400);
    expect(res3.data.error.dueOn).toEqual(["errors.date"]);
    const bogus = await status(findingRoute.action(args(req("thuky.laivung", `/findings/${f.id}/actions`, { intent: "nope" }), { id: String(f.id) })));
    expect(bogus).toBe(400);
  });

  it("someone else's notification cannot be opened", async () => {
    expect(await status(notificationsRoute.action(args(req("thuky.hoalong", "/notifications", { id: "1" }))))).toBe(404);
  });
});
