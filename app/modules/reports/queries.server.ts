import fs from "node:fs";
import path from "node:path";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { DB } from "#db/client";
import { reports, units, users } from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import { inScope, pathInScope, type Scope } from "../units/scope.server";
import { parsePeriod } from "./periods";
import type { VerifiedReport } from "./rules";
import type { ReportFilters } from "./schema";

export const PAGE_SIZE = 50;

const listColumns = {
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
};

/** Reports of units in the reader's scope, newest first, filtered; one page at a time. */
export function listReports(db: DB, scope: Scope, f: ReportFilters) {
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
  const rows = db
    .select(listColumns)
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(users, eq(users.id, reports.requestedById))
    .where(cond)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(reports).where(cond).get()?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One report of a unit in scope; out of scope is "not found" (its existence is not revealed). */
export function getReportInScopeOrThrow(db: DB, scope: Scope, id: number) {
  const row = db
    .select({ ...listColumns, unitPath: units.path, file: reports.file, attempts: reports.attempts, startedAt: reports.startedAt })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(users, eq(users.id, reports.requestedById))
    .where(eq(reports.id, id))
    .get();
  if (!row || !pathInScope(scope, row.unitPath)) throw new NotFoundError("errors.notFound");
  return row;
}

/** The file of a finished report in scope, with its absolute path (checked to stay under the reports folder). */
export function getReportFileInScopeOrThrow(db: DB, scope: Scope, reportsDir: string, id: number) {
  const r = getReportInScopeOrThrow(db, scope, id);
  if (r.status !== "done" || !r.file) throw new NotFoundError("reports.errors.notReady");
  const abs = path.resolve(reportsDir, r.file);
  if (!abs.startsWith(path.resolve(reportsDir) + path.sep) || !fs.existsSync(abs)) throw new NotFoundError("files.errors.missing");
  return { ...r, path: abs };
}

const verifiedColumns = {
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
};

/**
 * Public verification: was a file with this SHA-256 issued by the system, and as which report? Only finished
 * reports answer; nothing about people is disclosed.
 */
export function findIssuedByHash(db: DB, sha256: string): VerifiedReport | undefined {
  const r = db
    .select(verifiedColumns)
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reports.sha256, sha256), eq(reports.status, "done")))
    .orderBy(reports.id)
    .get();
  return r && r.sha256 && r.size !== null ? (r as VerifiedReport) : undefined;
}

export function findIssuedByCode(db: DB, code: string): VerifiedReport | undefined {
  const r = db
    .select(verifiedColumns)
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reports.verifyCode, code), eq(reports.status, "done")))
    .get();
  return r && r.sha256 && r.size !== null ? (r as VerifiedReport) : undefined;
}
