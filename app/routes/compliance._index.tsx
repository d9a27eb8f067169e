import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ExportLink } from "~/components/export-link";
import { StateBadge } from "~/components/state-badge";
import { complianceGrid, parseGridQuery } from "~/modules/compliance/queries.server";
import { OBLIGATIONS } from "~/modules/compliance/rules";
import { handle, requireCtx } from "~/http/edge.server";
import { Pager } from "~/components/pager";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { FilterSelect } from "~/components/filter-select";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.compliance._index");

const SORTS = ["path", "score", "-score", "name"] as const;

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const query = parseGridQuery(new URL(request.url).searchParams);
  const day = ctx.today;
  const grid = complianceGrid(ctx, query);
  // The national view opens on its provinces (one row each); a province, a search or a filter lists the units.
  const grouped = grid.areas.length > 0 && !query.area && !query.q && !query.missing;
  return { day, query, ...grid, rows: grouped ? [] : grid.rows, pages: grouped ? 1 : grid.pages, grouped };
});

export default function ComplianceGrid() {
  const { day, query, rows, total, page, pages, missingByObligation, averageScore, areas, area, grouped } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("compliance.title")}</h1>
        <div className="actions">
          <ExportLink to="/compliance/export" />
        </div>
      </div>
      <p className="muted">{t("compliance.asOf", { date: formatDate(day) })}</p>
      <div className="grid">
        <div className="card">
          <p className="stat">{total}</p>
          <p className="stat-label">{t("compliance.units")}</p>
        </div>
        <div className="card">
          <p className="stat">{averageScore === null ? "—" : `${averageScore}%`}</p>
          <p className="stat-label">{t("compliance.averageScore")}</p>
        </div>
      </div>
      <p className="hint card">{t("compliance.scoreDefinition")}</p>
      {areas.length > 0 && !area ? (
        // The national view: one row per province, each opening its own units (the grid is never 3,355 rows at once).
        <TableWrap label={t("compliance.byArea")}>
          <table>
            <caption>{t("compliance.byArea")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compliance.area")}</th>
                <th scope="col" className="num">
                  {t("compliance.units")}
                </th>
                <th scope="col" className="num">
                  {t("compliance.averageScore")}
                </th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`?area=${a.id}${query.sort !== "path" ? `&sort=${query.sort}` : ""}`}>{a.name}</Link>
                  </th>
                  <td className="num">{a.units}</td>
                  <td className="num">{a.averageScore === null ? "—" : `${a.averageScore}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {area ? (
        <p>
          {t("compliance.areaShowing", { area: area.name })} · <Link to=".">{t("compliance.areaAll")}</Link>
        </p>
      ) : null}
      <Form method="get" className="row card">
        {area ? <input type="hidden" name="area" value={area.id} /> : null}
        <div className="field">
          <label htmlFor="q">{t("units.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <FilterSelect
          name="missing"
          label={t("compliance.filterMissing")}
          value={query.missing}
          options={OBLIGATIONS.map((k) => ({
            value: k,
            label: `${t(`compliance.ob.${k}`)} (${t("compliance.missingCount", { count: missingByObligation[k] })})`,
          }))}
        />
        <FilterSelect
          name="sort"
          label={t("compliance.sort")}
          value={query.sort}
          options={SORTS.map((s) => ({ value: s, label: t(`compliance.sort.${s}`) }))}
          allLabel={false}
        />
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      {grouped ? null : (
        <TableWrap label={t("compliance.title")}>
          <table className="grid-states">
            <caption className="visually-hidden">{t("compliance.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("units.name")}</th>
                <th scope="col">{t("compliance.score")}</th>
                {OBLIGATIONS.map((k) => (
                  <th scope="col" key={k} title={t(`compliance.ob.${k}`)}>
                    {t(`compliance.short.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/compliance/${r.id}`}>{r.name}</Link>
                  </th>
                  <td className="score">{r.score === null ? "—" : `${r.score}%`}</td>
                  {OBLIGATIONS.map((k) => (
                    <td key={k}>
                      <StateBadge state={r.states[k]} compact />
                    </td>
                  ))}
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
