import { useT } from "~/i18n/react";

export type FilterOption = { value: string | number; label: string };

/**
 * A labelled select of a list's filter form (a GET form: the choice goes to the query string). It opens with an
 * "all" choice (empty value, `allLabel`, by default "All") unless `allLabel` is false, for a select whose options
 * already hold every choice (a sort order, or an "all" of its own). Units have their own: `UnitFilter`.
 */
export function FilterSelect({
  name,
  id = name,
  label,
  value,
  options,
  allLabel,
}: {
  name: string;
  id?: string;
  label: string;
  value?: string | number | null;
  options: readonly FilterOption[];
  allLabel?: string | false;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {allLabel === false ? null : <option value="">{allLabel ?? t("common.all")}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
