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
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Phát hiện · ISO Xã" }];

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const { page, ...filter } = parseFindingFilter(url.searchParams);
  const result = listFindings(ctx.db, ctx.actor, filter, ctx.today, page);
  return { ...result, filter, options: findingFilterOptions(ctx.db, ctx.actor), canRecord: can(ctx.actor, "qms.write") };
});

export default function Findings() {
  const { rows, total, page, pages, filter, options, canRecord } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="page-head">
        <h1>{t("findings.title")}</h1>
        <div className="actions">
          <ExportLink to="/findings/export" />
          {canRecord ? (
            <Link className="button primary" to="/findings/new">
              {t("findings.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="row card" role="search">
        <UnitFilter units={options.units} name="unit" id="f-unit" label={t("findings.unit")} value={filter.unitId} />
        <div className="field">
          <label htmlFor="f-source">{t("findings.source")}</label>
          <select id="f-source" name="source" defaultValue={filter.source ?? ""}>
            <option value="">{t("common.all")}</option>
            {FINDING_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`findings.source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-grade">{t("findings.grade")}</label>
          <select id="f-grade" name="grade" defaultValue={filter.grade ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.grades.map((g) => (
              <option key={g.code} value={g.code}>
                {lang === "en" ? g.nameEn : g.nameVi}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("findings.status")}</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`findings.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("findings.from")}</label>
          <input id="f-from" name="from" placeholder="dd/mm/yyyy" defaultValue={dayToInput(filter.from)} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("findings.to")}</label>
          <input id="f-to" name="to" placeholder="dd/mm/yyyy" defaultValue={dayToInput(filter.to)} />
        </div>
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
                <th scope="col">{t("findings.unit")}</th>
                <th scope="col">{t("findings.source")}</th>
                <th scope="col">{t("findings.grade")}</th>
                <th scope="col">{t("findings.foundOn")}</th>
                <th scope="col">{t("findings.actionDueOn")}</th>
                <th scope="col">{t("findings.status")}</th>
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
