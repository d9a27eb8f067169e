/** The kinds of record one search reads (/search), in the order the page shows them. */
export const SEARCH_KINDS = ["documents", "procedures", "findings", "actions"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
