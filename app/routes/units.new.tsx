import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UnitForm } from "~/components/unit-form";
import { unitFormOptions } from "~/modules/units/form-options.server";
import { createUnit } from "~/modules/units/save-unit.server";
import { UnitSchema } from "~/modules/units/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.units.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "units.manage");
  return unitFormOptions(ctx);
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), UnitSchema, (value) => {
    const unit = createUnit(ctx, value);
    return redirectWithFlash(`/units/${unit.id}`, { key: "common.saved" });
  });
});

export default function NewUnit() {
  const options = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("units.new")}</h1>
      <UnitForm lastResult={useActionData<typeof action>()} parents={options.parents} predecessorChoices={options.predecessorChoices} cancelTo="/units" />
    </>
  );
}
