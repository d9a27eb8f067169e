import { eq } from "drizzle-orm";
import { documents, reports } from "#db/schema";
import type { Fixture, Unit } from "./harness";
import type { RouteSpec } from "./specs";

/**
 * What no anonymous answer may contain, whichever unit it is about: the records of every unit that are not
 * published (findings, corrective actions, legal changes, audits, accounts, uploaded file names). Unit names,
 * effective documents' codes and titles and the objectives are published: they are not in this list.
 */
export function privateMarks(f: Fixture): string[] {
  return Object.values(f.unit).flatMap((u) => [
    `Phát hiện ${u.token}`,
    `Hành động ${u.token}`,
    `Văn bản ${u.token}`,
    `Đánh giá ${u.token}`,
    `Cán bộ ${u.token}`,
    `${u.token}.pdf`,
    `report ${u.token}`,
    `officer.${u.code.toLowerCase()}`,
  ]);
}

const docOf = (f: Fixture, t: Unit) => (f.memo.get(`doc:${t.code}`) as { doc: number }).doc;
const reportOf = (f: Fixture, t: Unit) => f.db.select({ id: reports.id }).from(reports).where(eq(reports.unitId, t.id)).get()!.id;

/**
 * The public pages (issue 20): no sign-in, every unit of the fixture asked for anonymously, and only published
 * fields in the answer (`anonymous`). The unit's compliance report is not public (404) whatever its id; a document's
 * file is, once marked public.
 */
export const PUBLIC_SPECS: Record<string, RouteSpec> = {
  "routes/cong-khai._index": { read: "public", anonymous: { query: (_f, t) => ({ tinh: t.code }), statuses: [404] } },
  "routes/cong-khai.$code._index": { read: "public", anonymous: { params: (_f, t) => ({ code: t.code }) } },
  "routes/cong-khai.$code.du-lieu[.json]": { read: "public", anonymous: { params: (_f, t) => ({ code: t.code }) } },
  "routes/cong-khai.$code.nhung": { read: "public", anonymous: { params: (_f, t) => ({ code: t.code }) } },
  "routes/cong-khai.$code.cong-bo.$id": { read: "public", anonymous: { params: (f, t) => ({ code: t.code, id: String(reportOf(f, t)) }), statuses: [404] } },
  "routes/cong-khai.$code.tai-lieu.$id": {
    read: "public",
    anonymous: {
      params: (f, t) => {
        // Marked public by its unit: the file of the revision in force is served (named by the document's code).
        f.db
          .update(documents)
          .set({ publicFile: true })
          .where(eq(documents.id, docOf(f, t)))
          .run();
        return { code: t.code, id: String(docOf(f, t)) };
      },
    },
  },
  "routes/qms.$unitId.announcement": {
    read: "any",
    params: (_f, t) => ({ unitId: String(t.id) }),
    actionsCoveredElsewhere: "issuing (only a leader of the unit itself, with their password): tests/integration/public-pages.test.ts",
  },
  "routes/documents.$id.public": {
    read: "redirect",
    params: (f, t) => ({ id: String(docOf(f, t)) }),
    // A repeated choice changes nothing (no trail row): the trail on change is checked in public-pages.test.ts.
    actions: [{ name: "publish the document's file", roles: ["officer"], form: () => ({ public: "1" }), noTrail: true }],
  },
};
