import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { SortDir } from "~/lib/list-sort";
import { useT } from "~/i18n/react";

/**
 * A column header that orders its list: a link that sets `?sort=<name>&dir=…` (keeping the filters, back to page
 * 1); the column the list is ordered by carries `aria-sort` and an arrow, and its link turns the order around.
 * The names a list accepts are whitelisted in ~/lib/list-sort.ts.
 */
export function SortHeader({
  name,
  sort,
  dir,
  className,
  children,
}: {
  name: string;
  sort: string | null | undefined;
  dir?: SortDir;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const { search } = useLocation();
  const active = sort === name;
  const q = new URLSearchParams(search);
  q.delete("page");
  q.set("sort", name);
  q.set("dir", active && dir === "asc" ? "desc" : "asc");
  return (
    <th scope="col" className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`?${q}`} className="sort-link" preventScrollReset>
        {children}
        {active ? <span aria-hidden="true"> {dir === "asc" ? "▲" : "▼"}</span> : <span className="visually-hidden"> ({t("common.sortBy")})</span>}
      </Link>
    </th>
  );
}
