import type { RouteSpec } from "./specs";
import { auditOf, findingIn } from "./specs";

const who = ["officer", "inspector"] as const;

/** Routes of the record PDFs: the "Xuất PDF" buttons post here; out of scope is 404. */
export const REPORTS2_SPECS: Record<string, RouteSpec> = {
  "routes/reports.record": {
    read: "any",
    actions: [
      { name: "queue the audit report PDF", roles: [...who], targetInForm: true, form: (f, t) => ({ kind: "audit", subjectId: String(auditOf(f, t).audit) }) },
      {
        name: "queue the corrective action request form PDF",
        roles: [...who],
        targetInForm: true,
        form: (f, t) => ({ kind: "action", subjectId: String(findingIn(f, t)) }),
      },
      {
        name: "queue the inspection minutes PDF",
        roles: [...who],
        targetInForm: true,
        form: (f, t) => ({ kind: "minutes", subjectId: String(auditOf(f, t).inspection) }),
      },
    ],
  },
};
