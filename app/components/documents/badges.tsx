import type { DocumentStatus, RevisionStatus } from "#db/schema/enums";
import { useState } from "react";
import { useT } from "~/i18n/react";
import { foldText } from "~/lib/search";

const REV_CLASS: Record<RevisionStatus, string> = {
  draft: "badge",
  in_review: "badge badge-warn",
  approved: "badge badge-warn",
  effective: "badge badge-ok",
  superseded: "badge badge-old",
  obsolete: "badge badge-old",
};

export function RevisionBadge({ status }: { status: RevisionStatus }) {
  const t = useT();
  return <span className={REV_CLASS[status]}>{t(`documents.rev.${status}`)}</span>;
}

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const t = useT();
  const cls = status === "effective" ? "badge badge-ok" : status === "obsolete" ? "badge badge-old" : "badge";
  return <span className={cls}>{t(`documents.status.${status}`)}</span>;
}

/** The flags a register row or a document page shows for its clocks (overdue in red, soon in amber). */
export function ClockFlags({
  reviewOverdue,
  updateOverdue,
  needsRevision,
  reviewDueSoon,
}: {
  reviewOverdue?: boolean;
  updateOverdue?: boolean;
  needsRevision?: boolean;
  reviewDueSoon?: boolean;
}) {
  const t = useT();
  const flags: [string, string][] = [];
  if (reviewOverdue) flags.push(["badge badge-bad", t("documents.flag.reviewOverdue")]);
  if (updateOverdue) flags.push(["badge badge-bad", t("documents.flag.updateOverdue")]);
  if (needsRevision) flags.push(["badge badge-warn", t("documents.flag.needsRevision")]);
  if (reviewDueSoon) flags.push(["badge badge-warn", t("documents.flag.reviewDueSoon")]);
  if (!flags.length) return null;
  return (
    <span className="flags">
      {flags.map(([cls, label]) => (
        <span key={label} className={cls}>
          {label}
        </span>
      ))}
    </span>
  );
}

/**
 * Several choices as checkboxes in a scrollable box (friendlier than a Ctrl-click multi-select for a long
 * list, and on a phone). Same name on every box: the form posts an array.
 */
export function CheckboxList({
  name,
  id,
  legend,
  hint,
  options,
  defaultValue,
  errors,
  errorId,
  filterLabel,
}: {
  name: string;
  id: string;
  legend: string;
  hint?: string;
  options: { value: string | number; label: string; group?: string }[];
  defaultValue?: unknown;
  errors?: string[];
  errorId: string;
  /** A long list gets a text filter (accents and case ignored) above its box, labelled so. */
  filterLabel?: string;
}) {
  const t = useT();
  const chosen = new Set((Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []).map(String));
  const [filter, setFilter] = useState("");
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  // A hidden option stays in the form: what was ticked is sent even while the filter hides it.
  const shown = (o: { label: string; group?: string }) => words.every((w) => foldText(`${o.label} ${o.group ?? ""}`).includes(w));
  const visible = options.filter(shown);
  return (
    <fieldset className="checklist" aria-describedby={[hint ? `${id}-hint` : "", errors?.length ? errorId : ""].join(" ").trim() || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {filterLabel ? (
        <div className="field checklist-filter">
          <label htmlFor={`${id}-filter`}>{filterLabel}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            autoComplete="off"
            onChange={(e) => setFilter(e.target.value)}
            // Enter in the filter must not send the form.
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
          />
          <p className="hint" aria-live="polite">
            {t("checklist.shown", { shown: visible.length, total: options.length })}
          </p>
        </div>
      ) : null}
      <div className="checklist-box">
        {options.map((o, i) => {
          const prevVisible = visible[visible.indexOf(o) - 1];
          const head = o.group && o.group !== (words.length ? prevVisible?.group : options[i - 1]?.group) ? o.group : undefined;
          return (
            <div key={o.value} hidden={!shown(o)}>
              {head ? <p className="checklist-group">{head}</p> : null}
              <label className="checkbox">
                <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.has(String(o.value))} /> {o.label}
              </label>
            </div>
          );
        })}
      </div>
      {errors?.length ? (
        <div id={errorId} role="alert">
          <ul className="field-errors">
            {errors.map((e) => (
              <li key={e}>{t(e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
