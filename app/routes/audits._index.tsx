import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExportLink } from "~/components/export-link";
import { AUDIT_STATUSES } from "#db/schema/enums";
import { AuditStatusBadge } from "~/components/audits/status";
import { auditsPage, parseAuditListFilter, plannableUnits } from "~/modules/audits/queries.server";
import { can } from "~/modules/permissions";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { UnitFilter } from "~/components/unit-filter";
import { FilterSelect } from "~/components/filter-select";
import { TableWrap } from "~/components/table-wrap";
import { SortHeader } from "~/components/sort-header";
import { Pager } from "~/components/pager";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.audits._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const today = ctx.today;
  const parsed = parseAuditListFilter(url.searchParams, today);
  const { year, unitId, status, mine, sort, dir } = parsed;
  const list = auditsPage(ctx, parsed, Number(url.searchParams.get("page")) || 1);
  const units = plannableUnits(ctx);
  const thisYear = Number(today.slice(0, 4));
  return {
    ...list,
    units,
    years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2],
    filter: { year: year ? String(year) : "", unitId: unitId ? String(unitId) : "", status: status ?? "", mine, sort, dir },
    canPlan: can(ctx.actor, "audits.plan"),
    canBatch: can(ctx.actor, "audits.plan") && units.length > 1,
  };
});

export default function Audits() {
  const { rows, total, page, pages, units, years, filter, canPlan, canBatch } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("audits.title")}</h1>
        <div className="actions">
          <ExportLink to="/audits/export" />
          {canPlan ? (
            <Link className="button primary" to={`/audits/new${filter.unitId ? `?unit=${filter.unitId}` : ""}`}>
              {t("audits.new")}
            </Link>
          ) : null}
          {canBatch ? (
            <Link className="button secondary" to="/audits/plan">
              {t("audits.batch")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="row card" role="search">
        <FilterSelect name="year" id="f-year" label={t("audits.year")} value={filter.year} options={years.map((y) => ({ value: y, label: String(y) }))} />
        <UnitFilter units={units} name="unit" id="f-unit" label={t("audits.unit")} value={filter.unitId} />
        <FilterSelect
          name="status"
          id="f-status"
          label={t("audits.status")}
          value={filter.status}
          options={AUDIT_STATUSES.map((s) => ({ value: s, label: t(`audits.status.${s}`) }))}
        />
        <label className="checkbox">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} /> {t("audits.mine")}
        </label>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      {filter.unitId && filter.year ? (
        <p>
          <Link to={`/audits/programme?unit=${filter.unitId}&year=${filter.year}`}>{t("audits.programme", { year: filter.year })}</Link>
        </p>
      ) : null}
      <p className="muted">{t("common.results", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="card">{t("audits.none")}</p>
      ) : (
        <TableWrap label={t("audits.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <SortHeader name="title" sort={filter.sort} dir={filter.dir}>
                  {t("audits.titleField")}
                </SortHeader>
                <SortHeader name="unit" sort={filter.sort} dir={filter.dir}>
                  {t("audits.unit")}
                </SortHeader>
                <SortHeader name="start" sort={filter.sort} dir={filter.dir}>
                  {t("audits.dates")}
                </SortHeader>
                <SortHeader name="lead" sort={filter.sort} dir={filter.dir}>
                  {t("audits.lead")}
                </SortHeader>
                <SortHeader name="status" sort={filter.sort} dir={filter.dir}>
                  {t("audits.status")}
                </SortHeader>
                <th scope="col">{t("audits.progress")}</th>
                <th scope="col" className="num">
                  {t("audits.ncs")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("audits.titleField")}>
                    <Link to={`/audits/${a.id}`}>{a.title}</Link>
                  </td>
                  <td data-label={t("audits.unit")}>{a.unitName}</td>
                  <td data-label={t("audits.dates")}>
                    {formatDate(a.startOn)} – {formatDate(a.endOn)}
                  </td>
                  <td data-label={t("audits.lead")}>{a.leadName}</td>
                  <td data-label={t("audits.status")}>
                    <AuditStatusBadge status={a.status} />
                  </td>
                  <td data-label={t("audits.progress")}>{t("audits.answered", { answered: a.answered, total: a.items })}</td>
                  <td data-label={t("audits.ncs")} className="num">
                    {a.ncs}
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
