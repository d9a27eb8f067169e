import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** "Xuất Excel": the list's export route with the page's current filters (all pages, so no `page`). */
export function ExportLink({ to }: { to: string }) {
  const t = useT();
  const params = new URLSearchParams(useLocation().search);
  params.delete("page");
  const qs = params.toString();
  return (
    <a className="button secondary" href={`${to}${qs ? `?${qs}` : ""}`} download>
      {t("export.excel")}
    </a>
  );
}
