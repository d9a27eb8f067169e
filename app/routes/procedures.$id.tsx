import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DocumentStatusBadge } from "~/components/documents/badges";
import { ProcedureForm } from "~/components/documents/procedure-form";
import { History } from "~/components/history";
import { can } from "~/modules/permissions";
import { documentsCovering, getProcedureInScopeOrThrow } from "~/modules/procedures/queries.server";
import { updateProcedure } from "~/modules/procedures/save-procedure.server";
import { ProcedureSchema } from "~/modules/procedures/schema";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.p.code ?? metaT(matches)("title.procedures.$id"));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const p = getProcedureInScopeOrThrow(ctx, id);
  return { p, docs: documentsCovering(ctx.db, id), history: historyOf(ctx.db, "procedure", id), canWrite: can(ctx.actor, "procedures.write") };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), ProcedureSchema, (value) => {
    updateProcedure(ctx, id, value);
    return redirectWithFlash(`/procedures/${id}`, { key: "procedures.saved" });
  });
});

export default function ProcedurePage() {
  const { p, docs, history, canWrite } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/procedures">← {t("procedures.title")}</Link>
      </p>
      <h1>
        {p.code} · {p.name}
      </h1>
      <dl className="dl dl-stack card">
        <dt>{t("documents.unit")}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t("procedures.field")}</dt>
        <dd>{p.field}</dd>
        <dt>{t("procedures.processingTime")}</dt>
        <dd>{p.processingTime ?? "—"}</dd>
        <dt>{t("procedures.onlineLevel")}</dt>
        <dd>{t(`procedures.level.${p.onlineLevel}`)}</dd>
        <dt>{t("common.status")}</dt>
        <dd>
          {p.active ? <span className="badge badge-ok">{t("procedures.active")}</span> : <span className="badge badge-old">{t("procedures.inactive")}</span>}
        </dd>
        <dt>{t("procedures.documents")}</dt>
        <dd>
          {docs.length ? (
            <ul className="plain">
              {docs.map((d) => (
                <li key={d.id}>
                  <Link to={`/documents/${d.id}`}>{d.code}</Link> {d.title} <DocumentStatusBadge status={d.status} />
                </li>
              ))}
            </ul>
          ) : (
            <span className="badge badge-bad">{t("procedures.uncovered")}</span>
          )}
        </dd>
      </dl>
      {canWrite ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("procedures.edit")}</h2>
          <ProcedureForm
            lastResult={lastResult}
            units={[{ id: p.unitId, name: p.unitName }]}
            defaultValue={{
              unitId: String(p.unitId),
              code: p.code,
              name: p.name,
              field: p.field,
              processingTime: p.processingTime ?? "",
              onlineLevel: p.onlineLevel,
              active: p.active ? "on" : undefined,
            }}
            cancelTo="/procedures"
          />
        </section>
      ) : null}
      <History entries={history} />
    </>
  );
}
