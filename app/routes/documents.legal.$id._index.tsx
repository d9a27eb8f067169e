import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentStatusBadge } from "~/components/documents/badges";
import { History } from "~/components/history";
import { getLegalChangeInScopeOrThrow } from "~/modules/documents/legal-changes.server";
import { legalChangeDocumentsOf } from "~/modules/documents/queries.server";
import { LEGAL_UPDATE_MONTHS } from "~/modules/documents/rules";
import { can } from "~/modules/permissions";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { addMonthsToDay, formatDate } from "~/lib/time";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.legal.textNumber ?? metaT(matches)("title.documents.legal.$id._index"));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const legal = getLegalChangeInScopeOrThrow(ctx, id);
  const dueOn = addMonthsToDay(legal.effectiveOn, LEGAL_UPDATE_MONTHS);
  return {
    legal,
    dueOn,
    late: ctx.today > dueOn,
    docs: legalChangeDocumentsOf(ctx.db, id),
    history: historyOf(ctx.db, "legal_change", id),
    canWrite: can(ctx.actor, "documents.draft"),
  };
});

export default function LegalChangePage() {
  const { legal, dueOn, late, docs, history, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/documents/legal">← {t("documents.legal")}</Link>
      </p>
      <div className="page-head">
        <h1>{legal.textNumber}</h1>
        {canWrite ? (
          <Link className="button secondary" to={`/documents/legal/${legal.id}/edit`}>
            {t("action.edit")}
          </Link>
        ) : null}
      </div>
      <dl className="dl dl-stack card">
        <dt>{t("documents.legal.titleField")}</dt>
        <dd>{legal.title}</dd>
        <dt>{t("documents.unit")}</dt>
        <dd>{legal.unitName}</dd>
        <dt>{t("documents.legal.effectiveOn")}</dt>
        <dd>{formatDate(legal.effectiveOn)}</dd>
        <dt>{t("documents.legal.dueOn")}</dt>
        <dd>{formatDate(dueOn)}</dd>
        {legal.note ? (
          <>
            <dt>{t("documents.note")}</dt>
            <dd>{legal.note}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t("documents.legal.documents")}</h2>
      {docs.length === 0 ? (
        <p className="muted">{t("documents.legal.noDocuments")}</p>
      ) : (
        <ul className="card plain">
          {docs.map((d) => (
            <li key={d.id}>
              <Link to={`/documents/${d.id}`}>{d.code}</Link> {d.title} <DocumentStatusBadge status={d.status} />{" "}
              {d.resolvedOn ? (
                <span className="badge badge-ok">{t("documents.legal.resolved", { n: d.resolvedNumber ?? "?", day: formatDate(d.resolvedOn) })}</span>
              ) : d.status !== "obsolete" ? (
                <span className={late ? "badge badge-bad" : "badge badge-warn"}>{late ? t("documents.flag.updateOverdue") : t("documents.legal.open")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <History entries={history} />
    </>
  );
}
