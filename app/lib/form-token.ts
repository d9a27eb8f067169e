/**
 * The hidden field that carries a form instance's token (see SubmitButton and `writeOnce`): random, made in the
 * browser when the form is first sent, new after each success.
 */
export const FORM_TOKEN_FIELD = "_form";

/** A token as the browser makes it (anything else is ignored: the form is then handled as one without a token). */
export function isFormToken(v: unknown): v is string {
  return typeof v === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(v);
}
