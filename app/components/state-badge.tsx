import type { ObligationState } from "~/modules/compliance/rules";
import { useT } from "~/i18n/react";

const CLASS: Record<ObligationState, string> = { ok: "badge badge-ok", warning: "badge badge-warn", missing: "badge badge-bad", no_data: "badge" };
const MARK: Record<ObligationState, string> = { ok: "✓", warning: "!", missing: "✗", no_data: "–" };

/** An obligation's state: colour plus a mark plus words, so it reads without colour too. */
export function StateBadge({ state, compact }: { state: ObligationState; compact?: boolean }) {
  const t = useT();
  const label = t(`compliance.state.${state}`);
  return (
    <span className={CLASS[state]} title={label}>
      {MARK[state]}
      {compact ? <span className="visually-hidden">{` ${label}`}</span> : ` ${label}`}
    </span>
  );
}
