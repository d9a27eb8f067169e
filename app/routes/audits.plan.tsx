import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { clauseLabel } from "~/components/audits/audit-form";
import { CheckGroup } from "~/components/audits/check-group";
import { FormErrors, SelectField, TextAreaField } from "~/components/field";
import { batchUnitOptions, planAuditsForUnits } from "~/modules/audits/plan.server";
import { auditFormOptions } from "~/modules/audits/queries.server";
import { DEFAULT_CLAUSES } from "~/modules/audits/rules";
import { AuditBatchSchema } from "~/modules/audits/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useLang, useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";
import { MultiPick } from "~/components/multi-pick";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.audits.plan");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "audits.plan");
  const units = batchUnitOptions(ctx, ctx.today);
  const options = auditFormOptions(ctx);
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    auditors: options.auditors,
    clauses: options.clauses,
    defaultValue: { leadAuditorId: String(ctx.actor.id), clauseCodes: DEFAULT_CLAUSES, unitIds: units.map((u) => String(u.id)) },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), AuditBatchSchema, (value) => {
    const { created, skipped } = planAuditsForUnits(ctx, value);
    return redirectWithFlash(`/audits?year=${value.startOn.slice(0, 4)}`, {
      key: "audits.batchDone",
      params: { created: created.length, skipped: skipped.length },
    });
  });
});

export default function BatchPlan() {
  const { units, auditors, clauses, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const [form, fields] = useSchemaForm(AuditBatchSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue,
  });
  return (
    <>
      <h1>{t("audits.batch")}</h1>
      <p className="muted">{t("audits.batchIntro")}</p>
      <Form method="post" className="stack card wide" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <CheckGroup field={fields.unitIds} legend={t("audits.units")} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <div className="row">
          <DateField field={fields.startOn} label={t("audits.startOn")} />
          <DateField field={fields.endOn} label={t("audits.endOn")} />
        </div>
        <SelectField field={fields.leadAuditorId} label={t("audits.lead")} placeholder="" options={auditors.map((a) => ({ value: a.id, label: a.label }))} />
        <MultiPick
          field={fields.teamIds}
          legend={t("audits.team")}
          hint={t("picker.teamHint")}
          options={auditors.map((a) => ({ value: a.id, label: a.label }))}
        />
        <CheckGroup
          field={fields.clauseCodes}
          legend={t("audits.clauses")}
          hint={t("audits.clausesHint")}
          options={clauses.map((c) => ({ value: c.code, label: clauseLabel(c, lang), indent: c.code.split(".").length - 1 }))}
        />
        <TextAreaField field={fields.processes} label={t("audits.processes")} hint={t("audits.processesHint")} rows={3} />
        <div className="actions">
          <SubmitButton>{t("audits.batch")}</SubmitButton>
          <Link to="/audits">{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
