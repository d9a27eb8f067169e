import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/state-badge";
import { evidenceHref } from "~/modules/compliance/evidence";
import { unitCompliance } from "~/modules/compliance/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(metaT(matches)("title.compliance.$unitId", { name: data?.unit.name ?? "" }));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const day = ctx.today;
  return { day, ...unitCompliance(ctx, idParam(params.unitId)) };
});

export default function UnitCompliance() {
  const { day, unit, obligations, score, ended, successors } = useLoaderData<typeof loader>();
  const t = useT();
  const year = Number(day.slice(0, 4));
  const fmt = (p?: Record<string, string | number>) =>
    p ? Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v])) : undefined;
  return (
    <>
      <h1>{t("compliance.unitTitle", { unit: unit.name })}</h1>
      {ended ? (
        <div className="alert" role="note">
          <p>{t("units.ended.note", { unit: unit.name, date: formatDate(ended) })}</p>
          <p>{t("units.ended.scoredAsOf", { date: formatDate(ended) })}</p>
          {successors.length ? (
            <p>
              {t("units.ended.successors")}{" "}
              {successors.map((s, i) => (
                <span key={s.id}>
                  {i ? ", " : ""}
                  {s.readable ? <Link to={`/compliance/${s.id}`}>{s.name}</Link> : s.name}
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("compliance.asOf", { date: formatDate(day) })}</p>
      )}
      <div className="card">
        <p className="stat">{score === null ? "—" : `${score}%`}</p>
        <p className="stat-label">{t("compliance.score")}</p>
        <p className="hint">{t("compliance.scoreDefinition")}</p>
      </div>
      <TableWrap label={t("compliance.unitTitle")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("compliance.title")}</th>
              <th scope="col">{t("common.status")}</th>
              <th scope="col">{t("trail.changes")}</th>
              <th scope="col">{t("compliance.evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {obligations.map((o) => (
              <tr key={o.key}>
                <td data-label={t("compliance.title")}>{t(`compliance.ob.${o.key}`)}</td>
                <td data-label={t("common.status")}>
                  <StateBadge state={o.state} />
                </td>
                <td data-label={t("trail.changes")}>{t(o.detail.key, fmt(o.detail.params))}</td>
                <td data-label={t("compliance.evidence")}>
                  <Link to={evidenceHref(o.key, unit.id, year, o.state)}>{t("compliance.evidence")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
