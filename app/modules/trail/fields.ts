/**
 * How the fields of a trail row's snapshots read to people (the history of a record, the administrators' trail):
 * which are left out (ids, hashes, bookkeeping), which are days, instants, people, units, or codes with a label.
 * Pure and shared: the server reads it to look up the names of the people and units a row mentions, the browser
 * to write the row out (app/components/trail-changes.tsx). Labels live in app/i18n/messages/trail-fields.ts.
 */
export type FieldKind = "hidden" | "text" | "day" | "instant" | "user" | "users" | "unit" | "list" | { enum: string[] };

/** Bookkeeping and references that mean nothing to a reader (the record's page shows what they point to). */
const HIDDEN = new Set([
  "id",
  "createdAt",
  "updatedAt",
  "createdById",
  "updatedById",
  "passwordHash",
  "passwordChangedAt",
  "contentHash",
  "hash",
  "prevHash",
  "path",
  "depth",
  "mime",
  "ext",
  "origin",
  "revision",
  "entries",
  "documentIds",
  "procedureIds",
  "legalChangesAnswered",
  "fileIds",
  "sortOrder",
  "dedupeKey",
  "heartbeatAt",
  "failedLogins",
  "at",
  "sha256",
  "params",
  "output",
  "batch",
  "purpose",
  "trailAt",
]);

const USER = new Set([
  "ownerId",
  "leadAuditorId",
  "leadId",
  "raisedById",
  "closedById",
  "requestedById",
  "decidedById",
  "implementedById",
  "verifiedById",
  "confirmedById",
  "withdrawnById",
  "plannedById",
  "reviewedById",
  "approvedById",
  "draftedById",
  "answeredById",
  "addedById",
  "uploadedById",
  "signerId",
  "verifierId",
  "reviewerId",
  "userId",
]);
const USERS = new Set(["teamIds", "team"]);
const UNIT = new Set(["unitId", "byUnitId", "parentId", "predecessorId"]);

/** Codes with a label of their own: `entity.field` first, then `*.field`; the first prefix with a message wins. */
const ENUMS: Record<string, string[]> = {
  "corrective_action.status": ["ca.status.", "ca.extension."],
  "finding.status": ["findings.status."],
  "audit.status": ["audits.status."],
  "audit.result": ["audits.result."],
  "document.status": ["documents.rev."],
  "document.kind": ["documents.kind."],
  "report.kind": ["reports.kind."],
  "report.status": ["reports.status."],
  "conformity_announcement.kind": ["qms.kind."],
  "unit.kind": ["units.kind."],
  "*.source": ["findings.source."],
  "*.gradeCode": ["trail.grade."],
  "*.rootCauseMethod": ["ca.method."],
  "*.capacity": ["trail.capacity."],
  "*.method": ["inspections.method."],
  "*.onlineLevel": ["procedures.level."],
  "*.role": ["role."],
  "*.measure": ["objectives.measure."],
  "*.outcome": ["documents.outcome."],
  "*.trigger": ["reports.origin."],
  "*.result": ["audits.result."],
};

export function fieldKind(entity: string, field: string): FieldKind {
  const prefixes = ENUMS[`${entity}.${field}`] ?? ENUMS[`*.${field}`];
  if (prefixes) return { enum: prefixes };
  if (HIDDEN.has(field) || field.endsWith("Hash")) return "hidden";
  if (USER.has(field)) return "user";
  if (USERS.has(field)) return "users";
  if (UNIT.has(field)) return "unit";
  if (field.endsWith("Id") || field.endsWith("Ids")) return "hidden";
  if (/On$/.test(field) || field === "day" || field === "validFrom" || field === "validTo") return "day";
  if (/At$/.test(field) || field === "lockedUntil") return "instant";
  return "text";
}

export type Snapshot = Record<string, unknown>;

/** A trail row's `before`/`after` as an object of fields (a scalar or broken snapshot reads as none). */
export function snapshot(json: string | null): Snapshot {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Snapshot) : {};
  } catch {
    return {};
  }
}

/** The ids of people and units a row mentions (the server looks their names up once per page). */
export function referencedIds(entity: string, before: string | null, after: string | null): { users: number[]; units: number[] } {
  const users = new Set<number>();
  const units = new Set<number>();
  for (const snap of [snapshot(before), snapshot(after)]) {
    for (const [field, v] of Object.entries(snap)) {
      const kind = fieldKind(entity, field);
      const ids = (Array.isArray(v) ? v : [v]).filter((x): x is number => typeof x === "number" && Number.isSafeInteger(x));
      if (kind === "user" || kind === "users") ids.forEach((id) => users.add(id));
      else if (kind === "unit") ids.forEach((id) => units.add(id));
    }
  }
  return { users: [...users], units: [...units] };
}

/** Names of the people and units a row mentions, by id (from the server; absent ids read as "someone"). */
export type TrailRefs = { users: Record<number, string>; units: Record<number, string> };

/** "someFieldName" → "Some field name": the last resort for a field without a label, never the code itself. */
export function humanise(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
