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
import { FilterSelect } from "~/components/filter-select";
import { TableWrap } from "~/components/table-wrap";
import { SortHeader } from "~/components/sort-header";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const filter = parseDocumentFilter(new URL(request.url).searchParams);
  const list = listDocuments(ctx, filter);
  const units = writableUnits(ctx);
  const stats = documentStatsForUnits(ctx, filter.unitId ? [filter.unitId] : "scope", ctx.today).filter(
    (s) => !filter.unitId || units.some((u) => u.id === s.unitId),
  );
  const sum = (k: "effective" | "overdueReview" | "overdueUpdate" | "uncoveredProcedures") => stats.reduce((n, s) => n + s[k], 0);
  return {
    ...list,
    filter,
    units,
    clauses: clauseOptions(ctx.db),
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
            <Link className="button secondary" to="/documents/import">
              {t("bulk.title")}
            </Link>
          ) : null}
          {canDraft ? (
            <Link className="button secondary" to="/documents/start">
              {t("starter.title")}
            </Link>
          ) : null}
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
        <FilterSelect
          name="kind"
          label={t("documents.filter.kind")}
          value={filter.kind}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
        />
        <FilterSelect
          name="status"
          label={t("documents.filter.status")}
          value={filter.status}
          options={LIST_STATUSES.map((s) => ({ value: s, label: t(`documents.status.${s}`) }))}
        />
        <FilterSelect
          name="clause"
          label={t("documents.filter.clause")}
          value={filter.clause}
          options={clauses.map((c) => ({ value: c.code, label: `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}` }))}
        />
        <FilterSelect
          name="overdue"
          label={t("documents.filter.overdue")}
          value={filter.overdue}
          options={OVERDUE_FILTERS.map((o) => ({ value: o, label: t(`documents.overdue.${o}`) }))}
        />
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
                <SortHeader name="code" sort={filter.sort} dir={filter.dir}>
                  {t("documents.code")}
                </SortHeader>
                <SortHeader name="title" sort={filter.sort} dir={filter.dir}>
                  {t("documents.titleField")}
                </SortHeader>
                <SortHeader name="kind" sort={filter.sort} dir={filter.dir}>
                  {t("documents.kind")}
                </SortHeader>
                {units.length > 1 ? (
                  <SortHeader name="unit" sort={filter.sort} dir={filter.dir}>
                    {t("documents.unit")}
                  </SortHeader>
                ) : null}
                <SortHeader name="status" sort={filter.sort} dir={filter.dir}>
                  {t("documents.status")}
                </SortHeader>
                <SortHeader name="review" sort={filter.sort} dir={filter.dir}>
                  {t("documents.clocks")}
                </SortHeader>
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
                    {/* A first revision under review or approved says so, not "draft". */}
                    {d.status === "draft" && d.pendingStatus && d.pendingStatus !== "draft" ? (
                      <RevisionBadge status={d.pendingStatus} />
                    ) : (
                      <DocumentStatusBadge status={d.status} />
                    )}
                    {d.currentNumber ? <span className="muted"> · {t("documents.revisionN", { n: d.currentNumber })}</span> : null}
                    {d.pendingStatus && d.status !== "draft" ? (
                      <>
                        {" "}
                        <RevisionBadge status={d.pendingStatus} />
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("documents.clocks")}>
                    {d.status === "effective" ? (
                      <>
                        <div className="muted">
                          {t("documents.nextReview")}: {formatDate(d.nextReviewOn)}
                        </div>
                        {d.updateDueOn ? (
                          <div className="muted">
                            {t("documents.updateDue")}: {formatDate(d.updateDueOn)}
                          </div>
                        ) : null}
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
