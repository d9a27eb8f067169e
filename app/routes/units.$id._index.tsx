import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { can } from "~/modules/permissions";
import { historyOf } from "~/modules/trail/queries.server";
import { getUnitDetail } from "~/modules/units/queries.server";
import { validOn } from "~/modules/units/rules";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.unit.name ?? metaT(matches)("title.units.$id._index"));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const detail = getUnitDetail(ctx, id);
  return {
    ...detail,
    active: validOn(detail.unit, ctx.today),
    canManage: can(ctx.actor, "units.manage"),
    canExport: can(ctx.actor, "units.export"),
    history: historyOf(ctx.db, "unit", id),
  };
});

export default function UnitPage() {
  const { unit, parent, children, predecessors, successors, people, active, canManage, canExport, history } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{unit.name}</h1>
        <div className="actions">
          {canExport ? (
            <a className="button secondary" href={`/units/${unit.id}/export`} download title={t("unitExport.hint")}>
              {t("unitExport.button")}
            </a>
          ) : null}
          {canManage ? (
            <>
              <Link className="button secondary" to={`/units/${unit.id}/certificate`}>
                {t("certificates.link")}
              </Link>
              <Link className="button secondary" to={`/units/${unit.id}/edit`}>
                {t("action.edit")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <dl className="dl card">
        <dt>{t("units.code")}</dt>
        <dd>{unit.code}</dd>
        <dt>{t("units.kind")}</dt>
        <dd>{t(`units.kind.${unit.kind}`)}</dd>
        <dt>{t("units.parent")}</dt>
        <dd>{parent ? parent.readable ? <Link to={`/units/${parent.id}`}>{parent.name}</Link> : parent.name : "—"}</dd>
        <dt>{t("units.validity")}</dt>
        <dd>
          {active ? <span className="badge badge-ok">{t("units.active")}</span> : <span className="badge">{t("units.dissolved")}</span>}{" "}
          {formatDate(unit.validFrom) || "…"} – {formatDate(unit.validTo) || "…"}
        </dd>
        <dt>{t("units.placeName")}</dt>
        <dd>{unit.placeName}</dd>
        <dt>{t("units.people")}</dt>
        <dd>{people.length ? people.map((p) => `${t(`role.${p.role}`)}: ${p.n}`).join(" · ") : "—"}</dd>
        <dt>{t("public.pageLabel")}</dt>
        <dd>
          {/* A document load: the public page is plain HTML (no scripts to carry over). */}
          <a href={`/cong-khai/${encodeURIComponent(unit.code)}`}>{t("public.openPage")}</a>
        </dd>
      </dl>
      {predecessors.length ? (
        <section className="card" aria-labelledby="pred-title">
          <h2 id="pred-title">{t("units.predecessors")}</h2>
          <ul>
            {predecessors.map((p) => (
              <li key={p.id}>{p.readable ? <Link to={`/units/${p.id}`}>{p.name}</Link> : p.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {successors.length ? (
        <section className="card" aria-labelledby="succ-title">
          <h2 id="succ-title">{t("units.successors")}</h2>
          <ul>
            {successors.map((s) => (
              <li key={s.id}>
                {s.readable ? <Link to={`/units/${s.id}`}>{s.name}</Link> : s.name} ({formatDate(s.validFrom)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {children.length ? (
        <section className="card" aria-labelledby="children-title">
          <h2 id="children-title">{t("units.children")}</h2>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/units/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <History entries={history} />
    </>
  );
}
