import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** Previous / "page N / M" / next, for every paged list. Renders nothing for a single page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  if (pages <= 1) return null;
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
