import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { hasMessage } from "~/i18n";
import { useT } from "~/i18n/react";

/** The one error view every route's ErrorBoundary uses: a Vietnamese explanation, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  let status = 500;
  let message = t("errors.500");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const body = typeof error.data === "string" ? error.data : "";
    if (hasMessage(body)) message = t(body);
    else if (status === 404) message = t("errors.notFound");
    else if (status === 403) message = t("errors.forbidden");
    else if (status === 400 || status === 405 || status === 413) message = t("errors.badRequest");
  }
  const titleKey = status === 403 || status === 404 || status === 500 ? `errors.title.${status}` : status >= 500 ? "errors.title.500" : "errors.title.other";
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{t(titleKey)}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t("errors.goHome")}</Link>
      </p>
    </section>
  );
}
