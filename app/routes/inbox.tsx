import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DecideForm } from "~/components/ca-decide-form";
import { CaStatusBadge } from "~/components/ca-status";
import { inboxFor } from "~/modules/corrective-actions/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.inbox");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  return inboxFor(ctx);
});

type Item = ReturnType<typeof useLoaderData<typeof loader>>["mine"][number];

function ActionCard({ a, cta, to }: { a: Item; cta: string; to: string }) {
  const t = useT();
  return (
    <li className="ca-card">
      <p className="muted small">
        {a.unitName} · #{a.id}
      </p>
      <p className="ca-card-title">{a.description}</p>
      <p className="muted">
        {t("ca.owner")}: {a.ownerName} · {t("ca.dueOn")}: <strong>{formatDate(a.dueOn)}</strong>
      </p>
      <CaStatusBadge status={a.status} overdue={a.overdue} reacknowledge={a.reacknowledge} />
      <p>
        <Link className="button primary wide" to={to}>
          {cta}
        </Link>
      </p>
    </li>
  );
}

export default function Inbox() {
  const { toAcknowledge, extensions, mine, toVerify, reportDrafts, total } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("inbox.title")}</h1>
      {total === 0 ? <p className="card">{t("inbox.empty")}</p> : null}
      {(
        [
          ["toIssue", reportDrafts.toIssue],
          ["toWrite", reportDrafts.toWrite],
        ] as const
      ).map(([which, list]) =>
        list.length ? (
          <section key={which} aria-labelledby={`reports-${which}-h`}>
            <h2 id={`reports-${which}-h`}>{t(`inbox.reports.${which}`, { count: list.length })}</h2>
            <ul className="ca-cards">
              {list.map((r) => (
                <li key={r.id} className="ca-card">
                  <p className="muted small">{r.unitName}</p>
                  <p className="ca-card-title">
                    {t(`reports.kind.${r.kind}`)} {r.periodLabel}
                  </p>
                  <p>
                    <Link className="button primary wide" to={r.link}>
                      {t(`inbox.reports.${which}.open`)}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {toAcknowledge.length ? (
        <section aria-labelledby="ack-h">
          <h2 id="ack-h">{t("inbox.toAcknowledge", { count: toAcknowledge.length })}</h2>
          <ul className="ca-cards">
            {toAcknowledge.map((a) => (
              <ActionCard
                key={a.id}
                a={a}
                cta={a.reacknowledge ? t("inbox.reviewAndSignAgain") : t("inbox.reviewAndSign")}
                to={`/corrective-actions/${a.id}/acknowledge`}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {extensions.length ? (
        <section aria-labelledby="ext-h">
          <h2 id="ext-h">{t("inbox.extensions", { count: extensions.length })}</h2>
          <ul className="ca-cards">
            {extensions.map((e) => (
              <li key={e.id} className="ca-card">
                <p className="muted small">
                  {e.unitName} · <Link to={`/corrective-actions/${e.actionId}`}>#{e.actionId}</Link> · {e.requestedByName} · {formatDateTime(e.requestedAt)}
                </p>
                <p className="ca-card-title">{e.description}</p>
                <DecideForm actionId={e.actionId} ext={e} redirectTo="/inbox" compact />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {toVerify.length ? (
        <section aria-labelledby="verify-h">
          <h2 id="verify-h">{t("inbox.toVerify", { count: toVerify.length })}</h2>
          <ul className="ca-cards">
            {toVerify.map((a) => (
              <ActionCard key={a.id} a={a} cta={t("inbox.verify")} to={`/corrective-actions/${a.id}`} />
            ))}
          </ul>
        </section>
      ) : null}
      {mine.length ? (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h">{t("inbox.mine", { count: mine.length })}</h2>
          <ul className="ca-cards">
            {mine.map((a) => (
              <ActionCard key={a.id} a={a} cta={t("inbox.open")} to={`/corrective-actions/${a.id}`} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
