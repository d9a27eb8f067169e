import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExportLink } from "~/components/export-link";
import { Pager } from "~/components/pager";
import { FINDING_SOURCES, FINDING_STATUSES } from "#db/schema/enums";
import { GradeBadge } from "~/components/audits/status";
import { findingFilterOptions, listFindings, parseFindingFilter } from "~/modules/findings/queries.server";
import { can } from "~/modules/permissions";
import { handle, requireCtx } from "~/http/edge.server";
import { useLang, useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { dayToInput } from "~/lib/zod";
import { UnitFilter } from "~/components/unit-filter";
import { FilterSelect } from "~/components/filter-select";
import { TableWrap } from "~/components/table-wrap";
import { SortHeader } from "~/components/sort-header";
import { titled } from "~/i18n/meta";
import { DateFilter } from "~/components/date-field";

export const meta: MetaFunction = titled("title.findings._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const { page, ...filter } = parseFindingFilter(url.searchParams);
  const result = listFindings(ctx, filter, page);
  return { ...result, filter, options: findingFilterOptions(ctx), canRecord: can(ctx.actor, "qms.write"), canPolicy: can(ctx.actor, "ca.write") };
});

export default function Findings() {
  const { rows, total, page, pages, filter, options, canRecord, canPolicy } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="page-head">
        <h1>{t("findings.title")}</h1>
        <div className="actions">
          <ExportLink to="/findings/export" />
          {canPolicy ? <Link to="/findings/due-policy">{t("findings.duePolicy.link")}</Link> : null}
          {canRecord ? (
            <Link className="button primary" to="/findings/new">
              {t("findings.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="row card" role="search">
        <div className="field">
          <label htmlFor="f-q">{t("findings.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <UnitFilter units={options.units} name="unit" id="f-unit" label={t("findings.unit")} value={filter.unitId} />
        <FilterSelect
          name="source"
          id="f-source"
          label={t("findings.source")}
          value={filter.source}
          options={FINDING_SOURCES.map((s) => ({ value: s, label: t(`findings.source.${s}`) }))}
        />
        <FilterSelect
          name="grade"
          id="f-grade"
          label={t("findings.grade")}
          value={filter.grade}
          options={options.grades.map((g) => ({ value: g.code, label: lang === "en" ? g.nameEn : g.nameVi }))}
        />
        <FilterSelect
          name="status"
          id="f-status"
          label={t("findings.status")}
          value={filter.status}
          options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`findings.status.${s}`) }))}
        />
        <DateFilter id="f-from" name="from" label={t("findings.from")} defaultValue={dayToInput(filter.from)} />
        <DateFilter id="f-to" name="to" label={t("findings.to")} defaultValue={dayToInput(filter.to)} />
        <label className="checkbox">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} /> {t("findings.overdueOnly")}
        </label>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="card">{t("findings.none")}</p>
      ) : (
        <TableWrap label={t("findings.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("findings.description")}</th>
                <SortHeader name="unit" sort={filter.sort} dir={filter.dir}>
                  {t("findings.unit")}
                </SortHeader>
                <th scope="col">{t("findings.source")}</th>
                <SortHeader name="grade" sort={filter.sort} dir={filter.dir}>
                  {t("findings.grade")}
                </SortHeader>
                <SortHeader name="found" sort={filter.sort} dir={filter.dir}>
                  {t("findings.foundOn")}
                </SortHeader>
                <SortHeader name="due" sort={filter.sort} dir={filter.dir}>
                  {t("findings.actionDueOn")}
                </SortHeader>
                <SortHeader name="status" sort={filter.sort} dir={filter.dir}>
                  {t("findings.status")}
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id}>
                  <td data-label={t("findings.description")}>
                    <Link to={`/findings/${f.id}`}>{f.description}</Link>
                    {f.clauseCode ? <span className="muted"> ({f.clauseCode})</span> : null}
                  </td>
                  <td data-label={t("findings.unit")}>{f.unitName}</td>
                  <td data-label={t("findings.source")}>{t(`findings.source.${f.source}`)}</td>
                  <td data-label={t("findings.grade")}>
                    <GradeBadge code={f.gradeCode} label={lang === "en" ? f.gradeEn : f.gradeVi} />
                  </td>
                  <td data-label={t("findings.foundOn")}>{formatDate(f.foundOn)}</td>
                  <td data-label={t("findings.actionDueOn")}>
                    {formatDate(f.actionDueOn) || "—"} {f.overdue ? <span className="badge badge-bad">{t("findings.overdue")}</span> : null}
                  </td>
                  <td data-label={t("findings.status")}>{t(`findings.status.${f.status}`)}</td>
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
