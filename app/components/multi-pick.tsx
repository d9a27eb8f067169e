import { useId, useMemo, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { foldText } from "~/lib/search";
import { FieldErrors, type AnyField } from "./field";

/**
 * Several people (or units) picked on a phone: a list of checkboxes under a filter box, instead of a
 * `<select multiple>` that needs Ctrl on a desktop and a modal wheel on a phone. Native checkboxes inside a
 * fieldset: the keyboard (Tab, Space) and screen readers work as with any checkbox; the filter only hides rows
 * (a hidden checked box is still sent), and the count of chosen rows is announced politely.
 */
export function MultiPick({
  field,
  legend,
  hint,
  options,
}: {
  field: AnyField;
  legend: string;
  hint?: ReactNode;
  /** A disabled option is shown (greyed, with its reason in its label) but cannot be ticked. */
  options: { value: string | number; label: string; disabled?: boolean }[];
}) {
  const t = useT();
  const filterId = useId();
  const initial = field.initialValue;
  const [chosen, setChosen] = useState(() => new Set((Array.isArray(initial) ? initial : initial ? [initial] : []).map(String)));
  const [q, setQ] = useState("");
  const folded = useMemo(() => options.map((o) => foldText(o.label)), [options]);
  const needle = foldText(q.trim());
  const visible = options.map((_, i) => !needle || folded[i]!.includes(needle));
  const shown = visible.filter(Boolean).length;
  const toggle = (v: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(v);
      else next.delete(v);
      return next;
    });
  return (
    <fieldset
      className="field multi-pick"
      aria-describedby={[hint ? `${field.id}-hint` : "", field.errors?.length ? field.errorId : ""].filter(Boolean).join(" ") || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.length > 6 ? (
        <div className="multi-pick-filter">
          <label htmlFor={filterId}>{t("picker.search")}</label>
          <input id={filterId} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" enterKeyHint="search" />
        </div>
      ) : null}
      <p className="hint" aria-live="polite">
        {t("picker.selected", { count: chosen.size })}
      </p>
      <ul className="multi-pick-list">
        {options.map((o, i) => (
          <li key={o.value} hidden={!visible[i]}>
            <label className="checkbox">
              <input
                type="checkbox"
                name={field.name}
                value={o.value}
                checked={chosen.has(String(o.value))}
                disabled={o.disabled}
                onChange={(e) => toggle(String(o.value), e.target.checked)}
              />{" "}
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      {shown === 0 ? <p className="muted">{t("picker.none")}</p> : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
