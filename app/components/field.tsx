import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/** A field of any form: the components below read only its name, id, errors and initial value. */
export type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;
import { useT } from "~/i18n/react";

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
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, className, rows = 4 }: Common & { field: AnyField; rows?: number }) {
  const props = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
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
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
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
