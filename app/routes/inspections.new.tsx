import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { INSPECTION_METHODS } from "#db/schema/enums";
import { FormErrors, SelectField, TextField } from "~/components/field";
import { inspectionFormOptions } from "~/modules/inspections/queries.server";
import { createInspection } from "~/modules/inspections/save.server";
import { InspectionSchema } from "~/modules/inspections/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";
import { MultiPick } from "~/components/multi-pick";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.inspections.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "inspection.write");
  const url = new URL(request.url);
  return {
    options: inspectionFormOptions(ctx),
    defaultValue: { unitId: url.searchParams.get("unit") ?? "", method: url.searchParams.get("method") ?? "", leadId: String(ctx.actor.id) },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), InspectionSchema, (value) => {
    const row = createInspection(ctx, value);
    return redirectWithFlash(`/inspections/${row.id}`, { key: "inspections.created" });
  });
});

export default function NewInspection() {
  const { options, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(InspectionSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue,
  });
  const people = options.people.map((p) => ({ value: p.id, label: p.label }));
  return (
    <>
      <h1>{t("inspections.new")}</h1>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.unitId} label={t("inspections.unit")} placeholder="" options={options.units.map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField
          field={fields.method}
          label={t("inspections.method")}
          placeholder=""
          options={INSPECTION_METHODS.map((m) => ({ value: m, label: t(`inspections.method.${m}`) }))}
        />
        <div className="row">
          <TextField field={fields.decisionNumber} label={t("inspections.decisionNumber")} hint="215/QĐ-SKHCN" />
          <DateField field={fields.decisionOn} label={t("inspections.decisionOn")} />
        </div>
        <DateField field={fields.plannedOn} label={t("inspections.plannedOn")} />
        <SelectField field={fields.leadId} label={t("inspections.lead")} placeholder="" options={people} />
        <MultiPick field={fields.teamIds} legend={t("inspections.team")} hint={t("picker.teamHint")} options={people} />
        <div className="actions">
          <SubmitButton>{t("action.save")}</SubmitButton>
          <Link to="/inspections">{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
