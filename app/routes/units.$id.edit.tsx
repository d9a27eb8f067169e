import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UnitForm } from "~/components/unit-form";
import { unitFormOptions } from "~/modules/units/form-options.server";
import { predecessorIdsOf } from "~/modules/units/queries.server";
import { updateUnit } from "~/modules/units/save-unit.server";
import { UnitSchema } from "~/modules/units/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { dayToInput } from "~/lib/zod";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.units.$id.edit");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "units.manage");
  const id = idParam(params.id);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, id);
  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId ? String(unit.parentId) : "",
      placeName: unit.placeName,
      validFrom: dayToInput(unit.validFrom),
      validTo: dayToInput(unit.validTo),
      predecessorIds: predecessorIdsOf(ctx.db, id).map(String),
    },
    ...unitFormOptions(ctx, unit.path),
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), UnitSchema, (value) => {
    updateUnit(ctx, id, value);
    return redirectWithFlash(`/units/${id}`, { key: "common.saved" });
  });
});

export default function EditUnit() {
  const { unit, parents, predecessorChoices } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>
        {t("units.edit")}: {unit.name}
      </h1>
      <UnitForm
        lastResult={useActionData<typeof action>()}
        defaultValue={unit}
        parents={parents}
        predecessorChoices={predecessorChoices}
        cancelTo={`/units/${unit.id}`}
      />
    </>
  );
}
