import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { ObjectiveForm } from "~/components/objective-form";
import { getObjectiveInScopeOrThrow } from "~/modules/objectives/queries.server";
import { updateObjective } from "~/modules/objectives/save-objective.server";
import { ObjectiveSchema } from "~/modules/objectives/schema";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.objectives.$id");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const id = idParam(params.id);
  const o = getObjectiveInScopeOrThrow(ctx, id);
  return {
    objective: {
      ...o,
      unitId: String(o.unitId),
      year: String(o.year),
      target: String(o.target),
      manualValue: o.manualValue === null ? "" : String(o.manualValue),
      note: o.note ?? "",
      targetUnit: o.targetUnit ?? "",
    },
    units: userUnitOptions(ctx, o.unitId),
    history: historyOf(ctx.db, "quality_objective", id),
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const id = idParam(params.id);
  return submit(await request.formData(), ObjectiveSchema, (value) => {
    const o = updateObjective(ctx, id, value);
    return redirectWithFlash(`/objectives?year=${o.year}`, { key: "common.saved" });
  });
});

export default function EditObjective() {
  const { objective, units, history } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("objectives.edit")}</h1>
      <ObjectiveForm lastResult={useActionData<typeof action>()} units={units} defaultValue={objective} submitLabel={t("action.save")} />
      <History entries={history} />
    </>
  );
}
