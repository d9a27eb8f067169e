import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listInspections, listPlans } from "~/modules/inspections/queries.server";
import { can } from "~/modules/permissions";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { FilterSelect } from "~/components/filter-select";
import { SortHeader } from "~/components/sort-header";
import { Pager } from "~/components/pager";
import { parseSort } from "~/lib/list-sort";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.inspections._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const thisYear = Number(ctx.today.slice(0, 4));
  const y = url.searchParams.get("year");
  const year = y === "" ? undefined : /^\d{4}$/.test(y ?? "") ? Number(y) : thisYear;
  const sort = parseSort("inspections", url.searchParams);
  return {
    ...listInspections(ctx, { year, page: Number(url.searchParams.get("page")) || 1, ...sort }),
    sort,
    plans: listPlans(ctx),
    year: year ? String(year) : "",
    years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2],
    thisYear,
    canWrite: can(ctx.actor, "inspection.write"),
  };
});

export default function Inspections() {
  const { rows: inspections, total, page, pages, sort, plans, year, years, thisYear, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("inspections.title")}</h1>
        {canWrite ? (
          <div className="actions">
            <Link className="button primary" to="/inspections/new">
              {t("inspections.new")}
            </Link>
            <Link className="button secondary" to={`/inspections/plan?year=${year || thisYear}`}>
              {t("inspections.planEdit")}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">{t("inspections.intro")}</p>
      <section aria-labelledby="plans-title">
        <h2 id="plans-title">{t("inspections.plans")}</h2>
        {plans.length === 0 ? (
          <p className="muted">{t("inspections.plansNone")}</p>
        ) : (
          <ul className="card plain">
            {plans.map((p) => (
              <li key={p.id}>
                {canWrite ? (
                  <Link to={`/inspections/plan?year=${p.year}`}>{t("inspections.plan", { year: p.year })}</Link>
                ) : (
                  t("inspections.plan", { year: p.year })
                )}{" "}
                · {p.unitName}
                {p.documentNumber ? ` · ${p.documentNumber}` : ""}
                {p.issuedOn ? ` (${formatDate(p.issuedOn)})` : ""} · {t("inspections.share", { onSite: p.onSite, total: p.total })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("inspections.list")}</h2>
        <Form method="get" className="row card" role="search">
          <FilterSelect name="year" id="f-year" label={t("audits.year")} value={year} options={years.map((y) => ({ value: y, label: String(y) }))} />
          <button type="submit" className="secondary">
            {t("action.filter")}
          </button>
        </Form>
        <p className="muted">{t("common.results", { count: total })}</p>
        {inspections.length === 0 ? (
          <p className="card">{t("inspections.none")}</p>
        ) : (
          <TableWrap label={t("inspections.list")}>
            <table className="responsive">
              <thead>
                <tr>
                  <SortHeader name="decision" sort={sort.sort} dir={sort.dir}>
                    {t("inspections.decisionNumber")}
                  </SortHeader>
                  <SortHeader name="unit" sort={sort.sort} dir={sort.dir}>
                    {t("inspections.unit")}
                  </SortHeader>
                  <SortHeader name="method" sort={sort.sort} dir={sort.dir}>
                    {t("inspections.method")}
                  </SortHeader>
                  <SortHeader name="minutes" sort={sort.sort} dir={sort.dir}>
                    {t("inspections.signedOn")}
                  </SortHeader>
                  <th scope="col" className="num">
                    {t("inspections.findingsCount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {inspections.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t("inspections.decisionNumber")}>
                      <Link to={`/inspections/${i.id}`}>{i.decisionNumber}</Link> <span className="muted">({formatDate(i.decisionOn)})</span>
                    </td>
                    <td data-label={t("inspections.unit")}>{i.unitName}</td>
                    <td data-label={t("inspections.method")}>{t(`inspections.method.${i.method}`)}</td>
                    <td data-label={t("inspections.signedOn")}>
                      {i.minutesSignedOn ? formatDate(i.minutesSignedOn) : <span className="muted">{t("inspections.noMinutes")}</span>}
                    </td>
                    <td data-label={t("inspections.findingsCount")} className="num">
                      {i.findings}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <Pager page={page} pages={pages} />
      </section>
    </>
  );
}
