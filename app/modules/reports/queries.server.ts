import { and, asc, count, desc, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { SortKey } from "~/lib/list-sort";
import { prepared, type DB } from "#db/client";
import { reports, trail, unitCertificates, units, users } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { cachedRead, scopeKey } from "../read-cache.server";
import { reportRowHash } from "../trail/verify.server";
import { nameWithValidity } from "../units/rules";
import { inScope, pathInScope } from "../units/scope.server";
import { parsePeriod } from "./periods";
import { reportStanding, type VerifiedReport } from "./rules";
import type { ReportKind, ReportTrigger } from "#db/schema/enums";
import type { ReportFilters } from "./schema";
import { storedFilePath } from "./storage.server";

export const PAGE_SIZE = 50;

/** The number its head issued it with, when the report is an issued one (report_issues.report_id). */
const issueNumber = sql<string | null>`(SELECT ri.number FROM report_issues ri WHERE ri.report_id = ${reports.id})`;

const listColumns = {
  issueNumber,
  id: reports.id,
  kind: reports.kind,
  unitId: reports.unitId,
  unitName: units.name,
  unitCode: units.code,
  periodKey: reports.periodKey,
  subjectId: reports.subjectId,
  status: reports.status,
  progress: reports.progress,
  trigger: reports.trigger,
  jobName: reports.jobName,
  requestedBy: users.fullName,
  sha256: reports.sha256,
  size: reports.size,
  pages: reports.pages,
  verifyCode: reports.verifyCode,
  error: reports.error,
  createdAt: reports.createdAt,
  finishedAt: reports.finishedAt,
  unitValidFrom: units.validFrom,
  unitValidTo: units.validTo,
  /** Another unit has the same name (an old commune and the new one named after it). */
  unitNameShared: sql<number>`EXISTS (SELECT 1 FROM units u2 WHERE u2.name = ${units.name} AND u2.id <> ${units.id})`,
  /** The certificate the file is signed with (decision 0012): its subject, and whether it is a demo one. */
  signer: unitCertificates.subject,
  signerDemo: unitCertificates.isDemo,
  unsignedReason: reports.unsignedReason,
};

/** The unit's name as the list shows it: with its validity where another unit has the same name. */
function named<
  R extends {
    kind: ReportKind;
    trigger: ReportTrigger;
    issueNumber: string | null;
    unitName: string;
    unitValidFrom: string | null;
    unitValidTo: string | null;
    unitNameShared: number;
  },
>(r: R) {
  const { unitValidFrom, unitValidTo, unitNameShared, ...rest } = r;
  return {
    ...rest,
    standing: reportStanding(rest),
    unitName: unitNameShared ? nameWithValidity({ name: r.unitName, validFrom: unitValidFrom, validTo: unitValidTo }) : r.unitName,
  };
}

const SORT_COLUMNS = {
  kind: reports.kind,
  unit: units.name,
  period: reports.periodKey,
  status: reports.status,
  created: reports.createdAt,
} satisfies Record<SortKey<"reports">, SQLWrapper>;

/**
 * What of the reports changes without a trail row: a report being made (queued, running, its progress). A report
 * that is done or failed has its trail row; a new one is queued or running first. Read through the status index.
 */
function reportsInMaking(ctx: Ctx): string {
  const row = prepared(
    ctx.db,
    "SELECT group_concat(id || ':' || status || ':' || ifnull(progress, ''), ',') AS s FROM reports WHERE status IN ('queued', 'running')",
  ).get() as { s: string | null } | undefined;
  return row?.s ?? "";
}

/** Reports of units in the reader's scope, newest first (or in the asked order), filtered; one page at a time. */
export function listReports(ctx: Ctx, f: ReportFilters) {
  // Read on every visit of the reports page: kept per scope and filter until the trail grows or a report in the
  // making moves (read-cache).
  return cachedRead(
    ctx,
    `reports|${scopeKey(ctx)}|${JSON.stringify(f)}`,
    () => computeReportList(ctx, f),
    () => reportsInMaking(ctx),
  );
}

function computeReportList(ctx: Ctx, f: ReportFilters) {
  const { db, scope } = ctx;
  const period = f.period ? parsePeriod(f.period) : undefined;
  const where: (SQL | undefined)[] = [
    inScope(reports.unitId, scope),
    f.kind ? eq(reports.kind, f.kind) : undefined,
    f.status ? eq(reports.status, f.status) : undefined,
    f.unitId ? eq(reports.unitId, f.unitId) : undefined,
    f.origin ? eq(reports.trigger, f.origin) : undefined,
    period ? eq(reports.periodKey, period.key) : undefined,
  ];
  const cond = and(...where);
  const page = f.page ?? 1;
  const by = f.dir === "desc" ? desc : asc;
  const rows = db
    .select(listColumns)
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(users, eq(users.id, reports.requestedById))
    .leftJoin(unitCertificates, eq(unitCertificates.id, reports.certificateId))
    .where(cond)
    .orderBy(...(f.sort ? [by(SORT_COLUMNS[f.sort]), by(reports.id)] : [desc(reports.createdAt), desc(reports.id)]))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
    .map(named);
  const total = db.select({ n: count() }).from(reports).where(cond).get()?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One report of a unit in scope; out of scope is "not found" (its existence is not revealed). */
export function getReportInScopeOrThrow(ctx: Ctx, id: number) {
  const row = ctx.db
    .select({ ...listColumns, unitPath: units.path, file: reports.file, attempts: reports.attempts, startedAt: reports.startedAt })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(users, eq(users.id, reports.requestedById))
    .leftJoin(unitCertificates, eq(unitCertificates.id, reports.certificateId))
    .where(eq(reports.id, id))
    .get();
  if (!row || !pathInScope(ctx.scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return named(row);
}

/** The file of a finished report in scope, with its absolute path (checked to stay under the reports folder). */
export function getReportFileInScopeOrThrow(ctx: Ctx, reportsDir: string, id: number) {
  const r = getReportInScopeOrThrow(ctx, id);
  if (r.status !== "done" || !r.file) throw new NotFoundError("reports.errors.notReady");
  const abs = storedFilePath(reportsDir, r.file);
  if (!abs) throw new NotFoundError("files.errors.missing");
  return { ...r, path: abs };
}

const verifiedColumns = {
  issueNumber,
  kind: reports.kind,
  unitName: units.name,
  unitCode: units.code,
  periodKey: reports.periodKey,
  sha256: reports.sha256,
  size: reports.size,
  pages: reports.pages,
  verifyCode: reports.verifyCode,
  trigger: reports.trigger,
  createdAt: reports.createdAt,
  finishedAt: reports.finishedAt,
  signer: unitCertificates.subject,
  signerDemo: unitCertificates.isDemo,
};

/**
 * Public verification: was a file with this SHA-256 issued by the system, and as which report? Only finished
 * reports answer; nothing about people is disclosed.
 */
export function findIssuedByHash(db: DB, sha256: string): VerifiedReport | undefined {
  const rows = db
    .select({ ...verifiedColumns, row: reports })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(unitCertificates, eq(unitCertificates.id, reports.certificateId))
    .where(and(eq(reports.sha256, sha256), eq(reports.status, "done")))
    .orderBy(reports.id)
    .all();
  for (const r of rows) {
    const v = anchored(db, r);
    if (v) return v;
  }
  return undefined;
}

export function findIssuedByCode(db: DB, code: string): VerifiedReport | undefined {
  const r = db
    .select({ ...verifiedColumns, row: reports })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(unitCertificates, eq(unitCertificates.id, reports.certificateId))
    .where(and(eq(reports.verifyCode, code), eq(reports.status, "done")))
    .get();
  return r ? anchored(db, r) : undefined;
}

/**
 * A report row counts as issued only when the trail's generate row recorded exactly it (issue 15): a row inserted
 * or altered in the database file (to vouch for a forged PDF) is not issued by the system.
 */
type VerifiedRow = Omit<VerifiedReport, "trailAt" | "sha256" | "size"> & { sha256: string | null; size: number | null; row: typeof reports.$inferSelect };
function anchored(db: DB, r: VerifiedRow): VerifiedReport | undefined {
  const { row, sha256, size, ...rest } = r;
  if (!sha256 || size === null) return undefined;
  const v = { ...rest, sha256, size };
  const gen = db
    .select({ after: trail.after })
    .from(trail)
    .where(and(eq(trail.entity, "report"), eq(trail.entityId, String(row.id)), inArray(trail.action, ["generate", "generated"])))
    .orderBy(desc(trail.id))
    .limit(1)
    .get();
  const after = gen?.after ? (JSON.parse(gen.after) as { sha256?: string; reportHash?: string; trailAt?: { lastId: number; head: string } | null }) : undefined;
  if (!after) return undefined;
  const matches = after.reportHash ? after.reportHash === reportRowHash(row) : after.sha256 === row.sha256;
  return matches ? { ...v, trailAt: after.trailAt ?? null } : undefined;
}
