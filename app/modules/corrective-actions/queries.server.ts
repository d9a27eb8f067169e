import { aliasedTable, and, asc, desc, eq, inArray, like, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/client";
import { caEvidence, caExtensions, caReviews, caSignatures, correctiveActions, files, findings, isoClauses, units, users } from "#db/schema";
import type { Actor, Ctx, UserActor } from "../context";
import { can } from "../permissions";
import { historyOf } from "../trail/queries.server";
import { inScope, pathCondition, scopeFor, type Scope } from "../units/scope.server";
import { contentHash, getActionInScopeOrThrow, getFindingInScopeOrThrow, getRequest, ownerChoices, validAcknowledgement } from "./common.server";
import { allows, isDone, isOverdue, OPEN_STATUSES, PENDING_STATUSES } from "./rules";
import type { ListFilter } from "./schema";

const owner = aliasedTable(users, "owner");

/** Everything the CA request page of one finding shows. */
export function getFindingActionsPage(db: DB, ctx: Ctx, findingId: number, day: string) {
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
 * (SQLite walks an index and stops at the page).
 */
export function listCorrectiveActions(db: DB, scope: Scope, me: UserActor, filter: Partial<ListFilter>, day: string, pageSize = CA_PAGE_SIZE) {
  const ca = correctiveActions;
  const where: (SQL | undefined)[] = [inScope(ca.unitId, scope)];
  const status = filter.status ?? "open";
  if (status === "open") where.push(inArray(ca.status, [...OPEN_STATUSES]));
  else if (status === "overdue") where.push(and(inArray(ca.status, [...PENDING_STATUSES]), lt(ca.dueOn, day)));
  else if (status !== "all") where.push(eq(ca.status, status));
  if (filter.unitId) where.push(eq(ca.unitId, filter.unitId));
  if (filter.mine) where.push(eq(ca.ownerId, me.id));
  if (filter.q) where.push(or(like(ca.description, `%${filter.q}%`), like(findings.description, `%${filter.q}%`)));
  const toDo = status === "open" || status === "overdue" || (OPEN_STATUSES as readonly string[]).includes(status);
  // Only a text search needs the finding; the page's ids are chosen from the action rows (and the
  // (unit_id, status, due_on) index) before anything is joined to them.
  const matching = (columns: Parameters<typeof db.select>[0]) => {
    const q = db.select(columns).from(ca);
    return filter.q ? q.innerJoin(findings, eq(findings.id, ca.findingId)) : q;
  };
  const total = Number(
    matching({ n: sql<number>`count(*)` })
      .where(and(...where))
      .get()?.n ?? 0,
  );
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page ?? 1, pages);
  const order = toDo ? [asc(ca.dueOn), asc(ca.id)] : [desc(ca.id)];
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
export function unitsWithActions(db: DB, scope: Scope) {
  // One index probe per unit in scope, not a pass over every action the area ever had.
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(pathCondition(scope), sql`EXISTS (SELECT 1 FROM ${correctiveActions} c WHERE c.unit_id = units.id)`))
    .orderBy(units.name)
    .all();
}

export function getActionDetail(db: DB, ctx: Ctx, actionId: number, day: string) {
  const a = getActionInScopeOrThrow(db, ctx, actionId);
  const finding = getFindingInScopeOrThrow(db, ctx, a.findingId);
  const request = getRequest(db, a.findingId);
  const name = (id: number | null) => (id ? (db.select({ n: users.fullName }).from(users).where(eq(users.id, id)).get()?.n ?? null) : null);
  const hash = contentHash(a);
  const signatures = db
    .select()
    .from(caSignatures)
    .where(eq(caSignatures.actionId, actionId))
    .orderBy(desc(caSignatures.id))
    .all()
    .map((s, i) => ({
      ...s,
      content: JSON.parse(s.content) as { description: string; ownerId: number; dueOn: string },
      counts: i === 0 && s.contentHash === hash,
    }));
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
  const me = ctx.actor.kind === "user" ? ctx.actor : undefined;
  const isOwnerOrWriter = !!me && (me.id === a.ownerId || can(me, "ca.write"));
  const ack = signatures[0]?.counts ? signatures[0] : undefined;
  const pendingExtension = extensions.find((e) => e.status === "pending");
  return {
    action: { ...a, ownerName: name(a.ownerId), implementedByName: name(a.implementedById), verifiedByName: name(a.verifiedById), overdue: isOverdue(a, day) },
    finding: { ...finding.f, unitName: finding.unitName, gradeVi: finding.gradeVi, gradeEn: finding.gradeEn, requiresAction: finding.requiresAction },
    request: request ? { ...request, whys: request.whys ? (JSON.parse(request.whys) as string[]) : [] } : null,
    signatures,
    reviews,
    extensions,
    evidence,
    owners: ownerChoices(db, a.unitId),
    everAcknowledged: signatures.length > 0,
    can: {
      acknowledge: can(ctx.actor, "ca.acknowledge") && allows("acknowledge", a.status) && !ack,
      start: isOwnerOrWriter && allows("start", a.status) && !!ack,
      implement: isOwnerOrWriter && allows("implement", a.status) && !!ack,
      verify: can(ctx.actor, "ca.verify") && allows("verify", a.status) && !!me && me.id !== a.ownerId && me.id !== a.implementedById,
      edit: can(ctx.actor, "ca.write") && allows("edit", a.status),
      requestExtension: isOwnerOrWriter && allows("requestExtension", a.status) && signatures.length > 0 && !pendingExtension,
      decideExtension: can(ctx.actor, "ca.acknowledge") && !!pendingExtension,
    },
    history: historyOf(db, "corrective_action", actionId, 50),
  };
}

/**
 * What waits for this person: for a leader, actions to acknowledge (new, or again after their content changed)
 * and extension requests to decide; for everyone, their own actions still to do; for verifiers, implemented
 * actions they may verify.
 */
export function inboxFor(db: DB, actor: Actor, day: string) {
  const scope = scopeFor(db, actor);
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
  return { toAcknowledge, extensions, mine, toVerify, total: toAcknowledge.length + extensions.length + mine.length + toVerify.length };
}

/** The count behind the inbox link (what waits for the person). */
export function inboxCount(db: DB, actor: Actor, day: string): number {
  return inboxFor(db, actor, day).total;
}
