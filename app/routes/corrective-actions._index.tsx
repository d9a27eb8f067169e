import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExportLink } from "~/components/export-link";
import { Pager } from "~/components/pager";
import { CaStatusBadge } from "~/components/ca-status";
import { correctiveActionsPage, unitsWithActions } from "~/modules/corrective-actions/queries.server";
import { CA_LIST_STATUSES, ListFilterSchema } from "~/modules/corrective-actions/schema";
import { can } from "~/modules/permissions";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { UnitFilter } from "~/components/unit-filter";
import { FilterSelect } from "~/components/filter-select";
import { TableWrap } from "~/components/table-wrap";
import { SortHeader } from "~/components/sort-header";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.corrective-actions._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const filter = ListFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { ...correctiveActionsPage(ctx, filter), filter, units: unitsWithActions(ctx), isAdmin: can(ctx.actor, "settings.manage") };
});

export default function CorrectiveActions() {
  const { rows, total, page, pages, status, filter, units, isAdmin } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("ca.title")}</h1>
        <div className="actions">
          <ExportLink to="/corrective-actions/export" />
          {isAdmin ? <Link to="/corrective-actions/settings">{t("ca.settings.title")}</Link> : null}
        </div>
      </div>
      <Form method="get" className="row card" role="search" aria-label={t("action.filter")}>
        {/* The list opens on what is still open; "all" (history included) is a choice of its own, last. */}
        <FilterSelect
          name="status"
          id="f-status"
          label={t("common.status")}
          value={status}
          options={CA_LIST_STATUSES.map((s) => ({
            value: s,
            label: s === "open" || s === "overdue" ? t(`ca.filter.${s}`) : s === "all" ? t("common.all") : t(`ca.status.${s}`),
          }))}
          allLabel={false}
        />
        <UnitFilter units={units} name="unitId" id="f-unit" label={t("ca.unit")} value={filter.unitId} />
        <div className="field">
          <label htmlFor="f-q">{t("ca.filter.q")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="mine" value="1" defaultChecked={!!filter.mine} /> {t("ca.filter.mine")}
        </label>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="card">{t("ca.list.empty")}</p>
      ) : (
        <TableWrap label={t("ca.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <SortHeader name="action" sort={filter.sort} dir={filter.dir}>
                  {t("ca.action")}
                </SortHeader>
                <SortHeader name="unit" sort={filter.sort} dir={filter.dir}>
                  {t("ca.unit")}
                </SortHeader>
                <SortHeader name="owner" sort={filter.sort} dir={filter.dir}>
                  {t("ca.owner")}
                </SortHeader>
                <SortHeader name="due" sort={filter.sort} dir={filter.dir}>
                  {t("ca.dueOn")}
                </SortHeader>
                <SortHeader name="status" sort={filter.sort} dir={filter.dir}>
                  {t("common.status")}
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("ca.action")}>
                    <Link to={`/corrective-actions/${a.id}`}>{`#${a.id} ${a.description}`}</Link>
                    <div className="muted small">{a.findingDescription}</div>
                  </td>
                  <td data-label={t("ca.unit")}>{a.unitName}</td>
                  <td data-label={t("ca.owner")}>{a.ownerName}</td>
                  <td data-label={t("ca.dueOn")}>{formatDate(a.dueOn)}</td>
                  <td data-label={t("common.status")}>
                    <CaStatusBadge status={a.status} overdue={a.overdue} />
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
