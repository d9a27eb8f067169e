import type { RouteSpec } from "./specs";

/** The Excel exports of every list: anyone signed in, and the file never holds another unit's records. */
export const DASHBOARD_SPECS: Record<string, RouteSpec> = {
  "routes/documents.export": { read: "any", list: true },
  "routes/audits.export": { read: "any", list: true },
  "routes/findings.export": { read: "any", list: true },
  "routes/corrective-actions.export": { read: "any", list: true },
  "routes/compliance.export": { read: "any", list: true },
};
