import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { BarChart, RateChart } from "~/components/charts";
import { StateBadge } from "~/components/state-badge";
import { OBLIGATIONS } from "~/modules/compliance/rules";
import { dashboardData } from "~/modules/dashboard/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { getLang } from "~/http/i18n.server";
import { formatDate } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title._index");

/** What a commune chair or a provincial inspector opens first: compliance, what is overdue, and the charts. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const lang = await getLang(request);
  return { user: { name: ctx.actor.name, unitName: ctx.actor.unitName }, ...dashboardData(ctx, lang) };
});

export default function Home() {
  const { user, day, compliance, overdue, charts } = useLoaderData<typeof loader>();
  const t = useT();
  const ended = useRouteLoaderData<{ unitEnded?: { unit: string; date: string; successors: string[] } | null }>("root")?.unitEnded;
  const mostMissed = OBLIGATIONS.map((k) => ({ k, n: compliance.missingByObligation[k] })).sort((a, b) => b.n - a.n)[0];
  const overdueItems = [
    { key: "actions", n: overdue.actions, href: "/corrective-actions?status=overdue" },
    { key: "findings", n: overdue.findings, href: "/findings?overdue=1" },
    { key: "review", n: overdue.documentsReview, href: "/documents?overdue=review" },
    { key: "update", n: overdue.documentsUpdate, href: "/documents?overdue=update" },
  ] as const;
  return (
    <>
      <h1>{t("dash.title")}</h1>
      <p className="muted">
        {t("dash.greeting", { name: user.name, unit: user.unitName })} · {t("dash.asOf", { date: formatDate(day) })}
      </p>
      {ended ? (
        <p className="alert" role="note">
          {t("units.ended.yourUnit", {
            unit: ended.unit,
            date: formatDate(ended.date),
            successors: ended.successors.length ? ended.successors.join(", ") : t("units.ended.noSuccessor"),
          })}
        </p>
      ) : null}

      <section className="card" aria-labelledby="dash-compliance">
        <h2 id="dash-compliance">{t("dash.compliance")}</h2>
        {compliance.own ? (
          <>
            <p className="stat">{compliance.own.score === null ? "—" : `${compliance.own.score}%`}</p>
            <p className="stat-label">{t("dash.ownScore", { unit: compliance.own.unit.name })}</p>
            {compliance.own.ended ? <p className="hint">{t("units.ended.scoredAsOf", { date: formatDate(compliance.own.ended) })}</p> : null}
            <ul className="obligation-list">
              {compliance.own.obligations.map((o) => (
                <li key={o.key}>
                  <span>{t(`compliance.ob.${o.key}`)}</span>
                  <StateBadge state={o.state} />
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/compliance/${compliance.own.unit.id}`}>{t("dash.openUnit")}</Link>
            </p>
          </>
        ) : (
          <>
            <p className="stat">{compliance.averageScore === null ? "—" : `${compliance.averageScore}%`}</p>
            <p className="stat-label">{t("dash.averageScore", { count: compliance.units })}</p>
            {mostMissed && mostMissed.n > 0 ? (
              <p>
                <Link to={`/compliance?missing=${mostMissed.k}&sort=score`}>
                  {t("dash.missingMost", { obligation: t(`compliance.ob.${mostMissed.k}`), count: mostMissed.n })}
                </Link>
              </p>
            ) : null}
            {compliance.weakest.length > 0 ? (
              <>
                <h3>{t("dash.weakest")}</h3>
                <ul className="obligation-list">
                  {compliance.weakest.map((u) => (
                    <li key={u.id}>
                      <Link to={`/compliance/${u.id}`}>{u.name}</Link>
                      <span>{u.score === null ? "—" : `${u.score}%`}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p>
              <Link to="/compliance?sort=score">{t("dash.openGrid")}</Link>
            </p>
          </>
        )}
        <p className="hint small">{t("compliance.scoreDefinition")}</p>
      </section>

      <section className="card" aria-labelledby="dash-overdue">
        <h2 id="dash-overdue">{t("dash.overdue")}</h2>
        <ul className="dash-overdue">
          {overdueItems.map((o) => (
            <li key={o.key}>
              <Link to={o.href}>
                <span className={o.n > 0 ? "stat bad" : "stat"}>{o.n}</span>
                <span className="stat-label">{t(`dash.overdue.${o.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="dash-charts">
        <h2 id="dash-charts">{t("dash.charts")}</h2>
        <div className="charts">
          <BarChart title={t("dash.findingsByGrade")} chart={charts.findingsByGrade} emptyText={t("dash.noFindings")} valueHeader={t("dash.count")} />
          <BarChart title={t("dash.overdueByUnit")} chart={charts.overdueByUnit} emptyText={t("dash.noOverdue")} valueHeader={t("dash.count")} />
          {charts.rates && charts.figuresYear ? (
            <RateChart
              title={t("dash.ratesOverTime", { year: charts.figuresYear })}
              chart={charts.rates}
              seriesLabel={(k) => t(`charts.series.${k}`)}
              emptyText={t("dash.noFigures")}
            />
          ) : (
            <p className="card muted">{t("dash.noFigures")}</p>
          )}
          {charts.shares && charts.figuresYear ? (
            <BarChart
              title={t("dash.shares", { year: charts.figuresYear })}
              chart={charts.shares}
              labelFor={(k) => t(k === "online" ? "figures.onlineRate" : "figures.postRate")}
              emptyText={t("dash.noFigures")}
              valueHeader={t("dash.share")}
            />
          ) : null}
        </div>
        {charts.figuresYear ? (
          <p>
            <Link to={`/figures?year=${charts.figuresYear}`}>{t("dash.figuresLink")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
