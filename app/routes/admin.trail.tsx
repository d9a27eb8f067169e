import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TrailChanges } from "~/components/trail-changes";
import { listTrail, trailEntities } from "~/modules/trail/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { actionLabel, actorLabel, entityLabel } from "~/i18n";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { FilterSelect } from "~/components/filter-select";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.admin.trail");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "trail.read");
  const url = new URL(request.url);
  const entity = url.searchParams.get("entity")?.slice(0, 40) || undefined;
  const before = Number(url.searchParams.get("before"));
  const page = listTrail(ctx, { entity, beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  return { ...page, entity: entity ?? "", entities: trailEntities(ctx.db) };
});

export default function Trail() {
  const { entries, nextBeforeId, entity, entities } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("trail.title")}</h1>
      <Form method="get" className="row card">
        <FilterSelect name="entity" label={t("trail.filterEntity")} value={entity} options={entities.map((e) => ({ value: e, label: entityLabel(t, e) }))} />
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
                <td data-label={t("trail.actor")}>{actorLabel(t, e.actorKind, e.actorName)}</td>
                <td data-label={t("trail.entity")}>
                  {entityLabel(t, e.entity)} #{e.entityId}
                </td>
                <td data-label={t("trail.action")}>{actionLabel(t, e.action)}</td>
                <td data-label={t("trail.unit")}>{e.unitName ?? "—"}</td>
                <td data-label={t("trail.changes")}>
                  <TrailChanges row={e} limit={8} />
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
