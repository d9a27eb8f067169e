import { and, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "#db/client";
import { complianceFacts } from "#db/schema";
import type { Ctx, SystemActor } from "../context";
import { makeCtx } from "../context.server";
import type { Tx } from "../tx.server";
import { gatherFacts } from "./facts.server";
import type { ComplianceFacts } from "./rules";

/**
 * Bump when the facts gathered change shape or meaning (a new provider, a changed rule input): rows stored by
 * older code are then ignored and recomputed.
 */
const VERSION = 3;

type Stored = { v: number; f: ComplianceFacts };

function readFresh(db: DB | Tx, unitIds: number[], day: string): Map<number, ComplianceFacts> {
  const out = new Map<number, ComplianceFacts>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = db
      .select({ unitId: complianceFacts.unitId, facts: complianceFacts.facts })
      .from(complianceFacts)
      .where(and(eq(complianceFacts.day, day), inArray(complianceFacts.unitId, unitIds.slice(i, i + 500))))
      .all();
    for (const r of rows) {
      const s = JSON.parse(r.facts) as Stored;
      if (s.v === VERSION) out.set(r.unitId, s.f);
    }
  }
  return out;
}

/** Facts are the unit's, whoever looks: they are gathered everywhere, never through the reader's scope. */
const GATHERER: SystemActor = { kind: "system", name: "compliance-facts" };

/**
 * Each unit's compliance facts today (`ctx.today`): read from `compliance_facts` where a row for that day exists,
 * gathered from the records (gatherFacts) and stored where not. Gathering and storing happen in one IMMEDIATE
 * transaction, so a change committed meanwhile either comes first (and is seen) or comes after (and deletes the
 * new rows again, see markFactsStale): a stale row is never stored. The caller has checked the scope.
 */
export function cachedFacts(ctx: Ctx, unitIds: number[]): Map<number, ComplianceFacts> {
  const { db, today: day } = ctx;
  const now = ctx.now.getTime();
  const out = readFresh(db, unitIds, day);
  const missing = unitIds.filter((id) => !out.has(id));
  if (!missing.length) return out;
  const computed = db.transaction(
    (tx) => {
      const ready = readFresh(tx, missing, day);
      const todo = missing.filter((id) => !ready.has(id));
      // why db, not tx: better-sqlite3 runs the transaction on the connection itself, so reads through `db` inside
      // this callback are reads of the transaction.
      const facts = gatherFacts(makeCtx(db, GATHERER, ctx.now), todo, day);
      for (const [unitId, f] of facts) {
        const row = { unitId, day, facts: JSON.stringify({ v: VERSION, f } satisfies Stored), computedAt: now };
        tx.insert(complianceFacts)
          .values(row)
          .onConflictDoUpdate({ target: complianceFacts.unitId, set: { day: row.day, facts: row.facts, computedAt: now } })
          .run();
      }
      for (const [id, f] of facts) ready.set(id, f);
      return ready;
    },
    { behavior: "immediate" },
  );
  for (const [id, f] of computed) out.set(id, f);
  return out;
}

/**
 * A change to a unit's records: its facts and those of every unit below it are stale (a province's legal
 * change reaches its communes' documents). No unit named: every row goes. Called by recordTrail, inside the
 * transaction of the change, so no change can commit without it.
 */
export function markFactsStale(tx: Tx | DB, unitId: number | null) {
  if (unitId === null) tx.delete(complianceFacts).run();
  else
    tx.delete(complianceFacts)
      .where(sql`${complianceFacts.unitId} IN (SELECT id FROM units WHERE path GLOB (SELECT path FROM units WHERE id = ${unitId}) || '*')`)
      .run();
}
