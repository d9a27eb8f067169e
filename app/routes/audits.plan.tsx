import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { clauseLabel } from "~/components/audits/audit-form";
import { CheckGroup } from "~/components/audits/check-group";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/field";
import { batchUnitOptions, planAuditsForUnits } from "~/modules/audits/plan.server";
import { auditFormOptions } from "~/modules/audits/queries.server";
import { DEFAULT_CLAUSES } from "~/modules/audits/rules";
import { AuditBatchSchema } from "~/modules/audits/schema";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useLang, useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Lập kế hoạch đánh giá cho các đơn vị · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "audits.plan");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const today = vnDay(new Date());
  const units = batchUnitOptions(ctxFor(user), today);
  const options = auditFormOptions(getDb(), user, today);
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    auditors: options.auditors,
    clauses: options.clauses,
    defaultValue: { leadAuditorId: String(user.id), clauseCodes: DEFAULT_CLAUSES, unitIds: units.map((u) => String(u.id)) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), AuditBatchSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const { created, skipped } = planAuditsForUnits(ctxFor(user), submission.value);
    return redirectWithFlash(`/audits?year=${submission.value.startOn.slice(0, 4)}`, { key: "audits.batchDone", params: { created: created.length, skipped: skipped.length } });
  });
}

export default function BatchPlan() {
  const { units, auditors, clauses, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const [form, fields] = useForm<z.input<typeof AuditBatchSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AuditBatchSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>{t("audits.batch")}</h1>
      <p className="muted">{t("audits.batchIntro")}</p>
      <Form method="post" className="stack card wide" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <CheckGroup field={fields.unitIds} legend={t("audits.units")} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <div className="row">
          <TextField field={fields.startOn} label={t("audits.startOn")} hint="dd/mm/yyyy" />
          <TextField field={fields.endOn} label={t("audits.endOn")} hint="dd/mm/yyyy" />
        </div>
        <SelectField field={fields.leadAuditorId} label={t("audits.lead")} placeholder="" options={auditors.map((a) => ({ value: a.id, label: a.label }))} />
        <SelectField field={fields.teamIds} label={t("audits.team")} hint={t("audits.teamHint")} multiple options={auditors.map((a) => ({ value: a.id, label: a.label }))} />
        <CheckGroup
          field={fields.clauseCodes}
          legend={t("audits.clauses")}
          hint={t("audits.clausesHint")}
          options={clauses.map((c) => ({ value: c.code, label: clauseLabel(c, lang), indent: c.code.split(".").length - 1 }))}
        />
        <TextAreaField field={fields.processes} label={t("audits.processes")} hint={t("audits.processesHint")} rows={3} />
        <div className="actions">
          <button type="submit" className="primary">
            {t("audits.batch")}
          </button>
          <Link to="/audits">{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
