import { aliasedTable, and, asc, desc, eq, inArray, lt, ne, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { reportsWaiting } from "../reports/issue.server";
import type { SortKey } from "~/lib/list-sort";
import { caEvidence, caExtensions, caReviews, caSignatures, correctiveActions, files, findings, isoClauses, units, users } from "#db/schema";
import type { Ctx } from "../context";
import type { Reader } from "../tx.server";
import { can, requireUserActor } from "../permissions";
import { cachedRead, scopeKey, viewOf } from "../read-cache.server";
import { textMatches } from "../search/match.server";
import { historyOf } from "../trail/queries.server";
import { inScope, pathCondition } from "../units/scope.server";
import { inTreeOrder } from "../units/tree.server";
import { getActionInScopeOrThrow, getFindingInScopeOrThrow, getRequest } from "./access.server";
import { acknowledgementSnapshot, coversCurrent, parseSignedContent, sha256, signatureFault, snapshotJson, validAcknowledgement } from "./signatures.server";
import { ownerChoices } from "./unit-people.server";
import { caRefusal, isDone, isOverdue, OPEN_STATUSES, PENDING_STATUSES, type CaState } from "./rules";
import type { ListFilter } from "./schema";

const owner = aliasedTable(users, "owner");

/** Everything the CA request page of one finding shows. */
export function getFindingActionsPage(ctx: Ctx, findingId: number) {
  const { db, today: day } = ctx;
  const finding = getFindingInScopeOrThrow(db, ctx, findingId);
  const clause = finding.f.clauseCode ? db.select().from(isoClauses).where(eq(isoClauses.code, finding.f.clauseCode)).get() : undefined;
  const request = getRequest(db, findingId);
  const actions = db
    .select({ a: correctiveActions, ownerName: owner.fullName })
    .from(correctiveActions)
    .innerJoin(owner, eq(owner.id, correctiveActions.ownerId))
    .where(eq(correctiveActions.findingId, findingId))
    .orderBy(asc(correctiveActions.id))
    .all()
    .map(({ a, ownerName }) => ({ ...a, ownerName, acknowledged: !!validAcknowledgement(db, a), overdue: isOverdue(a, day) }));
  const open = finding.f.status === "open";
  return {
    finding: {
      ...finding.f,
      unitName: finding.unitName,
      requiresAction: finding.requiresAction,
      gradeVi: finding.gradeVi,
      gradeEn: finding.gradeEn,
      clauseTitleVi: clause?.titleVi ?? null,
      clauseTitleEn: clause?.titleEn ?? null,
    },
    request: request ? { ...request, whys: request.whys ? (JSON.parse(request.whys) as string[]) : [] } : null,
    actions,
    owners: ownerChoices(db, finding.f.unitId),
    canWrite: open && can(ctx.actor, "ca.write"),
    canCloseWithoutAction: open && can(ctx.actor, "ca.write") && !finding.requiresAction && actions.every((a) => isDone(a.status)),
    history: [...historyOf(db, "finding", findingId, 20), ...(request ? historyOf(db, "ca_request", request.id, 20) : [])].sort((x, y) => y.id - x.id),
  };
}

export const CA_PAGE_SIZE = 50;

/**
 * One page of the corrective actions in scope matching the filter. Work still to be done comes by due date;
 * "all" and the finished statuses come newest first, so that a page never has to sort ten years of history
 * (SQLite walks an index and stops at the page). Read by a person ("mine" are their own actions).
 */
export function listCorrectiveActions(ctx: Ctx, filter: Partial<ListFilter>, pageSize = CA_PAGE_SIZE) {
  const me = requireUserActor(ctx.actor);
  // The list a person opens again and again changes only with a write: kept per scope, filter and day (read-cache).
  // An export (thousands of rows, asked for now and then) is not kept.
  if (pageSize > CA_PAGE_SIZE) return computeCorrectiveActionList(ctx, me, filter, pageSize);
  const key = `ca-list|${scopeKey(ctx)}|${filter.mine ? me.id : ""}|${pageSize}|${JSON.stringify(filter)}`;
  return cachedRead(ctx, key, () => computeCorrectiveActionList(ctx, me, filter, pageSize));
}

/**
 * The list page's view of `listCorrectiveActions`: only the columns the page shows go to the browser (the rows are
 * serialised into the page as well as rendered). The view is kept with the kept list (read-cache).
 */
export function correctiveActionsPage(ctx: Ctx, filter: Partial<ListFilter>) {
  const list = listCorrectiveActions(ctx, filter);
  const rows = viewOf(list.rows, "ca-page", (rows) =>
    rows.map((r) => ({
      id: r.id,
      description: r.description,
      findingDescription: r.findingDescription,
      unitName: r.unitName,
      ownerName: r.ownerName,
      dueOn: r.dueOn,
      status: r.status,
      overdue: r.overdue,
    })),
  );
  return { ...list, rows };
}

function computeCorrectiveActionList(ctx: Ctx, me: { id: number }, filter: Partial<ListFilter>, pageSize: number) {
  const { db, scope, today: day } = ctx;
  const ca = correctiveActions;
  const where: (SQL | undefined)[] = [inScope(ca.unitId, scope)];
  const status = filter.status ?? "open";
  if (status === "open") where.push(inArray(ca.status, [...OPEN_STATUSES]));
  else if (status === "overdue") where.push(and(inArray(ca.status, [...PENDING_STATUSES]), lt(ca.dueOn, day)));
  else if (status !== "all") where.push(eq(ca.status, status));
  if (filter.unitId) where.push(eq(ca.unitId, filter.unitId));
  if (filter.mine) where.push(eq(ca.ownerId, me.id));
  if (filter.q) where.push(or(textMatches(ctx, "corrective_actions", ca.id, filter.q), textMatches(ctx, "findings", ca.findingId, filter.q)));
  const toDo = status === "open" || status === "overdue" || (OPEN_STATUSES as readonly string[]).includes(status);
  // The page's ids are chosen from the action rows (and the (unit_id, status, due_on) index) before anything is
  // joined to them; a text search reads the actions' and the findings' full-text indexes.
  // A column order by unit or owner name joins that one table to choose the page.
  const matching = (columns: Parameters<typeof db.select>[0]) => {
    const q = db.select(columns).from(ca);
    if (filter.sort === "unit") return q.innerJoin(units, eq(units.id, ca.unitId));
    if (filter.sort === "owner") return q.innerJoin(owner, eq(owner.id, ca.ownerId));
    return q;
  };
  const total = Number(
    matching({ n: sql<number>`count(*)` })
      .where(and(...where))
      .get()?.n ?? 0,
  );
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page ?? 1, pages);
  const by = filter.dir === "desc" ? desc : asc;
  const sortColumns = { action: ca.description, unit: units.name, owner: owner.fullName, due: ca.dueOn, status: ca.status } satisfies Record<
    SortKey<"corrective-actions">,
    SQLWrapper
  >;
  const order = filter.sort ? [by(sortColumns[filter.sort]), by(ca.id)] : toDo ? [asc(ca.dueOn), asc(ca.id)] : [desc(ca.id)];
  const ids = matching({ id: ca.id })
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => (r as { id: number }).id);
  const rows = ids.length
    ? db
        .select({
          id: ca.id,
          description: ca.description,
          status: ca.status,
          dueOn: ca.dueOn,
          implementedOn: ca.implementedOn,
          ownerId: ca.ownerId,
          ownerName: owner.fullName,
          unitName: units.name,
          findingDescription: findings.description,
        })
        .from(ca)
        .innerJoin(owner, eq(owner.id, ca.ownerId))
        .innerJoin(units, eq(units.id, ca.unitId))
        .innerJoin(findings, eq(findings.id, ca.findingId))
        .where(inArray(ca.id, ids))
        .orderBy(...order)
        .all()
    : [];
  return { rows: rows.map((r) => ({ ...r, overdue: isOverdue(r, day) })), total, page, pages, status };
}

/** Units in scope that have corrective actions (the list's unit filter). */
export function unitsWithActions(ctx: Ctx) {
  return cachedRead(ctx, `ca-units|${scopeKey(ctx)}`, () => computeUnitsWithActions(ctx));
}

function computeUnitsWithActions(ctx: Ctx) {
  // One index probe per unit in scope, not a pass over every action the area ever had.
  const rows = ctx.db
    .select({ id: units.id, name: units.name, depth: units.depth, path: units.path })
    .from(units)
    .where(and(pathCondition(ctx.scope), sql`EXISTS (SELECT 1 FROM ${correctiveActions} c WHERE c.unit_id = units.id)`))
    .all();
  return inTreeOrder(ctx.db, rows).map(({ path: _path, ...u }) => u);
}

/** The finding's actions due after its deadline (law or policy), each with the reason stated for it. */
export function lateActionsOf(db: Reader, findingId: number, findingDueOn: string | null) {
  if (!findingDueOn) return [];
  return db
    .select({ id: correctiveActions.id, dueOn: correctiveActions.dueOn, lateReason: correctiveActions.lateReason })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.findingId, findingId), sql`${correctiveActions.dueOn} > ${findingDueOn}`))
    .orderBy(asc(correctiveActions.id))
    .all()
    .map((x) => ({ ...x, findingDueOn }));
}

export function getActionDetail(ctx: Ctx, actionId: number) {
  const { db, today: day } = ctx;
  const a = getActionInScopeOrThrow(db, ctx, actionId);
  const finding = getFindingInScopeOrThrow(db, ctx, a.findingId);
  const request = getRequest(db, a.findingId);
  const name = (id: number | null) => (id ? (db.select({ n: users.fullName }).from(users).where(eq(users.id, id)).get()?.n ?? null) : null);
  // What a leader signs now (issue 15): the whole snapshot, shown as such on the signing page, with its hash.
  const current = acknowledgementSnapshot(db, a);
  const snapshot = {
    ...current,
    hash: sha256(snapshotJson(current)),
    ownerNames: Object.fromEntries(current.actions.map((x) => [x.id, name(x.ownerId) ?? ""])),
    /** Actions due after the finding's deadline, with the reason given: flagged to the leader who signs. */
    late: lateActionsOf(db, a.findingId, finding.f.actionDueOn),
  };
  const signatures = db
    .select()
    .from(caSignatures)
    .where(eq(caSignatures.actionId, actionId))
    .orderBy(desc(caSignatures.id))
    .all()
    .map((s, i) => {
      const c = parseSignedContent(s);
      const fault = signatureFault(db, s);
      return {
        ...s,
        content: c.v === 2 ? { dueOn: c.snapshot.actions.find((x) => x.id === a.id)?.dueOn ?? "" } : { dueOn: c.legacy.dueOn },
        snapshot: c.v === 2 ? c.snapshot : null,
        /** Why the row is not to be trusted (inserted or rewritten outside the app), or null. */
        fault,
        counts: i === 0 && !fault && coversCurrent(db, s, a),
      };
    });
  const verifier = aliasedTable(users, "verifier");
  const reviews = db
    .select({ r: caReviews, verifierName: verifier.fullName })
    .from(caReviews)
    .innerJoin(verifier, eq(verifier.id, caReviews.verifierId))
    .where(eq(caReviews.actionId, actionId))
    .orderBy(desc(caReviews.id))
    .all()
    .map((r) => ({ ...r.r, verifierName: r.verifierName }));
  const extensions = db
    .select()
    .from(caExtensions)
    .where(eq(caExtensions.actionId, actionId))
    .orderBy(desc(caExtensions.id))
    .all()
    .map((e) => ({ ...e, requestedByName: name(e.requestedById), decidedByName: name(e.decidedById) }));
  const evidence = db
    .select({ id: files.id, name: files.originalName, size: files.size, addedAt: caEvidence.addedAt })
    .from(caEvidence)
    .innerJoin(files, eq(files.id, caEvidence.fileId))
    .where(eq(caEvidence.actionId, actionId))
    .orderBy(asc(caEvidence.id))
    .all();
  const state: CaState = {
    status: a.status,
    ownerId: a.ownerId,
    implementedById: a.implementedById,
    acknowledged: !!signatures[0]?.counts,
    everAcknowledged: signatures.length > 0,
    pendingExtension: extensions.some((e) => e.status === "pending"),
  };
  return {
    action: { ...a, ownerName: name(a.ownerId), implementedByName: name(a.implementedById), verifiedByName: name(a.verifiedById), overdue: isOverdue(a, day) },
    finding: { ...finding.f, unitName: finding.unitName, gradeVi: finding.gradeVi, gradeEn: finding.gradeEn, requiresAction: finding.requiresAction },
    request: request ? { ...request, whys: request.whys ? (JSON.parse(request.whys) as string[]) : [] } : null,
    signatures,
    snapshot,
    reviews,
    extensions,
    evidence,
    owners: ownerChoices(db, a.unitId),
    everAcknowledged: signatures.length > 0,
    can: {
      acknowledge: caRefusal(ctx.actor, "acknowledge", state) === null,
      start: caRefusal(ctx.actor, "start", state) === null,
      implement: caRefusal(ctx.actor, "implement", state) === null,
      verify: caRefusal(ctx.actor, "verify", state) === null,
      edit: caRefusal(ctx.actor, "edit", state) === null,
      requestExtension: caRefusal(ctx.actor, "requestExtension", state) === null,
      decideExtension: caRefusal(ctx.actor, "decideExtension", state) === null,
    },
    history: historyOf(db, "corrective_action", actionId, 50),
  };
}

/**
 * What waits for this person: for a leader, actions to acknowledge (new, or again after their content changed)
 * and extension requests to decide; for everyone, their own actions still to do; for verifiers, implemented
 * actions they may verify.
 */
export function inboxFor(ctx: Ctx) {
  const { db, actor, scope, today: day } = ctx;
  const me = actor.kind === "user" ? actor : undefined;
  const base = () =>
    db
      .select({
        a: correctiveActions,
        ownerName: owner.fullName,
        unitName: units.name,
        findingDescription: findings.description,
        gradeCode: findings.gradeCode,
      })
      .from(correctiveActions)
      .innerJoin(owner, eq(owner.id, correctiveActions.ownerId))
      .innerJoin(units, eq(units.id, correctiveActions.unitId))
      .innerJoin(findings, eq(findings.id, correctiveActions.findingId));
  const shape = (r: { a: typeof correctiveActions.$inferSelect; ownerName: string; unitName: string; findingDescription: string; gradeCode: string }) => ({
    ...r.a,
    ownerName: r.ownerName,
    unitName: r.unitName,
    findingDescription: r.findingDescription,
    gradeCode: r.gradeCode,
    overdue: isOverdue(r.a, day),
    reacknowledge: false,
  });
  const toAcknowledge = can(actor, "ca.acknowledge")
    ? base()
        .where(and(inScope(correctiveActions.unitId, scope), eq(correctiveActions.status, "proposed")))
        .orderBy(asc(correctiveActions.dueOn))
        .all()
        .map((r) => ({
          ...shape(r),
          reacknowledge: !!db.select({ id: caSignatures.id }).from(caSignatures).where(eq(caSignatures.actionId, r.a.id)).limit(1).get(),
        }))
    : [];
  const extensions = can(actor, "ca.acknowledge")
    ? db
        .select({ e: caExtensions, description: correctiveActions.description, unitName: units.name, requestedByName: users.fullName })
        .from(caExtensions)
        .innerJoin(correctiveActions, eq(correctiveActions.id, caExtensions.actionId))
        .innerJoin(units, eq(units.id, caExtensions.unitId))
        .innerJoin(users, eq(users.id, caExtensions.requestedById))
        .where(and(inScope(caExtensions.unitId, scope), eq(caExtensions.status, "pending")))
        .orderBy(asc(caExtensions.requestedAt))
        .all()
        .map((r) => ({ ...r.e, description: r.description, unitName: r.unitName, requestedByName: r.requestedByName }))
    : [];
  const mine = me
    ? base()
        .where(and(eq(correctiveActions.ownerId, me.id), inArray(correctiveActions.status, ["acknowledged", "in_progress"])))
        .orderBy(asc(correctiveActions.dueOn))
        .all()
        .map(shape)
    : [];
  const toVerify =
    me && can(actor, "ca.verify")
      ? base()
          .where(
            and(
              inScope(correctiveActions.unitId, scope),
              eq(correctiveActions.status, "implemented"),
              ne(correctiveActions.ownerId, me.id),
              sql`coalesce(${correctiveActions.implementedById}, 0) <> ${me.id}`,
            ),
          )
          .orderBy(asc(correctiveActions.implementedAt))
          .all()
          .map(shape)
      : [];
  // Reports the unit sends: drafts for its officer to write, written ones for its head to issue (issue 14).
  const reportDrafts = reportsWaiting(ctx);
  return {
    toAcknowledge,
    extensions,
    mine,
    toVerify,
    reportDrafts,
    total: toAcknowledge.length + extensions.length + mine.length + toVerify.length + reportDrafts.toWrite.length + reportDrafts.toIssue.length,
  };
}

/** The count behind the inbox link (what waits for the person). */
export function inboxCount(ctx: Ctx): number {
  return inboxFor(ctx).total;
}
