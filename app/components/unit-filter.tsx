import { useT } from "~/i18n/react";
import { withIndent } from "~/components/unit-depth";

type UnitOption = { id: number; name: string; depth?: number };

/**
 * The "unit" select of a list's filter form. Hidden when the reader has a single unit in scope (a commune
 * officer on a phone should not meet a choice of one); an indented tree when the options carry their depth.
 */
export function UnitFilter({
  units,
  name = "unit",
  id = "f-unit",
  label,
  value,
}: {
  units: UnitOption[];
  name?: string;
  id?: string;
  label: string;
  value?: number | string | null;
}) {
  const t = useT();
  if (units.length <= 1) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("common.all")}</option>
        {withIndent(units).map((u) => (
          <option key={u.id} value={u.id}>
            {"· ".repeat(u.indent)}
            {u.name}
          </option>
        ))}
      </select>
    </div>
  );
}
