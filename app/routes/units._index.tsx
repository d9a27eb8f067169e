import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { can } from "~/modules/permissions";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { validOn } from "~/modules/units/rules";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.units._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const all = url.searchParams.get("all") === "1";
  const today = ctx.today;
  const rows = listUnitsInScope(ctx, { q })
    .map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, depth: u.depth, validFrom: u.validFrom, validTo: u.validTo, active: validOn(u, today) }))
    .filter((u) => all || u.active);
  return { rows, q, all, canManage: can(ctx.actor, "units.manage") };
});

export default function Units() {
  const { rows, q, all, canManage } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("units.title")}</h1>
        {canManage ? (
          <Link className="button primary" to="/units/new">
            {t("units.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="row card" role="search">
        <div className="field">
          <label htmlFor="q">{t("units.search")}</label>
          <input id="q" name="q" defaultValue={q} type="search" />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="all" value="1" defaultChecked={all} /> {t("units.showInactive")}
        </label>
        <button type="submit" className="secondary">
          {t("action.search")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: rows.length })}</p>
      <TableWrap label={t("units.title")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("units.name")}</th>
              <th scope="col">{t("units.code")}</th>
              <th scope="col">{t("units.kind")}</th>
              <th scope="col">{t("units.validity")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td data-label={t("units.name")} className={`tree-indent-${Math.min(u.depth, 3)}`}>
                  <Link to={`/units/${u.id}`}>{u.name}</Link>
                </td>
                <td data-label={t("units.code")}>{u.code}</td>
                <td data-label={t("units.kind")}>{t(`units.kind.${u.kind}`)}</td>
                <td data-label={t("units.validity")}>
                  {u.active ? <span className="badge badge-ok">{t("units.active")}</span> : <span className="badge">{t("units.dissolved")}</span>}{" "}
                  {u.validFrom || u.validTo ? (
                    <span className="muted">
                      {formatDate(u.validFrom) || "…"} – {formatDate(u.validTo) || "…"}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
