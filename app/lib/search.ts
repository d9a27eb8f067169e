/**
 * What a person typed into a search box, as a query of the full-text indexes (db/migrations/0008_search_index.sql):
 * every word must appear, in any order, as the start of a word of the record, accents and case ignored
 * ("tu phap" finds "Sở Tư pháp", "QT-01" finds "QT 01/HT"). Only letters and digits reach the index, each word
 * quoted, so nothing typed is read as the index's own query syntax. No word at all (only punctuation): "".
 */
export function ftsQuery(q: string): string {
  return foldDd(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((w) => `"${w}"*`)
    .join(" ");
}

const MAX_WORDS = 8;

/** đ and Đ have no decomposition in Unicode, so the index's own accent folding leaves them: the index and the query both map them to d. */
export const foldDd = (s: string) => s.replace(/đ/g, "d").replace(/Đ/g, "D");

/** Lower case, no diacritics, đ as d: for comparing short texts in memory the way the indexes compare them. */
export function foldText(s: string): string {
  return foldDd(s)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}
