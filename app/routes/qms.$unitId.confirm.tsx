import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { confirmEffectiveness } from "~/modules/qms-records/record.server";
import { ConfirmationSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLang } from "~/http/i18n.server";
import { dayToInput } from "~/lib/zod";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.qms.$unitId.confirm");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.approve");
  const unitId = idParam(params.unitId);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  if (unit.id !== ctx.actor.unitId) throw new Response("qms.errors.ownUnitLeader", { status: 403 });
  return {
    unit: { id: unit.id, name: unit.name },
    signer: `${ctx.actor.name}${ctx.actor.title ? `, ${ctx.actor.title}` : ""}`,
    defaultValue: { confirmedOn: dayToInput(ctx.today), statement: translate(await getLang(request), "qms.confirmDefault") },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const unitId = idParam(params.unitId);
  return submit(await request.formData(), ConfirmationSchema, (value) => {
    confirmEffectiveness(ctx, unitId, value);
    return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
  });
});

export default function Confirm() {
  const { unit, signer, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(ConfirmationSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue,
  });
  return (
    <>
      <p>
        <Link to={`/qms/${unit.id}`}>← {t("qms.unitTitle", { unit: unit.name })}</Link>
      </p>
      <h1>{t("qms.confirm")}</h1>
      <p className="muted">{t("qms.confirmHint")}</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <p>
          <strong>{t("qms.signedBy")}:</strong> {signer}
        </p>
        <div className="row">
          <DateField field={fields.confirmedOn} label={t("qms.confirmedOn")} />
          <TextField field={fields.documentNumber} label={t("qms.documentNumber")} />
        </div>
        <TextAreaField field={fields.statement} label={t("qms.statement")} rows={3} />
        <div className="actions">
          <SubmitButton>{t("qms.confirm")}</SubmitButton>
          <Link to={`/qms/${unit.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
