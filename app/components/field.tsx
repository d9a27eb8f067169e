import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/** A field of any form: the components below read only its name, id, errors and initial value. */
export type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;
import { useT } from "~/i18n/react";
import { withIndent } from "~/components/unit-depth";

/** Errors are i18n keys (from the shared zod schema or a domain error); shown beside the field, in the current language. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}

type Common = { label: string; hint?: ReactNode; className?: string };

/** A field's label and hint (the hint is what the control's aria-describedby names). */
function FieldHead({ field, label, hint }: { field: AnyField; label: string; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  className,
  autoComplete,
}: Common & { field: AnyField; type?: "text" | "password" | "email" | "date" | "number"; autoComplete?: string }) {
  const props = getInputProps(field, { type, ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field ${className ?? ""}`}>
      <FieldHead field={field} label={label} hint={hint} />
      <input {...props} key={props.key} autoComplete={autoComplete} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, className, rows = 4 }: Common & { field: AnyField; rows?: number }) {
  const props = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field ${className ?? ""}`}>
      <FieldHead field={field} label={label} hint={hint} />
      <textarea {...props} key={props.key} rows={rows} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
  multiple,
  className,
}: Common & {
  field: AnyField;
  /** A disabled option is shown (greyed, with its reason in the label) but cannot be chosen. */
  options: { value: string | number; label: string; disabled?: boolean }[];
  placeholder?: string;
  multiple?: boolean;
}) {
  const props = getSelectProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field ${className ?? ""}`}>
      <FieldHead field={field} label={label} hint={hint} />
      <select {...props} key={props.key} multiple={multiple} size={multiple ? Math.min(8, Math.max(3, options.length)) : undefined}>
        {placeholder !== undefined && !multiple ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Errors that belong to the whole form (e.g. "some fields need attention"). */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div id={id} className="alert alert-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}

/** The kinds a spreadsheet upload accepts, announced to the browser's picker (the server checks the content). */
export const SPREADSHEET_ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file input wired to conform: errors beside it, the accepted kinds announced to the browser's picker. */
export function FileField({
  field,
  label,
  hint,
  accept = ".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  children,
}: {
  field: AnyField;
  label: string;
  hint?: ReactNode;
  accept?: string;
  /** Shown under the errors (e.g. why the server refused the whole file). */
  children?: ReactNode;
}) {
  const props = getInputProps(field, { type: "file", ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className="field">
      <FieldHead field={field} label={label} hint={hint} />
      <input {...props} key={props.key} accept={accept} />
      <FieldErrors id={field.errorId} errors={field.errors} />
      {children}
    </div>
  );
}

/** The unit a form writes for: a select when the person may choose among several, else carried as a hidden value. */
export function UnitField({ field, label, units }: { field: AnyField; label: string; units: { id: number; name: string; depth?: number }[] }) {
  if (units.length <= 1) return <input type="hidden" name={field.name} value={String(units[0]?.id ?? field.initialValue ?? "")} />;
  return <SelectField field={field} label={label} options={withIndent(units).map((u) => ({ value: u.id, label: "\u00a0".repeat(2 * u.indent) + u.name }))} />;
}
