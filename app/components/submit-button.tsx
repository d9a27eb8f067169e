import { useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { FORM_TOKEN_FIELD } from "~/lib/form-token";

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * The submit button of a form that creates something. With it the form is one form instance: a random token, made
 * when the form is first sent, travels in a hidden field, and the server's creating verb answers the same token
 * again with its first result (`writeOnce`), so a double press or a resend never creates twice. While the form is
 * being sent the button is disabled; once it has succeeded and the page stays (a redirect back), the form is emptied
 * and the next sending gets a new token. A refused form keeps its input and its token (nothing was created).
 */
export function SubmitButton({ children, className = "primary", title }: { children: ReactNode; className?: string; title?: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const hidden = useRef<HTMLInputElement>(null);
  const [token, setToken] = useState("");
  const used = useRef(false);
  const navigation = useNavigation();
  const reply = useActionData() as { status?: string } | undefined;
  const pending = token !== "" && navigation.state !== "idle" && navigation.formData?.get(FORM_TOKEN_FIELD) === token;
  const wasPending = useRef(false);

  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    if (reply && typeof reply === "object" && reply.status === "error") return;
    // Succeeded and still here: the next form is a new one.
    used.current = true;
    button.current?.form?.reset();
  }, [pending, reply]);

  return (
    <>
      <input ref={hidden} type="hidden" name={FORM_TOKEN_FIELD} value={token} />
      <button
        ref={button}
        type="submit"
        className={className}
        title={title}
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={(e) => {
          // A second press before the button shows as disabled.
          if (pending) return e.preventDefault();
          if (token && !used.current) return;
          const t = newToken();
          used.current = false;
          setToken(t);
          // The form is sent in this same event, before React renders the new value.
          if (hidden.current) hidden.current.value = t;
        }}
      >
        {children}
      </button>
    </>
  );
}
