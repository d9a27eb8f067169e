import type { AuditStatus } from "#db/schema/enums";
import { useT } from "~/i18n/react";

const AUDIT_BADGE: Record<AuditStatus, string> = { planned: "badge", in_progress: "badge badge-warn", reported: "badge badge-ok", closed: "badge" };

export function AuditStatusBadge({ status }: { status: AuditStatus }) {
  const t = useT();
  return <span className={AUDIT_BADGE[status]}>{t(`audits.status.${status}`)}</span>;
}

export function GradeBadge({ code, label }: { code: string; label: string }) {
  const cls = code === "major" ? "badge badge-bad" : code === "minor" ? "badge badge-warn" : "badge";
  return <span className={cls}>{label}</span>;
}

export function ResultBadge({ result }: { result: string | null }) {
  const t = useT();
  const cls =
    result === "nonconformity" ? "badge badge-bad" : result === "observation" ? "badge badge-warn" : result === "conforms" ? "badge badge-ok" : "badge";
  return <span className={cls}>{t(`audits.result.${result ?? "none"}`)}</span>;
}
