import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client";
import { qualityObjectives } from "#db/schema";
import { figuresByUnit } from "../figures/queries.server";
import { attainment } from "../figures/rules";
import { EVERYWHERE } from "../units/scope.server";
import type { ComplianceFacts } from "./rules";

/**
 * Where each fact comes from: one provider per area, each answering for many units at once (grouped queries,
 * so a province's hundred communes or the country's 3,321 cost a handful of queries, not one per unit).
 * An area that has nothing for a unit leaves its facts null ("no data").
 */
export type FactsProvider = (db: DB, unitIds: number[], day: string) => Map<number, Partial<ComplianceFacts>>;

const EMPTY: ComplianceFacts = {
  lastAnnouncedOn: null,
  scopeChangedOn: null,
  lastInternalAuditOn: null,
  lastManagementReviewOn: null,
  lastEffectivenessOn: null,
  procedures: null,
  documents: null,
  actions: null,
  inspection: null,
  objectives: null,
};

export const objectivesFacts: FactsProvider = (db, unitIds, day) => {
  const year = Number(day.slice(0, 4));
  const out = new Map<number, Partial<ComplianceFacts>>();
  if (!unitIds.length) return out;
  const rows = db.select().from(qualityObjectives).where(and(eq(qualityObjectives.year, year), inArray(qualityObjectives.unitId, unitIds))).all();
  const figures = figuresByUnit(db, [...new Set(rows.map((r) => r.unitId))], EVERYWHERE, `${year}-01`, day.slice(0, 7));
  for (const r of rows) {
    const a = attainment(r.measure, r.target, figures.get(r.unitId), r.manualValue);
    const cur = out.get(r.unitId)?.objectives ?? { total: 0, measured: 0, met: 0 };
    out.set(r.unitId, { objectives: { total: cur.total + 1, measured: cur.measured + (a.value === null ? 0 : 1), met: cur.met + (a.met ? 1 : 0) } });
  }
  return out;
};

/** The providers in use. Each area registers its own here. */
export const PROVIDERS: FactsProvider[] = [objectivesFacts];

export function gatherFacts(db: DB, unitIds: number[], day: string, providers: FactsProvider[] = PROVIDERS): Map<number, ComplianceFacts> {
  const out = new Map<number, ComplianceFacts>(unitIds.map((id) => [id, { ...EMPTY }]));
  // SQLite limits bound parameters: ask in chunks.
  for (let i = 0; i < unitIds.length; i += 500) {
    const chunk = unitIds.slice(i, i + 500);
    for (const p of providers) for (const [id, facts] of p(db, chunk, day)) Object.assign(out.get(id)!, facts);
  }
  return out;
}
