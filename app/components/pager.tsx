import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/react";

/**
 * Previous / "page N / M" / next, for every paged list. The links keep the list's current filters (the query
 * string as it stands) and change only `page`. Renders nothing for a single page.
 */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const { search } = useLocation();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(search);
    q.set("page", String(p));
    return `?${q}`;
  };
  return (
    <nav className="pager" aria-label={t("common.page", { page })}>
      {page > 1 ? <Link to={href(page - 1)}>{t("common.prev")}</Link> : null}
      <span>
        {t("common.page", { page })} / {pages}
      </span>
      {page < pages ? <Link to={href(page + 1)}>{t("common.next")}</Link> : null}
    </nav>
  );
}
