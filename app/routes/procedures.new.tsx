import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProcedureForm } from "~/components/documents/procedure-form";
import { writableUnits } from "~/modules/documents/queries.server";
import { createProcedure } from "~/modules/procedures/save-procedure.server";
import { ProcedureSchema } from "~/modules/procedures/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.procedures.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "procedures.write");
  const units = writableUnits(ctx);
  return { units, defaultUnit: units.find((u) => u.id === ctx.actor.unitId)?.id ?? units[0]?.id };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), ProcedureSchema, (value) => {
    const p = createProcedure(ctx, value);
    return redirectWithFlash(`/procedures/${p.id}`, { key: "procedures.saved" });
  });
});

export default function NewProcedure() {
  const { units, defaultUnit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("procedures.new")}</h1>
      <ProcedureForm
        lastResult={useActionData<typeof action>()}
        units={units}
        defaultValue={{ unitId: String(defaultUnit ?? ""), onlineLevel: "none", active: "on" }}
        cancelTo="/procedures"
      />
    </>
  );
}
