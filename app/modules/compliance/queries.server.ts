import { and, eq, sql } from "drizzle-orm";
import { units } from "#db/schema";
import type { Ctx } from "../context";
import { textMatches } from "../search/match.server";
import { getUnitInScopeOrThrow, pathCondition, pathInScope, successorsOfSubtree } from "../units/scope.server";
import { atTime } from "../context.server";
import { inTreeOrder } from "../units/tree.server";
import { cachedRead, scopeKey } from "../read-cache.server";
import { cachedFacts } from "./facts-cache.server";
import { evaluate, OBLIGATIONS, score, type ComplianceFacts, type ObligationKey, type ObligationState } from "./rules";
import { compareVi } from "~/lib/locale";

export type GridQuery = {
  q?: string;
  missing?: ObligationKey;
  sort?: "path" | "score" | "-score" | "name";
  page?: number;
  pageSize?: number;
  /** Only the units under this one (a province, for a reader of several: the national view). */
  area?: number;
};

/** Units per page of the grid on screen (issue 19: a page of 100 rows × 11 cells cost three times the floor page). */
export const GRID_PAGE_SIZE = 50;

/** The grid's orders: the unit tree (siblings by name), score up or down, name. */
export const GRID_SORTS = ["path", "score", "-score", "name"] as const;
const SORTS = GRID_SORTS;

/** The grid's query string (shared by the page and its Excel export); anything unknown means "no filter". */
export function parseGridQuery(params: URLSearchParams): GridQuery & { sort: (typeof SORTS)[number] } {
  const missing = params.get("missing");
  const sort = params.get("sort");
  return {
    q: params.get("q")?.slice(0, 100) || undefined,
    missing: missing && (OBLIGATIONS as readonly string[]).includes(missing) ? (missing as ObligationKey) : undefined,
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as (typeof SORTS)[number]) : "path",
    page: Math.max(1, Math.min(10_000, Number(params.get("page")) || 1)),
    area: Number.isSafeInteger(Number(params.get("area"))) && Number(params.get("area")) > 0 ? Number(params.get("area")) : undefined,
  };
}

export type UnitComplianceRow = {
  id: number;
  name: string;
  code: string;
  kind: string;
  depth: number;
  path: string;
  /** The unit exists on the day (not yet formed or already merged units are kept for the overdue totals). */
  current: boolean;
  /** Last day of a unit that has ended: its facts and states are as of that day, never later. */
  validTo: string | null;
  facts: ComplianceFacts;
  score: number | null;
  states: Record<ObligationKey, ObligationState>;
};

/**
 * Every unit in scope (optionally matching `q`) with its facts today, its obligations and its score. Facts
 * come from the per-unit cache (facts-cache.server.ts), so the cost follows the number of units, not the
 * years of records behind them.
 */
export function unitsWithCompliance(ctx: Ctx, q?: string): UnitComplianceRow[] {
  const { db, scope, today: day } = ctx;
  const found = db
    .select({
      id: units.id,
      name: units.name,
      code: units.code,
      kind: units.kind,
      depth: units.depth,
      path: units.path,
      validTo: units.validTo,
      current: sql<number>`(${units.validFrom} IS NULL OR ${units.validFrom} <= ${day}) AND (${units.validTo} IS NULL OR ${units.validTo} >= ${day})`,
    })
    .from(units)
    .where(and(pathCondition(scope), q ? textMatches(ctx, "units", units.id, q) : undefined))
    .all();
  const list = inTreeOrder(db, found);
  const facts = factsOnScoringDays(ctx, list);
  return list.map((u) => {
    const f = facts.get(u.id)!;
    const obligations = evaluate(f, scoringDay(u, day));
    return {
      ...u,
      current: Boolean(u.current),
      facts: f,
      score: score(obligations),
      states: Object.fromEntries(obligations.map((o) => [o.key, o.state])) as Record<ObligationKey, ObligationState>,
    };
  });
}

/**
 * Every unit in scope that exists today × every obligation, sorted and paged in memory (sorting by score
 * needs all of them). `all` lets a caller that already has the rows (the dashboard) pass them in.
 */
export function complianceGrid(ctx: Ctx, query: GridQuery = {}, given?: UnitComplianceRow[]) {
  if (given) return gridOf(query, given);
  // The area is checked before anything is read or kept: out of scope answers 404.
  const area = query.area ? getUnitInScopeOrThrow(ctx.db, ctx.scope, query.area) : undefined;
  // A page of the grid is read far more often than a unit's records change: kept per scope, query and day until the
  // trail grows (read-cache). An export (every row) is computed each time.
  const compute = () => gridOf(query, unitsWithCompliance(ctx, query.q?.trim()), area);
  if ((query.pageSize ?? GRID_PAGE_SIZE) > 500) return compute();
  return cachedRead(ctx, `grid|${scopeKey(ctx)}|${JSON.stringify(query)}`, compute);
}

/** The provinces (areas) of a reader who reads several, each with its units' count and average score: the national view. */
export type GridArea = { id: number; name: string; units: number; averageScore: number | null; missing: number };

function gridOf(query: GridQuery, all: UnitComplianceRow[], area?: { id: number; name: string; path: string }) {
  const current = all.filter((r) => r.current);
  const areas: GridArea[] = current
    .filter((r) => r.kind === "province")
    .map((p) => {
      const below = current.filter((r) => r.path.startsWith(p.path));
      const scored = below.filter((r) => r.score !== null);
      return {
        id: p.id,
        name: p.name,
        units: below.length,
        averageScore: scored.length ? Math.round(scored.reduce((a, r) => a + r.score!, 0) / scored.length) : null,
        missing: query.missing ? below.filter((r) => r.states[query.missing!] === "missing").length : 0,
      };
    });
  let rows = current
    .filter((r) => !area || r.path.startsWith(area.path))
    .map(({ facts: _facts, current: _current, validTo: _validTo, path: _path, ...r }) => r);
  if (query.missing) rows = rows.filter((r) => r.states[query.missing!] === "missing");
  if (query.sort === "score" || query.sort === "-score") {
    const dir = query.sort === "score" ? 1 : -1;
    rows.sort((a, b) => dir * ((a.score ?? -1) - (b.score ?? -1)) || compareVi(a.name, b.name));
  } else if (query.sort === "name") rows.sort((a, b) => compareVi(a.name, b.name));
  // Pages of GRID_PAGE_SIZE on screen (each row is a dozen cells); an export asks for everything (EXPORT_MAX_ROWS).
  const pageSize = Math.min(query.pageSize ?? GRID_PAGE_SIZE, 20_000);
  const page = Math.max(1, query.page ?? 1);
  const totals = Object.fromEntries(OBLIGATIONS.map((k) => [k, rows.filter((r) => r.states[k] === "missing").length])) as Record<ObligationKey, number>;
  const scored = rows.filter((r) => r.score !== null);
  return {
    rows: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    page,
    pages: Math.max(1, Math.ceil(rows.length / pageSize)),
    missingByObligation: totals,
    averageScore: scored.length ? Math.round(scored.reduce((a, r) => a + r.score!, 0) / scored.length) : null,
    /** Only for a reader of more than one province (the ministry's national view); empty otherwise. */
    areas: areas.length > 1 ? areas : [],
    area: area ? { id: area.id, name: area.name } : null,
  };
}

/**
 * The day a unit is measured on: today, or its last day when it has ended (a dissolved unit is never scored as of a
 * date after its end; DOMAIN.md §9).
 */
export function scoringDay(unit: { validTo: string | null }, today: string): string {
  return unit.validTo && unit.validTo < today ? unit.validTo : today;
}

/** Each unit's facts on its scoring day (one cached read per distinct day: today, and each ended unit's last day). */
function factsOnScoringDays(ctx: Ctx, list: { id: number; validTo: string | null }[]): Map<number, ComplianceFacts> {
  const byDay = new Map<string, number[]>();
  for (const u of list) {
    const d = scoringDay(u, ctx.today);
    byDay.set(d, [...(byDay.get(d) ?? []), u.id]);
  }
  const out = new Map<number, ComplianceFacts>();
  for (const [d, ids] of byDay) {
    // The last instant of that day in Vietnam (UTC+7, no daylight saving).
    const at = d === ctx.today ? ctx : atTime(ctx, new Date(`${d}T23:59:59.999+07:00`));
    for (const [id, f] of cachedFacts(at, ids)) out.set(id, f);
  }
  return out;
}

/**
 * One unit in scope: its obligations and its score on its scoring day (`asOf`: today, or the last day of a unit that
 * has ended, with the units formed from it).
 */
export function unitCompliance(ctx: Ctx, unitId: number) {
  // The unit is checked on every read (out of scope answers 404); its figures are kept per scope and day until the
  // trail grows (read-cache), as the grid's are.
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  return cachedRead(ctx, `unit-compliance|${scopeKey(ctx)}|${unit.id}`, () => computeUnitCompliance(ctx, unit));
}

function computeUnitCompliance(ctx: Ctx, unit: ReturnType<typeof getUnitInScopeOrThrow>) {
  const asOf = scoringDay(unit, ctx.today);
  const facts = factsOnScoringDays(ctx, [unit]).get(unit.id)!;
  const obligations = evaluate(facts, asOf);
  const ended = asOf !== ctx.today ? asOf : null;
  const successors = ended ? successorsOfSubtree(ctx.db, unit.path).map((s) => ({ id: s.id, name: s.name, readable: pathInScope(ctx.scope, s.path) })) : [];
  return { unit: { id: unit.id, name: unit.name, code: unit.code }, obligations, score: score(obligations), asOf, ended, successors };
}

export function unitByIdInScope(ctx: Ctx, id: number) {
  return ctx.db
    .select()
    .from(units)
    .where(and(eq(units.id, id), pathCondition(ctx.scope)))
    .get();
}
