import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { REPORT_KINDS, REPORT_STATUSES } from "#db/schema/enums";
import { can } from "~/modules/permissions";
import { listReports } from "~/modules/reports/queries.server";
import { ReportFiltersSchema } from "~/modules/reports/schema";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { Pager } from "~/components/pager";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/lib/time";
import { ReportStatusBadge } from "~/components/report-status";
import { UnitFilter } from "~/components/unit-filter";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Báo cáo · ISO Xã" }];

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const filters = ReportFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const list = listReports(ctx.db, ctx.scope, filters);
  const units = listUnitsInScope(ctx.db, ctx.scope).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
  return { ...list, filters, units, canGenerate: can(ctx.actor, "reports.generate"), search: url.search };
});

export default function Reports() {
  const { rows, total, page, pages, filters, units, canGenerate } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("reports.title")}</h1>
        <div className="actions">
          <Link to="/reports/verify">{t("reports.verify.link")}</Link>
          {canGenerate ? (
            <Link className="button primary" to="/reports/new">
              {t("reports.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("reports.intro")}</p>
      <Form method="get" className="row card" role="search" aria-label={t("action.filter")}>
        <div className="field">
          <label htmlFor="f-kind">{t("reports.kind")}</label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">{t("reports.all")}</option>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <UnitFilter units={units} name="unitId" id="f-unit" label={t("reports.unit")} value={filters.unitId} />
        <div className="field">
          <label htmlFor="f-period">{t("reports.period")}</label>
          <input id="f-period" name="period" defaultValue={filters.period ?? ""} placeholder="2026-10" aria-describedby="f-period-hint" />
          <span id="f-period-hint" className="hint">
            {t("reports.periodHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("reports.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("reports.all")}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`reports.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-origin">{t("reports.origin")}</label>
          <select id="f-origin" name="origin" defaultValue={filters.origin ?? ""}>
            <option value="">{t("reports.all")}</option>
            <option value="schedule">{t("reports.origin.schedule")}</option>
            <option value="manual">{t("reports.origin.manual")}</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t("reports.empty")}</p>
      ) : (
        <TableWrap label={t("reports.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("reports.kind")}</th>
                <th scope="col">{t("reports.unit")}</th>
                <th scope="col">{t("reports.period")}</th>
                <th scope="col">{t("reports.status")}</th>
                <th scope="col">{t("reports.madeBy")}</th>
                <th scope="col">{t("reports.createdAt")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("reports.kind")}>
                    <Link to={`/reports/${r.id}`}>{t(`reports.kind.${r.kind}`)}</Link>
                  </td>
                  <td data-label={t("reports.unit")}>{r.unitName}</td>
                  <td data-label={t("reports.period")}>{r.periodKey}</td>
                  <td data-label={t("reports.status")}>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td data-label={t("reports.madeBy")}>{r.trigger === "schedule" ? t("reports.job", { name: r.jobName ?? "" }) : (r.requestedBy ?? "")}</td>
                  <td data-label={t("reports.createdAt")}>{formatDateTime(r.createdAt)}</td>
                  <td data-label={t("common.actions")}>
                    {r.status === "done" ? (
                      <a
                        href={`/reports/${r.id}/pdf`}
                        download
                        aria-label={`${t("reports.download")}: ${t(`reports.kind.${r.kind}`)} ${r.unitName} ${r.periodKey}`}
                      >
                        {t("reports.download")}
                      </a>
                    ) : (
                      <Link to={`/reports/${r.id}`}>{t("reports.open")}</Link>
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
