import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PERIOD_REPORT_KINDS } from "#db/schema/enums";
import { FormErrors, SelectField } from "~/components/field";
import { isAreaUnit } from "~/modules/reports/data.server";
import { draftFor } from "~/modules/reports/issue.server";
import { justEndedPeriodKey } from "~/modules/reports/periods";
import { GenerateReportSchema } from "~/modules/reports/schema";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";
import { PeriodField } from "~/components/period-picker";

export const meta: MetaFunction = titled("title.reports.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "reports.generate");
  const url = new URL(request.url);
  const units = listUnitsInScope(ctx).map((u) => ({
    id: u.id,
    name: u.name,
    code: u.code,
    depth: u.depth,
    area: isAreaUnit(u),
    validTo: u.validTo,
  }));
  const thisYear = Number(ctx.today.slice(0, 4));
  return {
    units,
    years: Array.from({ length: 10 }, (_, i) => thisYear - i),
    defaults: {
      kind: url.searchParams.get("kind") ?? "unit",
      unitId: url.searchParams.get("unitId") ?? String(ctx.actor.unitId),
      period: url.searchParams.get("period")?.slice(0, 10) ?? justEndedPeriodKey("month", ctx.now),
    },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  // Every kind this form offers (unit, area, yearly) is a report a unit sends: it is issued from its draft
  // (issue 14, decision 0017). The form leads to the draft, never to a sealed, unnumbered file.
  return submit(await request.formData(), GenerateReportSchema, (value) => redirect(draftFor(ctx, value)));
});

export default function NewReport() {
  const { units, defaults, years } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(GenerateReportSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: defaults,
    // why onInput after the first try: an error that vanishes on blur moves the submit button under the pointer.
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/reports">← {t("reports.title")}</Link>
      </p>
      <h1>{t("reports.new")}</h1>
      <p className="muted">{t("reports.newIntro")}</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.kind} label={t("reports.kind")} options={PERIOD_REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} />
        <SelectField
          field={fields.unitId}
          label={t("reports.unit")}
          options={units.map((u) => ({ value: u.id, label: `${"· ".repeat(u.depth)}${u.name}${u.validTo ? ` (≤ ${u.validTo.slice(0, 4)})` : ""}` }))}
        />
        <PeriodField field={fields.period} label={t("reports.period")} years={years} />
        <p className="hint">{t("reports.noData")}</p>
        <div className="actions">
          <SubmitButton>{t("reports.submit")}</SubmitButton>
          <Link to="/reports">{t("action.cancel")}</Link>
        </div>
      </Form>
      <p className="muted">{t("reports.recordKinds")}</p>
    </>
  );
}
