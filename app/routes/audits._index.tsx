import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExportLink } from "~/components/export-link";
import { AUDIT_STATUSES } from "#db/schema/enums";
import { AuditStatusBadge } from "~/components/audits/status";
import { listAudits, parseAuditListFilter, plannableUnits } from "~/modules/audits/queries.server";
import { can } from "~/modules/permissions";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { UnitFilter } from "~/components/unit-filter";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Đánh giá nội bộ · ISO Xã" }];

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const today = ctx.today;
  const { year, unitId, status, mine } = parseAuditListFilter(url.searchParams, today);
  const rows = listAudits(ctx.db, ctx.actor, { year, unitId, status, mine });
  const units = plannableUnits(ctx.db, ctx.actor, today);
  return {
    rows,
    units,
    filter: { year: year ? String(year) : "", unitId: unitId ? String(unitId) : "", status: status ?? "", mine },
    canPlan: can(ctx.actor, "audits.plan"),
    canBatch: can(ctx.actor, "audits.plan") && units.length > 1,
    thisYear: Number(today.slice(0, 4)),
  };
});

export default function Audits() {
  const { rows, units, filter, canPlan, canBatch, thisYear } = useLoaderData<typeof loader>();
  const t = useT();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
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
        <div className="field">
          <label htmlFor="f-year">{t("audits.year")}</label>
          <select id="f-year" name="year" defaultValue={filter.year}>
            <option value="">{t("common.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <UnitFilter units={units} name="unit" id="f-unit" label={t("audits.unit")} value={filter.unitId} />
        <div className="field">
          <label htmlFor="f-status">{t("audits.status")}</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="">{t("common.all")}</option>
            {AUDIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`audits.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
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
      <p className="muted">{t("common.results", { count: rows.length })}</p>
      {rows.length === 0 ? (
        <p className="card">{t("audits.none")}</p>
      ) : (
        <TableWrap label={t("audits.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("audits.titleField")}</th>
                <th scope="col">{t("audits.unit")}</th>
                <th scope="col">{t("audits.dates")}</th>
                <th scope="col">{t("audits.lead")}</th>
                <th scope="col">{t("audits.status")}</th>
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
    </>
  );
}
