import { getInputProps } from "@conform-to/react";
import { useId, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { FieldErrors, type AnyField } from "./field";

/** "25112026" or "25/11/2026" typed → "25/11/2026"; slashes are added as the digits come. */
export function maskVnDay(typed: string): string {
  const digits = typed.replace(/\D/g, "").slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}

/** dd/mm/yyyy ↔ yyyy-mm-dd (the native picker's value); anything else → "". */
export function vnToIso(v: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : "";
}
const isoToVn = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : "");

/**
 * A calendar day as every Vietnamese form writes it: dd/mm/yyyy, whatever the phone's language
 * (docs/decisions/0015-phone-first-inputs.md). A text field with the numeric keypad and a mask that adds the
 * slashes, plus a button that opens the phone's own date picker; the picked day is written back as dd/mm/yyyy.
 * Without JavaScript it is a plain text field the server reads (dd/mm/yyyy or yyyy-mm-dd).
 */
export function DateField({ field, label, hint, className }: { field: AnyField; label: string; hint?: ReactNode; className?: string }) {
  const t = useT();
  const hintId = `${field.id}-hint`;
  const props = getInputProps(field, { type: "text", ariaDescribedBy: hintId });
  return (
    <div className={`field date-field ${className ?? ""}`}>
      <label htmlFor={field.id} id={`${field.id}-label`}>
        {label}
      </label>
      <p className="hint" id={hintId}>
        {hint ?? t("date.placeholder")}
      </p>
      <DateInput {...props} key={props.key} label={label} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The same day input in a list's filter form (no form library): a label, the field, the picker. */
export function DateFilter({ id, name, label, defaultValue }: { id: string; name: string; label: string; defaultValue?: string }) {
  return (
    <div className="field date-field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <DateInput id={id} name={name} defaultValue={defaultValue} label={label} />
    </div>
  );
}

function DateInput({ label: _label, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  const t = useT();
  const text = useRef<HTMLInputElement>(null);
  const native = useRef<HTMLInputElement>(null);
  const pickerId = useId();
  const set = (value: string) => {
    const el = text.current;
    if (!el) return;
    // The value setter of the prototype, then an input event: conform (and React) see the change as typed.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return (
    <div className="date-field-row">
      <input
        {...input}
        type="text"
        ref={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("date.placeholder")}
        maxLength={10}
        onInput={(e) => {
          const el = e.currentTarget;
          const typing = (e.nativeEvent as InputEvent).inputType === "insertText" && /^[\d/]*$/.test(el.value);
          if (typing) {
            const masked = maskVnDay(el.value);
            if (masked !== el.value) el.value = masked;
          }
        }}
      />
      <button
        type="button"
        className="secondary date-pick"
        // Named by the field's own label through aria-describedby, so that a search by the label finds the field only.
        aria-label={t("date.pick")}
        aria-describedby={input.id ? `${input.id}-label` : undefined}
        onClick={() => {
          const n = native.current;
          if (!n) return;
          n.value = vnToIso(text.current?.value ?? "");
          if (typeof n.showPicker === "function") {
            try {
              n.showPicker();
              return;
            } catch {
              // A browser that refuses (no user activation, an old engine) gets the field focused instead.
            }
          }
          n.focus();
        }}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="3" y="4" width="18" height="18" rx="2" />
          <path d="M16 2v4M8 2v4M3 10h18" />
        </svg>
      </button>
      <input
        ref={native}
        id={pickerId}
        type="date"
        className="date-native"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const v = isoToVn(e.currentTarget.value);
          if (v) set(v);
          text.current?.focus();
        }}
      />
    </div>
  );
}
