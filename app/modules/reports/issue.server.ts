import { and, asc, desc, eq, max } from "drizzle-orm";
import { PERIOD_REPORT_KINDS, reportIssues, reports, units, users, type PeriodReportKind } from "#db/schema";
import { ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from "~/lib/errors";
import { reauthenticate } from "../auth/reauthenticate.server";
import type { Ctx } from "../context";
import { cachedRead, scopeKey } from "../read-cache.server";
import { can, requireCapability, requireUserActor } from "../permissions";
import { noticeReportAwaitingIssue, noticeReportDraftWaiting } from "../notifications/events.server";
import { recordTrail } from "../trail/record.server";
import { write, type Reader, type Tx } from "../tx.server";
import { getUnitInScopeOrThrow, pathCondition } from "../units/scope.server";
import { isAreaUnit, periodReportData, withIssue, type IssueOverlay } from "./data.server";
import type { ProduceDeps } from "./deps.server";
import { parsePeriod, type Period } from "./periods";
import { renderPdf } from "./render.server";
import { newVerifyCode } from "./request.server";
import { bareTitle, requestProblems } from "./rules";
import type { GenerateReportInput, IssueReportInput, NarrativeInput } from "./schema";

// A report a unit sends (unit, area, yearly) goes draft → issued (issue 14 item 4). The draft is a preview that
// anyone in scope may read, rendered on request with "DỰ THẢO" on every page and never archived nor hashed; the
// unit's officer writes its narrative (situation, results, difficulties, proposals); the unit's head (the chair,
// TM.; or a vice-chair, KT.) issues it: inside one write transaction it gets the next number of the unit and year
// ("Số: NN/BC-UBND", no gaps; the unique index refuses a duplicate) and today's date, and its PDF is queued as a
// report row, produced by the same queue as the announcement: archived with its SHA-256, verifiable.

export type ReportIssueRow = typeof reportIssues.$inferSelect;

export const NARRATIVE_PARTS = ["situation", "results", "difficulties", "proposals"] as const;
/** What must be written before the head may issue: the parts nobody but the unit can write. */
export const REQUIRED_PARTS = ["difficulties", "proposals"] as const;

const COMMITTEE_KINDS = new Set(["province", "district", "commune", "ward", "township", "special_zone"]);

/** "01/BC-UBND" (People's Committees) or "01/BC" (other bodies). */
export function reportNumber(seq: number, committee: boolean): string {
  return `${String(seq).padStart(2, "0")}/${committee ? "BC-UBND" : "BC"}`;
}

function isPeriodKind(k: string): k is PeriodReportKind {
  return (PERIOD_REPORT_KINDS as readonly string[]).includes(k);
}

/** The (kind, unit, period) of a draft, checked: in scope, a kind a unit sends, a period it can report on. */
function target(ctx: Ctx, kind: string, unitId: number, periodKey: string) {
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  const period = parsePeriod(periodKey);
  if (!isPeriodKind(kind) || !period) throw new NotFoundError("errors.notFound");
  if (Object.keys(requestProblems({ kind, unitIsArea: isAreaUnit(unit), period, today: ctx.today })).length) throw new NotFoundError("errors.notFound");
  return { unit, kind, period };
}

function findIssue(db: Reader, kind: PeriodReportKind, unitId: number, periodKey: string): ReportIssueRow | undefined {
  return db
    .select()
    .from(reportIssues)
    .where(and(eq(reportIssues.kind, kind), eq(reportIssues.unitId, unitId), eq(reportIssues.periodKey, periodKey)))
    .get();
}

function nextSeq(db: Reader, unitId: number, year: number): number {
  const r = db
    .select({ n: max(reportIssues.issuedSeq) })
    .from(reportIssues)
    .where(and(eq(reportIssues.unitId, unitId), eq(reportIssues.issuedYear, year)))
    .get();
  return (r?.n ?? 0) + 1;
}

const narrativeOf = (r: ReportIssueRow | undefined) => ({
  situation: r?.situation ?? null,
  results: r?.results ?? null,
  difficulties: r?.difficulties ?? null,
  proposals: r?.proposals ?? null,
});

/** The parts still to write before issuing (i18n keys by field), none when it may be issued. */
export function missingParts(n: ReturnType<typeof narrativeOf>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of REQUIRED_PARTS) if (!n[k]?.trim()) out[k] = ["reportIssue.errors.partMissing"];
  return out;
}

/** Whether the actor is the head of this very unit (a leader of it: the chair, or a vice-chair signing KT.). */
function leadsUnit(ctx: Ctx, unitId: number): boolean {
  return ctx.actor.kind === "user" && can(ctx.actor, "qms.approve") && ctx.actor.unitId === unitId;
}

/** The officer who writes the narrative: a quality officer of the unit itself. */
function writesFor(ctx: Ctx, unitId: number): boolean {
  return ctx.actor.kind === "user" && can(ctx.actor, "qms.write") && ctx.actor.unitId === unitId;
}

/** The draft page: the narrative, its state, the number it would get, and what the reader may do with it. */
export function reportDraft(ctx: Ctx, kind: string, unitId: number, periodKey: string) {
  const t = target(ctx, kind, unitId, periodKey);
  const row = findIssue(ctx.db, t.kind, t.unit.id, t.period.key);
  const ended = !!t.unit.validTo && t.unit.validTo < ctx.today;
  const narrative = narrativeOf(row);
  const issued = row?.status === "issued";
  const report = row?.reportId ? ctx.db.select({ id: reports.id, status: reports.status }).from(reports).where(eq(reports.id, row.reportId)).get() : undefined;
  return {
    unit: { id: t.unit.id, code: t.unit.code, name: t.unit.name, ended },
    kind: t.kind,
    period: { key: t.period.key, label: t.period.label },
    status: issued ? ("issued" as const) : ("draft" as const),
    narrative,
    missing: Object.keys(missingParts(narrative)),
    number: row?.number ?? null,
    issuedOn: row?.issuedOn ?? null,
    report: report ?? null,
    nextNumber: reportNumber(nextSeq(ctx.db, t.unit.id, Number(ctx.today.slice(0, 4))), COMMITTEE_KINDS.has(t.unit.kind)),
    today: ctx.today,
    can: {
      edit: !issued && writesFor(ctx, t.unit.id),
      issue: !issued && !ended && leadsUnit(ctx, t.unit.id),
    },
  };
}

/** Create the draft's row if it has none yet (the scheduler's draft, the officer's first save). */
function ensureRow(tx: Tx, kind: PeriodReportKind, unitId: number, periodKey: string, at: number): ReportIssueRow {
  tx.insert(reportIssues).values({ kind, unitId, periodKey, status: "draft", createdAt: at, updatedAt: at }).onConflictDoNothing().run();
  return findIssue(tx, kind, unitId, periodKey)!;
}

/** The officer writes (or rewrites) the narrative of a draft; an issued report is never edited. */
export function saveNarrative(ctx: Ctx, kind: string, unitId: number, periodKey: string, input: Partial<NarrativeInput>): ReportIssueRow {
  requireCapability(ctx.actor, "qms.write");
  const t = target(ctx, kind, unitId, periodKey);
  if (!writesFor(ctx, t.unit.id)) throw new ForbiddenError("reportIssue.errors.ownUnitOfficer");
  return write(ctx, (tx) => {
    const existed = !!findIssue(tx, t.kind, t.unit.id, t.period.key);
    const row = ensureRow(tx, t.kind, t.unit.id, t.period.key, ctx.now.getTime());
    if (row.status !== "draft") throw new PreconditionFailedError("reportIssue.errors.alreadyIssued");
    const next = {
      situation: input.situation ?? null,
      results: input.results ?? null,
      difficulties: input.difficulties ?? null,
      proposals: input.proposals ?? null,
    };
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    for (const k of NARRATIVE_PARTS) {
      if ((row[k] ?? null) !== next[k]) {
        before[k] = row[k] ?? null;
        after[k] = next[k];
      }
    }
    const saved = tx
      .update(reportIssues)
      .set({ ...next, updatedAt: ctx.now.getTime() })
      .where(eq(reportIssues.id, row.id))
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "report_issue",
      entityId: row.id,
      action: existed ? "edit" : "create",
      unitId: t.unit.id,
      before: existed ? before : undefined,
      after: { kind: t.kind, periodKey: t.period.key, ...after },
    });
    // Complete now and not before: the head hears that it awaits issuing.
    if (Object.keys(missingParts(narrativeOf(row))).length && !Object.keys(missingParts(narrativeOf(saved))).length) {
      noticeReportAwaitingIssue(tx, ctx, draftRef(saved, t.period), ctx.now.getTime());
    }
    return saved;
  });
}

/**
 * The head issues the report: a leader of the unit itself re-enters their password; then, in one transaction,
 * the next number of the unit and year, today's date, the capacity (TM. for the chair, KT. for a vice-chair), and
 * a queued report row that the report queue turns into the archived, hashed, verifiable PDF.
 */
export async function issueReport(ctx: Ctx, kind: string, unitId: number, periodKey: string, input: IssueReportInput) {
  requireCapability(ctx.actor, "qms.approve");
  const me = requireUserActor(ctx.actor);
  const t = target(ctx, kind, unitId, periodKey);
  if (me.unitId !== t.unit.id) throw new ForbiddenError("qms.errors.ownUnitLeader");
  if (t.unit.validTo && t.unit.validTo < ctx.today) throw new PreconditionFailedError("announce.errors.unitEnded");
  const missing = missingParts(narrativeOf(findIssue(ctx.db, t.kind, t.unit.id, t.period.key)));
  if (Object.keys(missing).length) throw new PreconditionFailedError("reportIssue.errors.narrativeMissing");
  await reauthenticate(ctx, me.id, input.password);
  const signer = ctx.db.select({ title: users.title }).from(users).where(eq(users.id, me.id)).get();
  const capacity = /^Chủ tịch/u.test(signer?.title ?? "") ? ("tm" as const) : ("kt" as const);
  const committee = COMMITTEE_KINDS.has(t.unit.kind);
  return write(ctx, (tx) => {
    // Read again inside the transaction: another issue may have taken a number, or the draft moved, meanwhile.
    const row = ensureRow(tx, t.kind, t.unit.id, t.period.key, ctx.now.getTime());
    if (row.status !== "draft") throw new PreconditionFailedError("reportIssue.errors.alreadyIssued");
    if (Object.keys(missingParts(narrativeOf(row))).length) throw new PreconditionFailedError("reportIssue.errors.narrativeMissing");
    const year = Number(ctx.today.slice(0, 4));
    const seq = nextSeq(tx, t.unit.id, year);
    const number = reportNumber(seq, committee);
    const report = tx
      .insert(reports)
      .values({
        kind: t.kind,
        unitId: t.unit.id,
        periodKey: t.period.key,
        subjectId: row.id,
        status: "queued",
        progress: "reports.progress.queued",
        trigger: "manual",
        requestedById: me.id,
        verifyCode: newVerifyCode(),
        createdAt: ctx.now.getTime(),
      })
      .returning()
      .get();
    const issued = tx
      .update(reportIssues)
      .set({
        status: "issued",
        issuedYear: year,
        issuedSeq: seq,
        number,
        issuedOn: ctx.today,
        issuedById: me.id,
        capacity: committee ? capacity : null,
        reportId: report.id,
        updatedAt: ctx.now.getTime(),
      })
      .where(and(eq(reportIssues.id, row.id), eq(reportIssues.status, "draft")))
      .returning()
      .get();
    recordTrail(tx, ctx, {
      entity: "report_issue",
      entityId: row.id,
      action: "issue",
      unitId: t.unit.id,
      before: { status: "draft" },
      after: { status: "issued", number, issuedOn: ctx.today, capacity: issued.capacity, reportId: report.id },
    });
    recordTrail(tx, ctx, {
      entity: "report",
      entityId: report.id,
      action: "request",
      unitId: t.unit.id,
      after: { kind: report.kind, periodKey: report.periodKey },
    });
    return { issue: issued, report };
  });
}

/** The signature an issued report carries: the chair for the committee (TM.), a vice-chair for the chair (KT.). */
function signatureOf(db: Reader, row: ReportIssueRow, unitKind: string) {
  const signer = row.issuedById ? db.select({ fullName: users.fullName, title: users.title }).from(users).where(eq(users.id, row.issuedById)).get() : undefined;
  const name = signer?.fullName ?? null;
  if (!COMMITTEE_KINDS.has(unitKind)) return { title: bareTitle(signer?.title), name };
  if (row.capacity === "kt") return { capacity: "KT. Chủ tịch", title: bareTitle(signer?.title), name };
  return { capacity: "TM. Ủy ban nhân dân", title: "Chủ tịch", name };
}

/** What the report queue overlays on an issued report's data (its narrative, number, date, signer). */
export function issueOverlayFor(db: Reader, issueId: number | null): IssueOverlay | undefined {
  if (!issueId) return undefined;
  const row = db.select().from(reportIssues).where(eq(reportIssues.id, issueId)).get();
  if (!row || row.status !== "issued") throw new Error(`report issue ${issueId} is not issued`);
  const unit = db.select({ kind: units.kind }).from(units).where(eq(units.id, row.unitId)).get();
  return {
    narrative: narrativeOf(row),
    draft: false,
    number: row.number ?? undefined,
    issuedOn: row.issuedOn ?? undefined,
    signature: signatureOf(db, row, unit?.kind ?? ""),
  };
}

/** The code a draft prints where an issued report prints its verification code: it verifies nothing. */
export const DRAFT_CODE = "DỰ THẢO";

/**
 * The draft's PDF, rendered for the reader now, never stored: "DỰ THẢO" on every page, no number, the narrative
 * as written so far. Its footer leads back to the draft page, not to a verification.
 */
export async function renderDraft(ctx: Ctx, kind: string, unitId: number, periodKey: string, deps: Pick<ProduceDeps, "baseUrl" | "render">) {
  const t = target(ctx, kind, unitId, periodKey);
  const row = findIssue(ctx.db, t.kind, t.unit.id, t.period.key);
  const base = deps.baseUrl.replace(/\/$/, "");
  const data = withIssue(periodReportData(ctx, t.kind, t.unit, t.period, { verifyCode: DRAFT_CODE, baseUrl: base, now: ctx.now }), {
    narrative: narrativeOf(row),
    draft: true,
  });
  data.meta.verification = { code: DRAFT_CODE, url: `${base}${draftPath(t.kind, t.unit.id, t.period)}` };
  return (deps.render ?? renderPdf)(data);
}

export function draftPath(kind: PeriodReportKind, unitId: number, period: Pick<Period, "key">): string {
  return `/reports/issue/${kind}/${unitId}/${period.key}`;
}

const draftRef = (row: ReportIssueRow, period: Period) => ({
  id: row.id,
  kind: row.kind,
  unitId: row.unitId,
  periodLabel: period.label,
  link: draftPath(row.kind, row.unitId, period),
});

/**
 * The scheduler's part: a draft (no file, no hash, no number) for a report that needs the unit's narrative, and the
 * unit's officers told it waits for them, in one transaction; true when created now. Idempotent: the unique index
 * on (kind, unit, period) and the check inside the same IMMEDIATE transaction mean a second run, a restart after a
 * crash or a second scheduler finds the row and adds nothing (no second draft, no second notice).
 */
export function ensureScheduledDraft(ctx: Ctx, kind: PeriodReportKind, unitId: number, periodKey: string): boolean {
  const period = parsePeriod(periodKey);
  if (!period) throw new Error(`not a period: ${periodKey}`);
  return write(ctx, (tx) => {
    if (findIssue(tx, kind, unitId, periodKey)) return false;
    const row = ensureRow(tx, kind, unitId, periodKey, ctx.now.getTime());
    recordTrail(tx, ctx, { entity: "report_issue", entityId: row.id, action: "create", unitId, after: { kind, periodKey } });
    noticeReportDraftWaiting(tx, ctx, draftRef(row, period));
    return true;
  });
}

/** Where the reports form sends a yearly report: its draft page, once the unit and period are checked. */
export function draftFor(ctx: Ctx, input: GenerateReportInput): string {
  requireCapability(ctx.actor, "reports.generate");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, input.unitId);
  const period = parsePeriod(input.period);
  if (!period) throw new InvalidInputError("errors.invalid", {}, { period: ["reports.errors.period"] });
  const problems = requestProblems({ kind: input.kind, unitIsArea: isAreaUnit(unit), period, today: ctx.today });
  if (Object.keys(problems).length) throw new InvalidInputError("errors.invalid", {}, problems);
  return draftPath(input.kind, unit.id, period);
}

/**
 * Drafts and issued reports a unit sends, of units in the reader's scope, newest first (the reports page). Kept per
 * scope until the next write: every change of a draft (created, written, issued) is a trailed write.
 */
export function listReportIssues(ctx: Ctx, limit = 20) {
  return cachedRead(ctx, `reportIssues:${scopeKey(ctx)}:${limit}`, () => readReportIssues(ctx, limit));
}

function readReportIssues(ctx: Ctx, limit: number) {
  return ctx.db
    .select({
      id: reportIssues.id,
      kind: reportIssues.kind,
      unitId: reportIssues.unitId,
      unitName: units.name,
      periodKey: reportIssues.periodKey,
      status: reportIssues.status,
      number: reportIssues.number,
      reportId: reportIssues.reportId,
    })
    .from(reportIssues)
    .innerJoin(units, eq(units.id, reportIssues.unitId))
    .where(pathCondition(ctx.scope, units.path))
    .orderBy(desc(reportIssues.updatedAt), desc(reportIssues.id))
    .limit(limit)
    .all();
}

/**
 * The drafts waiting for this person (the inbox): for a quality officer of the unit, those whose difficulties or
 * proposals are still to write; for its chair or vice-chair, those written and awaiting issue. Oldest period first.
 */
export function reportsWaiting(ctx: Ctx) {
  const a = ctx.actor;
  const none = { toWrite: [], toIssue: [] };
  if (a.kind !== "user" || (!can(a, "qms.write") && !can(a, "qms.approve"))) return none;
  const rows = ctx.db
    .select({ r: reportIssues, unitName: units.name, validTo: units.validTo })
    .from(reportIssues)
    .innerJoin(units, eq(units.id, reportIssues.unitId))
    .where(and(eq(reportIssues.unitId, a.unitId), eq(reportIssues.status, "draft"), pathCondition(ctx.scope, units.path)))
    .orderBy(asc(reportIssues.periodKey), asc(reportIssues.kind))
    .all()
    .map(({ r, unitName, validTo }) => {
      const period = parsePeriod(r.periodKey);
      return {
        id: r.id,
        kind: r.kind,
        unitName,
        periodLabel: period?.label ?? r.periodKey,
        link: period ? draftPath(r.kind, r.unitId, period) : "/reports",
        complete: !Object.keys(missingParts(narrativeOf(r))).length,
        ended: !!validTo && validTo < ctx.today,
      };
    });
  return {
    toWrite: writesFor(ctx, a.unitId) ? rows.filter((r) => !r.complete) : [],
    toIssue: leadsUnit(ctx, a.unitId) ? rows.filter((r) => r.complete && !r.ended) : [],
  };
}
