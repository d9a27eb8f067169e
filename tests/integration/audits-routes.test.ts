import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFindings, audits, correctiveActions, inspectionFindings, inspections, users } from "#db/schema";
import { createSession } from "~/modules/auth/sessions.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import * as auditPage from "~/routes/audits.$id._index";
import * as auditChecklist from "~/routes/audits.$id.checklist";
import * as auditEdit from "~/routes/audits.$id.edit";
import * as auditRaise from "~/routes/audits.$id.items.$itemId.finding";
import * as auditsList from "~/routes/audits._index";
import * as auditsNew from "~/routes/audits.new";
import * as auditsPlan from "~/routes/audits.plan";
import * as programme from "~/routes/audits.programme";
import * as findingPage from "~/routes/findings.$id._index";
import * as findingsList from "~/routes/findings._index";
import * as findingsNew from "~/routes/findings.new";
import * as inspectionPage from "~/routes/inspections.$id._index";
import * as inspectionFinding from "~/routes/inspections.$id.findings.new";
import * as minutes from "~/routes/inspections.$id.minutes";
import * as inspectionsNew from "~/routes/inspections.new";
import * as inspectionPlan from "~/routes/inspections.plan";
import * as qmsUnit from "~/routes/qms.$unitId._index";
import * as qmsConfirm from "~/routes/qms.$unitId.confirm";
import * as qmsReview from "~/routes/qms.$unitId.review";
import * as qmsList from "~/routes/qms._index";
import { closeTestDb, TEST_NOW, testDb, unitIdByCode } from "../support/db";

type DB = ReturnType<typeof testDb>;
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

/** What a route loader answers for a signed-in demo account: its data, or the status of the Response it threw. */
async function load(db: DB, username: string, loader: Loader, url: string, params: Record<string, string> = {}) {
  const user = db.select().from(users).where(eq(users.username, username)).get()!;
  const token = createSession(db, user.id, TEST_NOW, 1);
  const cookie = (await commitSessionToken(token)).split(";")[0]!;
  const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
  try {
    return { status: 200, data: (await loader({ request, params, context: {} })) as Record<string, unknown> };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, data: undefined };
    throw e;
  }
}

describe("routes of the audits area keep to the reader's scope", () => {
  let db: DB;
  let laiVungAudit: number;
  let laiVungItem: number;
  let laiVungFinding: number;
  let hoaLongInspection: number;
  let hoaLongFinding: number;
  beforeAll(() => {
    db = testDb({ seeded: true });
    setDb(db);
    laiVungAudit = db
      .select()
      .from(audits)
      .where(eq(audits.unitId, unitIdByCode(db, "DT-LAIVUNG")))
      .get()!.id;
    const link = db.select().from(auditFindings).where(eq(auditFindings.auditId, laiVungAudit)).get()!;
    laiVungItem = link.checklistItemId!;
    laiVungFinding = link.findingId;
    hoaLongInspection = db
      .select()
      .from(inspections)
      .where(eq(inspections.unitId, unitIdByCode(db, "DT-HOALONG")))
      .get()!.id;
    hoaLongFinding = db.select().from(inspectionFindings).where(eq(inspectionFindings.inspectionId, hoaLongInspection)).get()!.findingId;
  });
  afterAll(() => closeTestDb(db));

  it("a sibling commune's users get 404 on another commune's audit, checklist, finding, inspection and QMS records", async () => {
    const a = String(laiVungAudit);
    const cases: [Loader, string, Record<string, string>][] = [
      [auditPage.loader as Loader, `/audits/${a}`, { id: a }],
      [auditChecklist.loader as Loader, `/audits/${a}/checklist`, { id: a }],
      [auditEdit.loader as Loader, `/audits/${a}/edit`, { id: a }],
      [auditRaise.loader as Loader, `/audits/${a}/items/${laiVungItem}/finding`, { id: a, itemId: String(laiVungItem) }],
      [findingPage.loader as Loader, `/findings/${laiVungFinding}`, { id: String(laiVungFinding) }],
      [programme.loader as Loader, `/audits/programme?unit=${unitIdByCode(db, "DT-LAIVUNG")}&year=2026`, {}],
      [qmsUnit.loader as Loader, `/qms/${unitIdByCode(db, "DT-LAIVUNG")}`, { unitId: String(unitIdByCode(db, "DT-LAIVUNG")) }],
      [qmsReview.loader as Loader, `/qms/${unitIdByCode(db, "DT-LAIVUNG")}/review`, { unitId: String(unitIdByCode(db, "DT-LAIVUNG")) }],
    ];
    for (const [loader, url, params] of cases) {
      expect((await load(db, "thuky.tanduong", loader, url, params)).status, url).toBe(404);
    }
    // Hòa Long's secretary audited Lai Vung (cross audit in the demo data): she reads that audit, not Lai Vung's other records.
    expect((await load(db, "thuky.hoalong", auditPage.loader as Loader, `/audits/${a}`, { id: a })).status).toBe(200);
    expect((await load(db, "thuky.hoalong", findingPage.loader as Loader, `/findings/${laiVungFinding}`, { id: String(laiVungFinding) })).status).toBe(200);
    const lvUnit = String(unitIdByCode(db, "DT-LAIVUNG"));
    expect((await load(db, "thuky.hoalong", qmsUnit.loader as Loader, `/qms/${lvUnit}`, { unitId: lvUnit })).status).toBe(404);
    const hlList = await load(db, "thuky.hoalong", findingsList.loader as Loader, "/findings");
    expect((hlList.data!.rows as { unitName: string }[]).every((r) => r.unitName === "Xã Hòa Long")).toBe(true);
    const i = String(hoaLongInspection);
    expect((await load(db, "chutich.laivung", inspectionPage.loader as Loader, `/inspections/${i}`, { id: i })).status).toBe(404);
    expect((await load(db, "chutich.laivung", findingPage.loader as Loader, `/findings/${hoaLongFinding}`, { id: String(hoaLongFinding) })).status).toBe(404);
    // The same pages open for the commune itself.
    expect((await load(db, "chutich.laivung", auditPage.loader as Loader, `/audits/${a}`, { id: a })).status).toBe(200);
    expect((await load(db, "chutich.hoalong", inspectionPage.loader as Loader, `/inspections/${i}`, { id: i })).status).toBe(200);
  });

  it("lists show only the reader's scope", async () => {
    const lv = await load(db, "chutich.laivung", findingsList.loader as Loader, "/findings");
    const units = new Set((lv.data!.rows as { unitName: string }[]).map((r) => r.unitName));
    expect([...units]).toEqual(["Xã Lai Vung"]);
    const hl = await load(db, "chutich.hoalong", auditsList.loader as Loader, "/audits?year=");
    expect(hl.data!.rows).toEqual([]);
    const cycle = await load(db, "chutich.hoalong", qmsList.loader as Loader, "/qms?day=25/11/2026");
    expect((cycle.data!.rows as { code: string }[]).map((r) => r.code)).toEqual(["DT-HOALONG"]);
    const province = await load(db, "kiemtra.tinh", findingsList.loader as Loader, "/findings?source=inspection&overdue=1");
    const hoaLong = await load(db, "chutich.hoalong", findingsList.loader as Loader, "/findings?source=inspection&overdue=1");
    expect(hoaLong.data!.total).toBe(2);
    expect(province.data!.total).toBeGreaterThanOrEqual(2);
  });

  it("write pages answer 403 to roles without the capability", async () => {
    const a = String(laiVungAudit);
    const lv = String(unitIdByCode(db, "DT-LAIVUNG"));
    const i = String(hoaLongInspection);
    const cases: [string, Loader, string, Record<string, string>][] = [
      ["chutich.laivung", auditsNew.loader as Loader, "/audits/new", {}],
      ["kiemtra.tinh", auditsPlan.loader as Loader, "/audits/plan", {}],
      ["chutich.laivung", findingsNew.loader as Loader, "/findings/new", {}],
      ["canbo.tinh", inspectionsNew.loader as Loader, "/inspections/new", {}],
      ["canbo.tinh", inspectionPlan.loader as Loader, "/inspections/plan", {}],
      ["canbo.tinh", minutes.loader as Loader, `/inspections/${i}/minutes`, { id: i }],
      ["canbo.tinh", inspectionFinding.loader as Loader, `/inspections/${i}/findings/new`, { id: i }],
      ["thuky.laivung", qmsConfirm.loader as Loader, `/qms/${lv}/confirm`, { unitId: lv }],
      // The audit is reported: its checklist takes no more findings, even from its lead auditor.
      ["canbo.tinh", auditRaise.loader as Loader, `/audits/${a}/items/${laiVungItem}/finding`, { id: a, itemId: String(laiVungItem) }],
    ];
    for (const [who, loader, url, params] of cases) expect((await load(db, who, loader, url, params)).status, `${who} ${url}`).toBe(403);
    expect((await load(db, "chutich.laivung", qmsConfirm.loader as Loader, `/qms/${lv}/confirm`, { unitId: lv })).status).toBe(200);
  });

  it("malformed ids and filters answer 404 or are ignored, never 500", async () => {
    expect((await load(db, "chutich.laivung", auditPage.loader as Loader, "/audits/abc", { id: "abc" })).status).toBe(404);
    expect((await load(db, "chutich.laivung", findingPage.loader as Loader, "/findings/99999999", { id: "99999999" })).status).toBe(404);
    const r = await load(db, "chutich.laivung", findingsList.loader as Loader, "/findings?unit=x&source=nope&grade=%27;drop&from=31/02/2026&page=-4");
    expect(r.status).toBe(200);
    // Bad filters are ignored: the same list as with no filter at all.
    expect(r.data!.total).toBe((await load(db, "chutich.laivung", findingsList.loader as Loader, "/findings")).data!.total);
  });
  it("record links: the programme page without parameters shows the reader's own unit this year; a finding lists its actions", async () => {
    const r = await load(db, "thuky.laivung", programme.loader as Loader, "/audits/programme");
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ year: 2026, unit: { id: unitIdByCode(db, "DT-LAIVUNG") } });
    expect((await load(db, "thuky.laivung", programme.loader as Loader, "/audits/programme?year=abc")).status).toBe(404);
    // The corrective-actions demo's finding with actions: the finding page lists them (no placeholder).
    const withActions = db
      .select({ id: correctiveActions.findingId })
      .from(correctiveActions)
      .where(eq(correctiveActions.unitId, unitIdByCode(db, "DT-LAIVUNG")))
      .get()!.id;
    const page = await load(db, "thuky.laivung", findingPage.loader as Loader, `/findings/${withActions}`, { id: String(withActions) });
    expect((page.data!.actions as unknown[]).length).toBeGreaterThan(0);
  });
});
