import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceGrid } from "~/modules/compliance/queries.server";
import { implementCorrectiveAction } from "~/modules/corrective-actions/implement.server";
import { correctiveActionsPage, listCorrectiveActions, unitsWithActions } from "~/modules/corrective-actions/queries.server";
import { dashboardData } from "~/modules/dashboard/queries.server";
import { listReports } from "~/modules/reports/queries.server";
import { requestReport } from "~/modules/reports/request.server";
import { ReportFiltersSchema } from "~/modules/reports/schema";
import { eq } from "drizzle-orm";
import type { EntryContext } from "@remix-run/node";
import { pageKey } from "~/http/html-cache.server";
import { reports } from "#db/schema";
import type { UserActor } from "~/modules/context";
import type { Ctx } from "~/modules/context";
import { closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { inProgress } from "./corrective-actions-helpers";

// Issue 19: what the dashboard, the action list and the compliance grid read is kept per scope and day until the trail
// grows (app/modules/read-cache.server.ts). Every write must show at the next read, in every reader's view.
describe("pages kept between writes stay correct after a write", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));

  // Read the day after NOW: an action due on NOW's day is overdue then.
  const LATER = new Date("2026-11-26T03:00:00Z");
  const inspector = () => ctxOf(db, "kiemtra.tinh", LATER) as Ctx & { readonly actor: UserActor };
  const home = () => dashboardData(inspector(), "vi");
  const openList = () => listCorrectiveActions(inspector(), { status: "open" });
  const overdueList = () => listCorrectiveActions(inspector(), { status: "overdue" });

  it("an action created, then implemented, moves the dashboard's overdue count and the lists, read twice each time", async () => {
    const before = { home: home(), open: openList(), overdue: overdueList() };
    // Read again with no write between: the same (kept) answer.
    expect(home()).toEqual(before.home);
    expect(openList()).toEqual(before.open);

    // Due on NOW's day, so overdue on the day the inspector reads.
    const { a } = await inProgress(db, { dueOn: "2026-11-25" });
    const afterCreate = { home: home(), open: openList(), overdue: overdueList() };
    expect(afterCreate.open.total).toBe(before.open.total + 1);
    expect(afterCreate.overdue.total).toBe(before.overdue.total + 1);
    expect(afterCreate.overdue.rows.map((r) => r.id)).toContain(a.id);
    expect(afterCreate.home.overdue.actions).toBe(before.home.overdue.actions + 1);
    expect(unitsWithActions(inspector()).map((u) => u.name)).toContain("Xã Lai Vung");

    await implementCorrectiveAction(ctxOf(db, "congchuc.laivung", LATER), a.id, { note: "Đã sửa quy trình" });
    const afterImplement = { home: home(), overdue: overdueList() };
    expect(afterImplement.home.overdue.actions).toBe(before.home.overdue.actions);
    expect(afterImplement.overdue.total).toBe(before.overdue.total);
    expect(afterImplement.overdue.rows.map((r) => r.id)).not.toContain(a.id);
  });

  it("a rendered page keyed by a kept list gets a new key after a write, and the list cannot be changed in place", async () => {
    // The page's data as the route returns it (app/routes/corrective-actions._index.tsx): the kept list stands in the
    // page's key by its identity (app/http/html-cache.server.ts), so the key must follow the list's new copy.
    const pageData = () => ({ ...correctiveActionsPage(inspector(), { status: "open" }), filter: { status: "open" } });
    const keyOf = (data: unknown) =>
      pageKey(new Request("http://x/corrective-actions"), 200, {
        staticHandlerContext: { loaderData: { root: { user: { id: 1 } }, "routes/corrective-actions._index": data }, actionData: null, errors: null },
      } as unknown as EntryContext);
    const first = pageData();
    expect(pageData().rows).toBe(first.rows); // the same kept view, not a copy
    expect(keyOf(pageData())).toBe(keyOf(first));
    expect(() => (first.rows as { id: number }[]).push({ id: 0 })).toThrow(TypeError); // frozen under test

    await inProgress(db, { dueOn: "2026-12-20" });
    const after = pageData();
    expect(after.total).toBe(first.total + 1);
    expect(keyOf(after)).not.toBe(keyOf(first));
    expect(keyOf(pageData())).toBe(keyOf(after));
  });

  it("the day is part of what is kept: the next day's dashboard counts what fell due since", async () => {
    const { a } = await inProgress(db, { dueOn: "2026-11-26" });
    const today = dashboardData(inspector(), "vi");
    const next = new Date("2026-11-27T03:00:00Z");
    const tomorrow = dashboardData(ctxOf(db, "kiemtra.tinh", next) as Ctx & { readonly actor: UserActor }, "vi");
    expect(tomorrow.overdue.actions).toBe(today.overdue.actions + 1);
    expect(listCorrectiveActions(ctxOf(db, "kiemtra.tinh", next), { status: "overdue" }).rows.map((r) => r.id)).toContain(a.id);
  });

  it("each reader keeps their own scope: a commune's officer never gets the province's kept page", () => {
    const province = listCorrectiveActions(inspector(), { status: "all" });
    const commune = listCorrectiveActions(ctxOf(db, "thuky.hoalong", LATER), { status: "all" });
    expect(commune.total).toBeLessThan(province.total);
    expect(complianceGrid(ctxOf(db, "thuky.hoalong", LATER)).rows.map((r) => r.name)).toEqual(["Xã Hòa Long"]);
  });

  it("the reports list shows a report being made as it moves, though its progress is written without a trail row", () => {
    const ctx = () => ctxOf(db, "thuky.laivung", LATER);
    const list = () => listReports(ctx(), ReportFiltersSchema.parse({}));
    const before = list();
    const r = requestReport(ctx(), { kind: "unit", unitId: unitIdByCode(db, "DT-LAIVUNG"), period: "2026-10" });
    expect(list().total).toBe(before.total + 1);
    expect(list().rows.find((x) => x.id === r.id)).toMatchObject({ status: "queued" });
    // What the producer does while it works (claimQueued, setProgress): no trail row until the report is done.
    db.update(reports).set({ status: "running", progress: "reports.progress.collecting" }).where(eq(reports.id, r.id)).run();
    expect(list().rows.find((x) => x.id === r.id)).toMatchObject({ status: "running", progress: "reports.progress.collecting" });
    db.update(reports).set({ progress: "reports.progress.rendering" }).where(eq(reports.id, r.id)).run();
    expect(list().rows.find((x) => x.id === r.id)).toMatchObject({ status: "running", progress: "reports.progress.rendering" });
  });
});
