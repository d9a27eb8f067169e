import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { REPORT_KINDS, REPORT_STATUSES } from "#db/schema/enums";
import { can } from "~/modules/permissions";
import { listReportIssues } from "~/modules/reports/issue.server";
import { listReports } from "~/modules/reports/queries.server";
import { REPORT_ORIGINS, ReportFiltersSchema } from "~/modules/reports/schema";
import type { ReportStanding } from "~/modules/reports/rules";
import { unitChoicesInScope } from "~/modules/units/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { Pager } from "~/components/pager";
import { jobLabel } from "~/i18n";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/lib/time";
import { ReportStatusBadge } from "~/components/report-status";
import { UnitFilter } from "~/components/unit-filter";
import { FilterSelect } from "~/components/filter-select";
import { TableWrap } from "~/components/table-wrap";
import { SortHeader } from "~/components/sort-header";
import { titled } from "~/i18n/meta";
import { PeriodPicker } from "~/components/period-picker";

export const meta: MetaFunction = titled("title.reports._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const filters = ReportFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const list = listReports(ctx, filters);
  const units = unitChoicesInScope(ctx);
  const thisYear = Number(ctx.today.slice(0, 4));
  return {
    ...list,
    filters,
    units,
    years: Array.from({ length: 10 }, (_, i) => thisYear - i),
    canGenerate: can(ctx.actor, "reports.generate"),
    search: url.search,
    issues: listReportIssues(ctx),
  };
});

/** Issued with its number, or an unnumbered copy from before reports were issued (decision 0017). */
function StandingNote({ standing, number }: { standing: ReportStanding | null; number: string | null }) {
  const t = useT();
  if (!standing) return null;
  const text =
    standing === "issued"
      ? t("reports.standing.issued", { number: number ?? "" })
      : t(standing === "legacySchedule" ? "reports.standing.legacyShort" : "reports.standing.legacyManualShort");
  return <span className={`block small ${standing === "issued" ? "" : "muted"}`}>{text}</span>;
}

export default function Reports() {
  const { rows, total, page, pages, filters, units, years, canGenerate, issues } = useLoaderData<typeof loader>();
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
      {issues.length ? (
        <section className="card" aria-labelledby="issues-title">
          <h2 id="issues-title">{t("reportIssue.listTitle")}</h2>
          <ul className="plain records">
            {issues.map((i) => (
              <li key={i.id}>
                <Link to={`/reports/issue/${i.kind}/${i.unitId}/${i.periodKey}`}>
                  {t(`reports.kind.${i.kind}`)} · {i.unitName} · {i.periodKey}
                </Link>{" "}
                · {i.status === "issued" ? t("reportIssue.issuedNumber", { number: i.number ?? "" }) : t("reportIssue.draftState")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="row card" role="search" aria-label={t("action.filter")}>
        <FilterSelect
          name="kind"
          id="f-kind"
          label={t("reports.kind")}
          value={filters.kind}
          options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
          allLabel={t("reports.all")}
        />
        <UnitFilter units={units} name="unitId" id="f-unit" label={t("reports.unit")} value={filters.unitId} />
        <PeriodPicker name="period" label={t("reports.period")} defaultValue={filters.period} years={years} optional />
        <FilterSelect
          name="status"
          id="f-status"
          label={t("reports.status")}
          value={filters.status}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
          allLabel={t("reports.all")}
        />
        <FilterSelect
          name="origin"
          id="f-origin"
          label={t("reports.origin")}
          value={filters.origin}
          options={REPORT_ORIGINS.map((o) => ({ value: o, label: t(`reports.origin.${o}`) }))}
          allLabel={t("reports.all")}
        />
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <details className="card">
        <summary>{t("dossiers.area")}</summary>
        <p className="muted">{t("dossiers.areaLead")}</p>
        <form method="get" action="/reports/archive" className="row">
          <div className="field">
            <label htmlFor="a-unit">{t("reports.unit")}</label>
            <select id="a-unit" name="unit" defaultValue={units[0]?.id}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {"\u00a0".repeat(2 * u.depth) + u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="a-period">{t("dossiers.period")}</label>
            <input id="a-period" name="period" required pattern="\\d{4}(-Q[1-4]|-\\d{2})?" defaultValue={filters.period ?? ""} placeholder="2026" />
          </div>
          <button type="submit" className="secondary">
            {t("dossiers.area")}
          </button>
        </form>
      </details>
      <p className="muted">{t("common.results", { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t("reports.empty")}</p>
      ) : (
        <TableWrap label={t("reports.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <SortHeader name="kind" sort={filters.sort} dir={filters.dir}>
                  {t("reports.kind")}
                </SortHeader>
                <SortHeader name="unit" sort={filters.sort} dir={filters.dir}>
                  {t("reports.unit")}
                </SortHeader>
                <SortHeader name="period" sort={filters.sort} dir={filters.dir}>
                  {t("reports.period")}
                </SortHeader>
                <SortHeader name="status" sort={filters.sort} dir={filters.dir}>
                  {t("reports.status")}
                </SortHeader>
                <th scope="col">{t("reports.madeBy")}</th>
                <SortHeader name="created" sort={filters.sort} dir={filters.dir}>
                  {t("reports.createdAt")}
                </SortHeader>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("reports.kind")}>
                    <Link to={`/reports/${r.id}`}>{t(`reports.kind.${r.kind}`)}</Link>
                    <StandingNote standing={r.standing} number={r.issueNumber} />
                  </td>
                  <td data-label={t("reports.unit")}>{r.unitName}</td>
                  <td data-label={t("reports.period")}>{r.periodKey}</td>
                  <td data-label={t("reports.status")}>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td data-label={t("reports.madeBy")}>
                    {r.trigger === "schedule" ? t("reports.job", { name: jobLabel(t, r.jobName ?? "") }) : (r.requestedBy ?? "")}
                  </td>
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
