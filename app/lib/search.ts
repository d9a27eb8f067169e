/**
 * Search words: what a person typed into a search box, folded (lower case, no diacritics, đ as d) and cut into
 * words of letters and digits. A record matches when every word starts a word of its text, in any order, accents
 * and case ignored ("tu phap" finds "Sở Tư pháp", "QT-01" finds "QT 01/HT"), through the full-text indexes
 * (db/migrations/0008_search_index.sql and 0012_search_by_unit.sql; app/modules/search/match.server.ts).
 */
export function searchWords(q: string): string[] {
  // Only letters and digits reach the index, each word quoted: nothing typed is read as the index's query syntax.
  return foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

const MAX_WORDS = 8;

/** đ and Đ have no decomposition in Unicode, so the index's own accent folding leaves them: the index and the query both map them to d. */
export const foldDd = (s: string) => s.replace(/đ/g, "d").replace(/Đ/g, "D");

/** Lower case, no diacritics, đ as d: how the indexes compare text (unicode61, remove_diacritics 2). */
export function foldText(s: string): string {
  return foldDd(s)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}
