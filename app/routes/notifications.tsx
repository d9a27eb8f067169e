import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { markAllRead, openNotification } from "~/modules/notifications/mark-read.server";
import { listNotifications } from "~/modules/notifications/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { safeRedirect } from "~/http/session.server";
import { formatDate, formatDateTime } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.notifications");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const before = Number(url.searchParams.get("before"));
  const unreadOnly = url.searchParams.get("unread") === "1";
  return { ...listNotifications(ctx, { beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined, unreadOnly }), unreadOnly };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const form = await request.formData();
  if (form.get("intent") === "all") {
    markAllRead(ctx);
    return redirect("/notifications");
  }
  const id = Number(form.get("id"));
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("errors.badRequest", { status: 400 });
  return redirect(safeRedirect(openNotification(ctx, id), "/notifications"));
});

export default function Notifications() {
  const { items, nextBeforeId, unreadOnly } = useLoaderData<typeof loader>();
  const t = useT();
  // Dates in parameters are YYYY-MM-DD: shown as dd/mm/yyyy.
  const fmt = (p: Record<string, string | number>) => {
    const out = Object.fromEntries(
      Object.entries(p).map(([k, v]) => [
        k,
        typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : k === "decision" ? t(`ca.extension.${v}`) : v,
      ]),
    );
    // A moved deadline names what moved with a message of its own (a finding, an action, an inspection's report).
    return typeof p.whatKey === "string" ? { ...out, what: t(p.whatKey, out) } : out;
  };
  return (
    <div className="narrow">
      <div className="page-head">
        <h1>{t("notifications.title")}</h1>
        <Form method="post">
          <input type="hidden" name="intent" value="all" />
          <button type="submit" className="link-button">
            {t("notifications.markAll")}
          </button>
        </Form>
      </div>
      <p>
        {unreadOnly ? <Link to="/notifications">{t("notifications.showAll")}</Link> : <Link to="/notifications?unread=1">{t("notifications.showUnread")}</Link>}
      </p>
      {items.length === 0 ? <p className="card">{t("notifications.empty")}</p> : null}
      <ul className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "read" : "unread"}>
            <Form method="post">
              <input type="hidden" name="id" value={n.id} />
              <button type="submit" className="notification-open">
                {n.readAt ? null : <span className="badge badge-warn">{t("notifications.new")}</span>} {t(`notifications.kind.${n.kind}`, fmt(n.params))}
                <span className="muted small"> · {formatDateTime(n.createdAt)}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {nextBeforeId ? (
        <p className="pager">
          <Link to={`/notifications?before=${nextBeforeId}${unreadOnly ? "&unread=1" : ""}`}>{t("common.next")}</Link>
        </p>
      ) : null}
    </div>
  );
}
