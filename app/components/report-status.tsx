import type { ReportStatus } from "#db/schema/enums";
import { useT } from "~/i18n/react";

/** A report's state as a coloured badge (done, failed, or still waiting), on the list and on the report page. */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const t = useT();
  const cls = status === "done" ? "badge-ok" : status === "failed" ? "badge-bad" : "badge-warn";
  return <span className={`badge ${cls}`}>{t(`reports.status.${status}`)}</span>;
}
