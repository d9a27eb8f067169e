import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { diffSnapshots } from "~/components/history";
import { requireCapability } from "~/modules/permissions";
import { listTrail, trailEntities } from "~/modules/trail/queries.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { rethrowAsResponse } from "~/utils/forms.server";
import { actionLabel } from "~/i18n";
import { useT } from "~/utils/i18n";
import { requireUser } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Nhật ký thay đổi · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "trail.read");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const url = new URL(request.url);
  const entity = url.searchParams.get("entity")?.slice(0, 40) || undefined;
  const before = Number(url.searchParams.get("before"));
  const db = getDb();
  const page = listTrail(db, scopeFor(db, user), { entity, beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  return { ...page, entity: entity ?? "", entities: trailEntities(db) };
}

export default function Trail() {
  const { entries, nextBeforeId, entity, entities } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("trail.title")}</h1>
      <Form method="get" className="row card">
        <div className="field">
          <label htmlFor="entity">{t("trail.filterEntity")}</label>
          <select id="entity" name="entity" defaultValue={entity}>
            <option value="">{t("common.all")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <TableWrap label={t("trail.title")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("trail.at")}</th>
              <th scope="col">{t("trail.actor")}</th>
              <th scope="col">{t("trail.entity")}</th>
              <th scope="col">{t("trail.action")}</th>
              <th scope="col">{t("trail.unit")}</th>
              <th scope="col">{t("trail.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label={t("trail.at")}>{formatDateTime(e.at)}</td>
                <td data-label={t("trail.actor")}>{e.actorName}</td>
                <td data-label={t("trail.entity")}>
                  {e.entity} #{e.entityId}
                </td>
                <td data-label={t("trail.action")}>{actionLabel(t, e.action)}</td>
                <td data-label={t("trail.unit")}>{e.unitName ?? "—"}</td>
                <td data-label={t("trail.changes")}>
                  <ul className="changes">
                    {diffSnapshots(e.before, e.after)
                      .slice(0, 8)
                      .map((d) => (
                        <li key={d.field}>
                          <code>{d.field}</code>: {d.from || "∅"} → {d.to || "∅"}
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {nextBeforeId ? (
        <p className="pager">
          <Link to={`?${new URLSearchParams({ ...(entity ? { entity } : {}), before: String(nextBeforeId) })}`}>{t("common.next")}</Link>
        </p>
      ) : null}
    </>
  );
}
