import type { CaStatus } from "#db/schema/enums";
import { useT } from "~/i18n/react";

const TONE: Record<CaStatus, string> = {
  proposed: "badge-warn",
  acknowledged: "",
  in_progress: "",
  implemented: "",
  verified: "badge-ok",
  closed: "badge-ok",
};

/** Status badge of a corrective action, with "overdue" beside it when it is. */
export function CaStatusBadge({ status, overdue, reacknowledge }: { status: CaStatus; overdue?: boolean; reacknowledge?: boolean }) {
  const t = useT();
  return (
    <span className="ca-badges">
      <span className={`badge ${TONE[status]}`}>{t(status === "proposed" && reacknowledge ? "ca.status.reacknowledge" : `ca.status.${status}`)}</span>
      {overdue ? <span className="badge badge-bad">{t("ca.overdue")}</span> : null}
    </span>
  );
}
