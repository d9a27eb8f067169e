import { useId, useState } from "react";
import { useT } from "~/i18n/react";
import { FieldErrors, type AnyField } from "./field";

type Cadence = "month" | "quarter" | "year";
type Picked = { cadence: Cadence; year: number; index: number };

/** "2026-11" / "2026-Q4" / "2026" → its parts; anything else → undefined. */
export function parsePeriodKey(key: string | undefined | null): Picked | undefined {
  const s = (key ?? "").trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { cadence: "month", year: Number(m[1]), index: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return { cadence: "quarter", year: Number(m[1]), index: Number(m[2]) };
  m = /^(\d{4})$/.exec(s);
  if (m) return { cadence: "year", year: Number(m[1]), index: 1 };
  return undefined;
}

export function periodKeyOf(p: Picked): string {
  if (p.cadence === "month") return `${p.year}-${String(p.index).padStart(2, "0")}`;
  if (p.cadence === "quarter") return `${p.year}-Q${p.index}`;
  return String(p.year);
}

/**
 * A report period picked, not typed: the kind of period (month, quarter, year), then the year, then the month or the
 * quarter, as three native selects (a phone shows its own wheel for each). The form receives the period's key
 * ("2026-11", "2026-Q4", "2026") in one hidden field named `name`. `optional`: a first choice "all periods" (filters).
 */
export function PeriodPicker({
  name,
  label,
  defaultValue,
  years,
  optional,
  errorId,
  errors,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  /** The years offered, newest first. */
  years: number[];
  optional?: boolean;
  errorId?: string;
  errors?: string[];
}) {
  const t = useT();
  const id = useId();
  const initial = parsePeriodKey(defaultValue);
  const [cadence, setCadence] = useState<Cadence | "">(initial?.cadence ?? (optional ? "" : "month"));
  const [year, setYear] = useState(initial?.year ?? years[0]!);
  const [index, setIndex] = useState(initial?.index ?? 1);
  const allYears = years.includes(year) ? years : [year, ...years];
  const value = cadence ? periodKeyOf({ cadence, year, index: cadence === "quarter" ? Math.min(index, 4) : index }) : "";
  const describedBy = errors?.length ? errorId : undefined;
  return (
    <fieldset className="field period-picker" aria-describedby={describedBy}>
      <legend>{label}</legend>
      <input type="hidden" name={name} value={value} />
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("period.kind")}</label>
          <select
            id={`${id}-kind`}
            value={cadence}
            onChange={(e) => {
              setCadence(e.target.value as Cadence | "");
              setIndex(1);
            }}
          >
            {optional ? <option value="">{t("common.all")}</option> : null}
            <option value="month">{t("period.month")}</option>
            <option value="quarter">{t("period.quarter")}</option>
            <option value="year">{t("period.year")}</option>
          </select>
        </div>
        {cadence === "month" ? (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t("period.month")}</label>
            <select id={`${id}-month`} value={index} onChange={(e) => setIndex(Number(e.target.value))}>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {t("period.monthN", { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {cadence === "quarter" ? (
          <div className="field">
            <label htmlFor={`${id}-quarter`}>{t("period.quarter")}</label>
            <select id={`${id}-quarter`} value={Math.min(index, 4)} onChange={(e) => setIndex(Number(e.target.value))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t("period.quarterN", { n: q })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {cadence ? (
          <div className="field">
            <label htmlFor={`${id}-year`}>{t("period.year")}</label>
            <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {allYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {errorId ? <FieldErrors id={errorId} errors={errors} /> : null}
    </fieldset>
  );
}

/** The picker as a field of a conform form. */
export function PeriodField({ field, label, years }: { field: AnyField; label: string; years: number[] }) {
  return (
    <PeriodPicker
      name={field.name}
      label={label}
      defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
      years={years}
      errorId={field.errorId}
      errors={field.errors}
    />
  );
}
