import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listLegalChanges } from "~/modules/documents/queries.server";
import { can } from "~/modules/permissions";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.legal._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const rows = listLegalChanges(ctx);
  return { rows, canWrite: can(ctx.actor, "documents.draft") };
});

export default function LegalChanges() {
  const { rows, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/documents">← {t("documents.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("documents.legal")}</h1>
        {canWrite ? (
          <Link className="button primary" to="/documents/legal/new">
            {t("documents.legal.new")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("documents.legalLead")}</p>
      {rows.length === 0 ? (
        <p className="card">{t("documents.legal.empty")}</p>
      ) : (
        <TableWrap label={t("documents.legal")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("documents.legal.textNumber")}</th>
                <th scope="col">{t("documents.legal.titleField")}</th>
                <th scope="col">{t("documents.unit")}</th>
                <th scope="col">{t("documents.legal.effectiveOn")}</th>
                <th scope="col">{t("documents.legal.dueOn")}</th>
                <th scope="col">{t("documents.legal.documents")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} className={l.overdue ? "row-overdue" : undefined}>
                  <td data-label={t("documents.legal.textNumber")}>
                    <Link to={`/documents/legal/${l.id}`}>{l.textNumber}</Link>
                  </td>
                  <td data-label={t("documents.legal.titleField")}>{l.title}</td>
                  <td data-label={t("documents.unit")}>{l.unitName}</td>
                  <td data-label={t("documents.legal.effectiveOn")}>{formatDate(l.effectiveOn)}</td>
                  <td data-label={t("documents.legal.dueOn")}>
                    {formatDate(l.dueOn)} {l.overdue ? <span className="badge badge-bad">{t("documents.flag.updateOverdue")}</span> : null}
                  </td>
                  <td data-label={t("documents.legal.documents")}>
                    {l.open > 0 ? (
                      t("documents.legal.progress", { open: l.open, linked: l.linked })
                    ) : l.linked ? (
                      <span className="badge badge-ok">✓ {l.linked}</span>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
