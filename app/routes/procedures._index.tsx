import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { writableUnits } from "~/modules/documents/queries.server";
import { can } from "~/modules/permissions";
import { coverageSummary, fieldsInScope, listProcedures, parseProcedureFilter } from "~/modules/procedures/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { UnitFilter } from "~/components/unit-filter";
import { FilterSelect } from "~/components/filter-select";
import { TableWrap } from "~/components/table-wrap";
import { Fragment } from "react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.procedures._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const filter = parseProcedureFilter(new URL(request.url).searchParams);
  const units = writableUnits(ctx);
  return {
    ...listProcedures(ctx, filter),
    filter,
    units,
    fields: fieldsInScope(ctx, filter.unitId),
    summary: coverageSummary(ctx, filter.unitId),
    canWrite: can(ctx.actor, "procedures.write"),
    canDraft: can(ctx.actor, "documents.draft"),
  };
});

export default function Procedures() {
  const { rows, total, page, pages, filter, units, fields, summary, canWrite, canDraft } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("procedures.title")}</h1>
        {canWrite ? (
          <div className="actions">
            <Link className="button secondary" to="/procedures/new">
              {t("procedures.new")}
            </Link>
            <Link className="button primary" to="/procedures/import">
              {t("procedures.import")}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">{t("procedures.lead")}</p>
      <p className={`card coverage ${summary.uncovered ? "coverage-gap" : "coverage-ok"}`}>
        {summary.total && !summary.uncovered
          ? t("procedures.allCovered")
          : t("procedures.summary", { covered: summary.total - summary.uncovered, total: summary.total, uncovered: summary.uncovered })}
        {summary.drafting ? <> {t("procedures.summaryDrafting", { drafting: summary.drafting })}</> : null}
        {canDraft && summary.uncovered > summary.drafting ? (
          <>
            {" "}
            <Link to={filter.unitId ? `/documents/start?unit=${filter.unitId}` : "/documents/start"}>{t("starter.link")}</Link>
          </>
        ) : null}
      </p>
      <Form method="get" className="row card filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("procedures.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <UnitFilter units={units} name="unit" id="unit" label={t("documents.unit")} value={filter.unitId} />
        <FilterSelect name="field" label={t("procedures.field")} value={filter.field} options={fields.map((f) => ({ value: f, label: f }))} />
        <FilterSelect
          name="coverage"
          label={t("procedures.coverage")}
          value={filter.coverage}
          options={[
            { value: "uncovered", label: t("procedures.coverage.uncovered") },
            { value: "covered", label: t("procedures.coverage.covered") },
          ]}
          allLabel={t("procedures.coverage.all")}
        />
        <label className="checkbox">
          <input type="checkbox" name="inactive" value="1" defaultChecked={filter.inactive} /> {t("procedures.showInactive")}
        </label>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("common.results", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="card">{t("procedures.empty")}</p>
      ) : (
        <TableWrap label={t("procedures.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("procedures.code")}</th>
                <th scope="col">{t("procedures.name")}</th>
                <th scope="col">{t("procedures.field")}</th>
                {units.length > 1 ? <th scope="col">{t("documents.unit")}</th> : null}
                <th scope="col">{t("procedures.onlineLevel")}</th>
                <th scope="col">{t("procedures.coverage")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className={p.active && p.covering.length === 0 ? "row-overdue" : undefined}>
                  <td data-label={t("procedures.code")} className="code">
                    <Link to={`/procedures/${p.id}`}>{p.code}</Link>
                  </td>
                  <td data-label={t("procedures.name")}>
                    {p.name}
                    {p.processingTime ? <span className="muted"> · {p.processingTime}</span> : null}
                  </td>
                  <td data-label={t("procedures.field")}>{p.field}</td>
                  {units.length > 1 ? <td data-label={t("documents.unit")}>{p.unitName}</td> : null}
                  <td data-label={t("procedures.onlineLevel")}>{t(`procedures.level.${p.onlineLevel}`)}</td>
                  <td data-label={t("procedures.coverage")}>
                    {!p.active ? (
                      <span className="badge badge-old">{t("procedures.inactive")}</span>
                    ) : p.covering.length ? (
                      p.covering.map((d, i) => (
                        <Fragment key={d.id}>
                          {i > 0 ? " " : null}
                          <Link to={`/documents/${d.id}`} className="badge badge-ok">
                            {d.code}
                          </Link>
                        </Fragment>
                      ))
                    ) : p.drafting.length ? (
                      p.drafting.map((d, i) => (
                        <Fragment key={d.id}>
                          {i > 0 ? " " : null}
                          <Link to={`/documents/${d.id}`} className="badge badge-warn">
                            {t("procedures.draftingBadge", { code: d.code })}
                          </Link>
                        </Fragment>
                      ))
                    ) : (
                      <>
                        <span className="badge badge-bad">{t("procedures.uncovered")}</span>
                        {canDraft ? (
                          <>
                            {" "}
                            <Link to={`/documents/new?unit=${p.unitId}&procedure=${p.id}`}>{t("documents.new")}</Link>
                          </>
                        ) : null}
                      </>
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
