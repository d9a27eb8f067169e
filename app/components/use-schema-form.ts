import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect } from "react";
import type { z } from "zod";

type When = "onSubmit" | "onBlur" | "onInput";

/** The fields of a schema's input, as conform sees them (a schema whose input is not an object has none). */
type FormShape<S extends z.ZodType> = Extract<z.input<S>, Record<string, unknown>>;

/**
 * A form's initial values, keyed by the schema's fields. The values are as the loader has them: conform writes
 * numbers, dates and booleans into the inputs as text, so they need not be strings first.
 */
export type SchemaDefaults<S extends z.ZodType> = { [K in keyof FormShape<S>]?: unknown } | null;

export type SchemaFormOptions<S extends z.ZodType> = {
  /** The form's id; needed when a page has several forms (`replyFor`), or for a stable id in tests. */
  id?: string;
  /** The action's reply for this form (`useActionData<typeof action>()`, a `FormReply`, or `replyFor(…)`). */
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: SchemaDefaults<S>;
  /**
   * When a field is first checked in the browser. Default "onBlur", the project's usual; a blur caused by pressing
   * the pointer somewhere (a button, a checkbox) is checked only once that click is over.
   */
  shouldValidate?: When;
  /** When a field already checked is checked again. Default "onInput": an error goes away as it is put right. */
  shouldRevalidate?: When;
};

/** The `fields` of a form made with `useSchemaForm(schema)`, e.g. for a render prop that draws some of them. */
export type SchemaFields<S extends z.ZodType> = ReturnType<typeof useSchemaForm<S>>[1];

/**
 * conform's `useForm`, checked in the browser with the same zod schema the action uses (`parseWithZod`), so an
 * error reads the same before and after the round trip. Returns `[form, fields]` typed by the schema's input.
 *
 * Nothing on the form moves between a pointer's press and its release: a blur check that adds or removes an error
 * line shifts what is below it, and a press on "Lưu" (or on a checkbox) released over the shifted layout clicks
 * nothing (issue 18). So an error clears as the field is corrected (on input), and the first check of a field on
 * blur waits until the click that caused the blur is over.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S, options: SchemaFormOptions<S> = {}) {
  const { id, lastResult, defaultValue, shouldValidate = "onBlur", shouldRevalidate = "onInput" } = options;
  const checkOnBlur = shouldValidate === "onBlur";
  const [form, fields] = useForm<FormShape<S>, z.output<S>>({
    id,
    lastResult,
    // why: the keys are checked by SchemaDefaults; conform's type would also want each value typed as the input's.
    defaultValue: defaultValue as DefaultValue<FormShape<S>>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    // The blur check is ours (below): conform's would run at once, under the pointer.
    shouldValidate: checkOnBlur ? "onSubmit" : shouldValidate,
    shouldRevalidate,
  });
  useBlurCheckAfterClick(form.id, form.validate, checkOnBlur);
  return [form, fields] as const;
}

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isField = (el: EventTarget | null): el is FieldElement =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/**
 * Check a field of the form `formId` when it loses focus; when the focus left because a pointer was pressed
 * elsewhere, check it only after the release and its click (a touch sends its mouse events after the touch ends,
 * so a press is any of pointerdown or mousedown until the next click, pointerup or mouseup).
 */
function useBlurCheckAfterClick(formId: string, validate: (opts: { name: string }) => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let pressed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waiting = new Set<string>();
    const check = (name: string) => {
      if (document.getElementById(formId)) validate({ name });
    };
    const flush = () => {
      pressed = false;
      const names = [...waiting];
      waiting.clear();
      names.forEach(check);
    };
    const press = () => {
      pressed = true;
      clearTimeout(timer);
    };
    // A timeout, so that the click that follows the release (same task) lands before anything moves.
    const release = () => {
      clearTimeout(timer);
      timer = setTimeout(flush, 0);
    };
    const blur = (e: FocusEvent) => {
      const el = e.target;
      if (!isField(el) || !el.name || el.form?.id !== formId || el.type === "submit" || el.type === "button") return;
      if (pressed) waiting.add(el.name);
      else check(el.name);
    };
    const opts = { capture: true } as const;
    for (const t of ["pointerdown", "mousedown"]) document.addEventListener(t, press, opts);
    for (const t of ["pointerup", "mouseup", "pointercancel", "click", "keydown"]) document.addEventListener(t, release, opts);
    document.addEventListener("focusout", blur);
    return () => {
      clearTimeout(timer);
      for (const t of ["pointerdown", "mousedown"]) document.removeEventListener(t, press, opts);
      for (const t of ["pointerup", "mouseup", "pointercancel", "click", "keydown"]) document.removeEventListener(t, release, opts);
      document.removeEventListener("focusout", blur);
    };
  }, [formId, validate, enabled]);
}
