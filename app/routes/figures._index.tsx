import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatMonth, yearParam } from "~/modules/figures/period";
import { formatInt, formatPct } from "~/lib/locale";
import { FIGURES_PAGE_SIZE, formerUnitFigures, latestFigureYear, listFigures } from "~/modules/figures/queries.server";
import { BarChart, RateChart } from "~/components/charts";
import { monthlyRates, shares } from "~/modules/dashboard/charts";
import { figuresByMonth } from "~/modules/dashboard/queries.server";
import { can } from "~/modules/permissions";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { UnitFilter } from "~/components/unit-filter";
import { Pager } from "~/components/pager";
import { TableWrap } from "~/components/table-wrap";
import { formatDate, inVn } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.figures._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const year = yearParam(url.searchParams.get("year"), latestFigureYear(ctx) ?? inVn(ctx.now).getFullYear());
  const unitParam = Number(url.searchParams.get("unit"));
  const unitOptions = listUnitsInScope(ctx).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
  const unitId = unitOptions.some((u) => u.id === unitParam) ? unitParam : undefined;
  const data = listFigures(ctx, { from: `${year}-01`, to: `${year}-12`, unitId, page: Number(url.searchParams.get("page")) || 1 }, FIGURES_PAGE_SIZE);
  const charts = data.rows.length
    ? {
        rates: monthlyRates(figuresByMonth(ctx, `${year}-01`, `${year}-12`, unitId), `${year}-01`, `${year}-12`),
        shares: shares(data.total, { online: "online", post: "post" }),
      }
    : null;
  // The figures of a dissolved unit whose area this reader's units took over (a former district), read only.
  const former = unitId ? [] : formerUnitFigures(ctx, { from: `${year}-01`, to: `${year}-12` });
  return { year, unitId: unitId ?? "", unitOptions, ...data, charts, former, canImport: can(ctx.actor, "qms.write") };
});

export default function FiguresPage() {
  const { year, unitId, unitOptions, rows, total, page, pages, charts, former, canImport } = useLoaderData<typeof loader>();
  const t = useT();
  const qs = new URLSearchParams({ year: String(year), ...(unitId ? { unit: String(unitId) } : {}) });
  return (
    <>
      <div className="page-head">
        <h1>{t("figures.title")}</h1>
        <div className="actions">
          {canImport ? (
            <Link className="button primary" to="/figures/import">
              {t("figures.import")}
            </Link>
          ) : null}
          <a className="button secondary" href={`/figures/export?${qs}`}>
            {t("figures.export")}
          </a>
        </div>
      </div>
      <Form method="get" className="row card">
        <div className="field">
          <label htmlFor="year">{t("figures.year")}</label>
          <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
        </div>
        <UnitFilter units={unitOptions} name="unit" id="unit" label={t("figures.unit")} value={unitId} />
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      {rows.length === 0 ? (
        former.length ? null : (
          <p className="card">{t("figures.none")}</p>
        )
      ) : (
        <>
          <div className="grid">
            <div className="card">
              <p className="stat">{formatInt(total.received)}</p>
              <p className="stat-label">{t("figures.received")}</p>
            </div>
            <div className="card">
              <p className="stat">{formatPct(total.onTimeRate)}</p>
              <p className="stat-label">{t("figures.onTimeRate")}</p>
            </div>
            <div className="card">
              <p className="stat">{formatPct(total.onlineRate)}</p>
              <p className="stat-label">{t("figures.onlineRate")}</p>
            </div>
            <div className="card">
              <p className="stat">{formatPct(total.postRate)}</p>
              <p className="stat-label">
                {t("figures.postRate")} ({formatInt(total.returnedByPost)})
              </p>
            </div>
          </div>
          {charts ? (
            <section className="charts" aria-label={t("dash.figuresCharts", { year })}>
              <RateChart
                title={t("dash.ratesOverTime", { year })}
                chart={charts.rates}
                seriesLabel={(k) => t(`charts.series.${k}`)}
                emptyText={t("figures.none")}
              />
              <BarChart
                title={t("dash.shares", { year })}
                chart={charts.shares}
                labelFor={(k) => t(k === "online" ? "figures.onlineRate" : "figures.postRate")}
                emptyText={t("figures.none")}
                valueHeader={t("dash.share")}
              />
            </section>
          ) : null}
          <FiguresTable rows={rows} total={total} label={t("figures.title")} />
          <Pager page={page} pages={pages} />
        </>
      )}
      {former.map((f) => {
        const title = t("figures.predecessor", { unit: f.unit.name, date: formatDate(f.unit.validTo) });
        return (
          <section key={f.unit.id} className="former-figures" aria-labelledby={`former-${f.unit.id}`}>
            <h2 id={`former-${f.unit.id}`}>{title}</h2>
            <p className="muted">{t("figures.predecessorHelp")}</p>
            <FiguresTable rows={f.rows} total={f.total} label={title} />
          </section>
        );
      })}
    </>
  );
}

const COLS = ["received", "resolvedEarly", "resolvedOnTime", "resolvedOverdue", "receivedOnline", "returnedByPost"] as const;
type Row = { id: number; unitName: string; month: string; onTimeRate: number | null; onlineRate: number | null; postRate: number | null } & Record<
  (typeof COLS)[number],
  number
>;

/** Months of figures with their rates and the totals row (a unit's own, or a former unit's, read only). */
function FiguresTable({ rows, total, label }: { rows: Row[]; total: Omit<Row, "id" | "unitName" | "month">; label: string }) {
  const t = useT();
  const cols = COLS;
  return (
    <TableWrap label={label}>
      <table className="responsive">
        <thead>
          <tr>
            <th scope="col">{t("figures.unit")}</th>
            <th scope="col">{t("figures.month")}</th>
            {cols.map((c) => (
              <th scope="col" className="num" key={c}>
                {t(`figures.${c}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("figures.onTimeRate")}
            </th>
            <th scope="col" className="num">
              {t("figures.onlineRate")}
            </th>
            <th scope="col" className="num">
              {t("figures.postRate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("figures.unit")}>{r.unitName}</td>
              <td data-label={t("figures.month")}>{formatMonth(r.month)}</td>
              {cols.map((c) => (
                <td className="num" data-label={t(`figures.${c}`)} key={c}>
                  {formatInt(r[c])}
                </td>
              ))}
              <td className="num" data-label={t("figures.onTimeRate")}>
                {formatPct(r.onTimeRate)}
              </td>
              <td className="num" data-label={t("figures.onlineRate")}>
                {formatPct(r.onlineRate)}
              </td>
              <td className="num" data-label={t("figures.postRate")}>
                {formatPct(r.postRate)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("figures.total")}
            </th>
            {cols.map((c) => (
              <td className="num" key={c}>
                {formatInt(total[c])}
              </td>
            ))}
            <td className="num">{formatPct(total.onTimeRate)}</td>
            <td className="num">{formatPct(total.onlineRate)}</td>
            <td className="num">{formatPct(total.postRate)}</td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
