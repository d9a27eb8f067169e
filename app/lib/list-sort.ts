/**
 * The columns each list may be ordered by with `?sort=<column>&dir=asc|desc` (its sortable column headers). Only
 * these names reach a query: anything else is the list's own order.
 */
export const LIST_SORTS = {
  documents: ["code", "title", "kind", "unit", "status", "review"],
  findings: ["found", "unit", "grade", "status", "due"],
  "corrective-actions": ["action", "unit", "owner", "due", "status"],
  audits: ["title", "unit", "start", "lead", "status"],
  inspections: ["decision", "unit", "method", "minutes"],
  reports: ["kind", "unit", "period", "status", "created"],
  users: ["name", "username", "unit", "role"],
} as const;

export type SortableList = keyof typeof LIST_SORTS;
export type SortKey<L extends SortableList> = (typeof LIST_SORTS)[L][number];
export type SortDir = "asc" | "desc";
export type ListSort<L extends SortableList> = { sort?: SortKey<L>; dir: SortDir };

/** The order a list's query string asks for; an unknown column is no order (the list's default), an unknown direction ascending. */
export function parseSort<L extends SortableList>(list: L, params: URLSearchParams): ListSort<L> {
  const sort = params.get("sort");
  const keys = LIST_SORTS[list] as readonly string[];
  return { sort: sort && keys.includes(sort) ? (sort as SortKey<L>) : undefined, dir: params.get("dir") === "desc" ? "desc" : "asc" };
}
