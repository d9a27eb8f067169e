import { useEffect, useRef } from "react";
import { formatDateTime } from "~/lib/time";
import { actionLabel, actorLabel } from "~/i18n";
import { useT } from "~/i18n/react";
import type { TrailRefs } from "~/modules/trail/fields";
import { TrailChanges } from "./trail-changes";

type Entry = {
  id: number;
  at: number;
  actorKind?: string;
  actorName: string;
  action: string;
  entity?: string;
  before: string | null;
  after: string | null;
  refs?: TrailRefs;
};

/** Wide enough to show the history open: below it (a phone), the history is folded away until asked for. */
const OPEN_FROM = "(min-width: 601px)";

/**
 * A record's history, newest first, one sentence per step: when, who, what, and each change in words. Folded
 * (a <details>) on a phone, where it used to be thousands of pixels long; opened at once on a wider screen.
 */
export function History({ entries }: { entries: Entry[] }) {
  const t = useT();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current && window.matchMedia(OPEN_FROM).matches) details.current.open = true;
  }, []);
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t("common.history")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("common.noHistory")}</p>
      ) : (
        <details ref={details}>
          <summary>{t("trail.history.show", { n: entries.length })}</summary>
          <ol className="history-list">
            {entries.map((e) => (
              <li key={e.id}>
                <p className="history-line">
                  <span className="muted">{formatDateTime(e.at)}</span> · <strong>{actorLabel(t, e.actorKind ?? "user", e.actorName)}</strong>:{" "}
                  {actionLabel(t, e.action)}
                </p>
                <TrailChanges row={e} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
