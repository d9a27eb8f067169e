import type { ReactNode } from "react";
import { FieldErrors, type AnyField } from "../field";

/** A group of checkboxes for an array field (conform reads every checked value under the one name). */
export function CheckGroup({
  field,
  legend,
  hint,
  options,
  columns = true,
}: {
  field: AnyField;
  legend: string;
  hint?: ReactNode;
  options: { value: string | number; label: string; indent?: number }[];
  columns?: boolean;
}) {
  const initial = field.initialValue;
  const checked = new Set((Array.isArray(initial) ? initial : initial ? [initial] : []).map(String));
  return (
    <fieldset
      className="field check-group"
      aria-describedby={[hint ? `${field.id}-hint` : "", field.errors?.length ? field.errorId : ""].filter(Boolean).join(" ") || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={columns ? "check-columns" : "check-list"}>
        {options.map((o) => (
          <label key={o.value} className={`checkbox ${o.indent ? `indent-${Math.min(o.indent, 2)}` : ""}`}>
            <input type="checkbox" name={field.name} value={o.value} defaultChecked={checked.has(String(o.value))} /> {o.label}
          </label>
        ))}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
