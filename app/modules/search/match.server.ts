import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { ftsQuery } from "~/lib/search";

/** The tables that have a full-text index (db/migrations/0008_search_index.sql), each `<table>_fts` keyed by the record's id. */
export const SEARCH_INDEXES = ["documents", "procedures", "findings", "corrective_actions", "units", "users"] as const;
export type SearchIndex = (typeof SEARCH_INDEXES)[number];

/**
 * `<idColumn> IN (records whose indexed text has every word of q)`, accents and case ignored. A search of no
 * word at all (only punctuation) matches nothing. The index is read, never the table: no scan at any scale.
 */
export function textMatches(index: SearchIndex, idColumn: SQLWrapper, q: string): SQL {
  const query = ftsQuery(q);
  if (!query) return sql`0`;
  const fts = sql.raw(`"${index}_fts"`);
  return sql`${idColumn} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${query})`;
}
