import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { scopeOverview } from "~/modules/units/overview.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/utils/i18n";
import { requireUser } from "~/utils/session.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Tổng quan · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  return { user: { name: user.name, unitName: user.unitName }, overview: scopeOverview(db, scopeFor(db, user), user.unitPath, new Date()) };
}

export default function Home() {
  const { user, overview } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("home.welcome", { name: user.name })}</h1>
      <p className="muted">{t("home.scope", { unit: user.unitName })}</p>
      <div className="grid">
        <div className="card">
          <p className="stat">{overview.total}</p>
          <p className="stat-label">{t("home.unitsInScope")}</p>
        </div>
        <div className="card">
          <p className="stat">{overview.activeToday}</p>
          <p className="stat-label">{t("home.activeUnits")}</p>
        </div>
      </div>
      {overview.children.length > 0 ? (
        <section className="card" aria-labelledby="children-title">
          <h2 id="children-title">{t("units.children")}</h2>
          <ul>
            {overview.children.map((u) => (
              <li key={u.id}>
                <Link to={`/units/${u.id}`}>{u.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overview.predecessors.length > 0 ? (
        <section className="card" aria-labelledby="preds-title">
          <h2 id="preds-title">{t("home.predecessors")}</h2>
          <ul>
            {overview.predecessors.map((u) => (
              <li key={u.id}>
                <Link to={`/units/${u.id}`}>{u.name}</Link> {u.validTo ? <span className="muted">({t("units.validTo")}: {formatDate(u.validTo)})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
