import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExportLink } from "~/components/export-link";
import { DOCUMENT_KINDS } from "#db/schema/enums";
import { ClockFlags, DocumentStatusBadge, RevisionBadge } from "~/components/documents/badges";
import { Pager } from "~/components/pager";
import { can } from "~/modules/permissions";
import { clauseOptions, documentStatsForUnits, listDocuments, parseDocumentFilter, writableUnits } from "~/modules/documents/queries.server";
import { LIST_STATUSES, OVERDUE_FILTERS } from "~/modules/documents/schema";
import { handle, requireCtx } from "~/http/edge.server";
import { useLang, useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { UnitFilter } from "~/components/unit-filter";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Hệ thống tài liệu · ISO Xã" }];

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const { db, scope, today } = ctx;
  const filter = parseDocumentFilter(new URL(request.url).searchParams);
  const list = listDocuments(db, scope, filter, today);
  const units = writableUnits(db, scope, today);
  const stats = documentStatsForUnits(db, filter.unitId ? [filter.unitId] : scope, today).filter((s) => !filter.unitId || units.some((u) => u.id === s.unitId));
  const sum = (k: "effective" | "overdueReview" | "overdueUpdate" | "uncoveredProcedures") => stats.reduce((n, s) => n + s[k], 0);
  return {
    ...list,
    filter,
    units,
    clauses: clauseOptions(db),
    counts: { effective: sum("effective"), review: sum("overdueReview"), update: sum("overdueUpdate"), uncovered: sum("uncoveredProcedures") },
    canDraft: can(ctx.actor, "documents.draft"),
  };
});

export default function Documents() {
  const { rows, total, page, pages, filter, units, clauses, counts, canDraft } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="page-head">
        <h1>{t("documents.title")}</h1>
        <div className="actions">
          <ExportLink to="/documents/export" />
          <Link className="button secondary" to="/documents/legal">
            {t("documents.legal")}
          </Link>
          {canDraft ? (
            <Link className="button primary" to="/documents/new">
              {t("documents.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("documents.lead")}</p>
      <p className="card doc-counts">
        {t("documents.counts", counts)} · <Link to="/procedures?coverage=uncovered">{t("procedures.coverage.uncovered")}</Link>
      </p>
      <Form method="get" className="row card filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("documents.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <UnitFilter units={units} name="unit" id="unit" label={t("documents.filter.unit")} value={filter.unitId} />
        <div className="field">
          <label htmlFor="kind">{t("documents.filter.kind")}</label>
          <select id="kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t("documents.filter.status")}</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`documents.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="clause">{t("documents.filter.clause")}</label>
          <select id="clause" name="clause" defaultValue={filter.clause ?? ""}>
            <option value="">{t("common.all")}</option>
            {clauses.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {lang === "en" ? c.titleEn : c.titleVi}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="overdue">{t("documents.filter.overdue")}</label>
          <select id="overdue" name="overdue" defaultValue={filter.overdue ?? ""}>
            <option value="">{t("common.all")}</option>
            {OVERDUE_FILTERS.map((o) => (
              <option key={o} value={o}>
                {t(`documents.overdue.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("common.results", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="card">{t("documents.empty")}</p>
      ) : (
        <TableWrap label={t("documents.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("documents.code")}</th>
                <th scope="col">{t("documents.titleField")}</th>
                <th scope="col">{t("documents.kind")}</th>
                {units.length > 1 ? <th scope="col">{t("documents.unit")}</th> : null}
                <th scope="col">{t("documents.status")}</th>
                <th scope="col">{t("documents.clocks")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} className={d.reviewOverdue || d.updateOverdue ? "row-overdue" : undefined}>
                  <td data-label={t("documents.code")} className="code">
                    <Link to={`/documents/${d.id}`}>{d.code}</Link>
                  </td>
                  <td data-label={t("documents.titleField")}>{d.title}</td>
                  <td data-label={t("documents.kind")}>{t(`documents.kind.${d.kind}`)}</td>
                  {units.length > 1 ? <td data-label={t("documents.unit")}>{d.unitName}</td> : null}
                  <td data-label={t("documents.status")}>
                    <DocumentStatusBadge status={d.status} />
                    {d.currentNumber ? <span className="muted"> · {t("documents.revisionN", { n: d.currentNumber })}</span> : null}
                    {d.pendingStatus && d.status !== "draft" ? (
                      <>
                        {" "}
                        <RevisionBadge status={d.pendingStatus} />
                      </>
                    ) : d.pendingStatus && d.pendingStatus !== "draft" ? (
                      <>
                        {" "}
                        <RevisionBadge status={d.pendingStatus} />
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("documents.clocks")}>
                    {d.status === "effective" ? (
                      <>
                        <span className="muted">
                          {t("documents.nextReview")}: {formatDate(d.nextReviewOn)}
                        </span>{" "}
                        <ClockFlags reviewOverdue={d.reviewOverdue} updateOverdue={d.updateOverdue} needsRevision={d.needsRevision} />
                      </>
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
      <Pager page={page} pages={pages} />
    </>
  );
}
