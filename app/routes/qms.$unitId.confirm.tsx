import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { requireCapability } from "~/modules/permissions";
import { confirmEffectiveness } from "~/modules/qms-records/record.server";
import { ConfirmationSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow, scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { translate } from "~/i18n";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/i18n.server";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";
import { dayToInput } from "~/utils/zod";

export const meta: MetaFunction = () => [{ title: "Xác nhận hiệu lực HTQLCL · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const unitId = idParam(params.unitId);
  const db = getDb();
  try {
    requireCapability(user, "qms.approve");
    const unit = getUnitInScopeOrThrow(db, scopeFor(db, user), unitId);
    if (unit.id !== user.unitId) throw new Response("qms.errors.ownUnitLeader", { status: 403 });
    return {
      unit: { id: unit.id, name: unit.name },
      signer: `${user.name}${user.title ? `, ${user.title}` : ""}`,
      defaultValue: { confirmedOn: dayToInput(vnDay(new Date())), statement: translate(await getLang(request), "qms.confirmDefault") },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const unitId = idParam(params.unitId);
  const submission = parseForm(await request.formData(), ConfirmationSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    confirmEffectiveness(ctxFor(user), unitId, submission.value);
    return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
  });
}

export default function Confirm() {
  const { unit, signer, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof ConfirmationSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmationSchema }),
    shouldValidate: "onBlur",
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
          <TextField field={fields.confirmedOn} label={t("qms.confirmedOn")} hint="dd/mm/yyyy" />
          <TextField field={fields.documentNumber} label={t("qms.documentNumber")} />
        </div>
        <TextAreaField field={fields.statement} label={t("qms.statement")} rows={3} />
        <div className="actions">
          <button type="submit" className="primary">
            {t("qms.confirm")}
          </button>
          <Link to={`/qms/${unit.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
