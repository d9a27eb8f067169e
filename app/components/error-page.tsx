import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/time";
import { hasMessage } from "~/i18n";
import { useT } from "~/i18n/react";

/** The one error view every route's ErrorBoundary uses: a Vietnamese explanation, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const root = useRouteLoaderData<{ unitEnded?: { unit: string; date: string; successors: string[] } | null }>("root");
  const ended = root?.unitEnded;
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
      {ended && (status === 404 || status === 403) ? (
        <p className="alert" role="note">
          {t("units.ended.yourUnit", {
            unit: ended.unit,
            date: formatDate(ended.date),
            successors: ended.successors.length ? ended.successors.join(", ") : t("units.ended.noSuccessor"),
          })}
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errors.goHome")}</Link>
      </p>
    </section>
  );
}
