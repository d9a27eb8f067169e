import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { units } from "#db/schema";
import { searchWords } from "~/lib/search";
import type { Reader } from "../tx.server";
import { pathCondition, type Scope } from "../units/scope.server";

/** The tables that have a full-text index (db/migrations/0008_search_index.sql, 0012_search_by_unit.sql), each `<table>_fts` keyed by the record's id. */
export const SEARCH_INDEXES = ["documents", "procedures", "findings", "corrective_actions", "units", "users"] as const;
export type SearchIndex = (typeof SEARCH_INDEXES)[number];

/** Indexes of unit-owned records: they also hold the record's unit as a word ("u42"). */
const UNIT_OWNED: ReadonlySet<SearchIndex> = new Set(["documents", "procedures", "findings", "corrective_actions"]);

/** Past this many units in scope the index is asked for every match and the caller's scope condition narrows them. */
const MAX_SCOPE_UNITS = 2000;

/**
 * `<idColumn> IN (records whose indexed text has every word of q)`, accents and case ignored: each word the start
 * of a word of the record, in any order. A search of no word at all (only punctuation) matches nothing. Only the
 * index is read. For unit-owned records the index also intersects the words with the reader's units, so that a
 * commune's search costs what the commune holds, not what the word costs nationwide (a word in a third of the
 * country's findings is 250,000 postings); the caller's own scope condition still applies.
 */
export function textMatches(reader: { db: Reader; scope: Scope }, index: SearchIndex, idColumn: SQLWrapper, q: string): SQL {
  const words = searchWords(q);
  if (!words.length) return sql`0`;
  let match = `body : (${words.map((w) => `"${w}"*`).join(" ")})`;
  if (UNIT_OWNED.has(index) && !reader.scope.prefixes.includes("/")) {
    const ids = reader.db
      .select({ id: units.id })
      .from(units)
      .where(pathCondition(reader.scope))
      .limit(MAX_SCOPE_UNITS + 1)
      .all();
    if (!ids.length) return sql`0`;
    if (ids.length <= MAX_SCOPE_UNITS) match += ` AND unit : (${ids.map((u) => `u${u.id}`).join(" OR ")})`;
  }
  const fts = sql.raw(`"${index}_fts"`);
  return sql`${idColumn} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${match})`;
}
