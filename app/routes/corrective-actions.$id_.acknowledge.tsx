import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { SIGN_CAPACITIES } from "#db/schema/enums";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { getActionDetail } from "~/modules/corrective-actions/queries.server";
import { AcknowledgeSchema } from "~/modules/corrective-actions/schema";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { DomainError, ForbiddenError, NotFoundError, statusOf } from "~/utils/errors";
import { idParam, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { formatDate, vnDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Ký xác nhận hành động khắc phục · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  try {
    requireCapability(user, "ca.acknowledge");
    const d = getActionDetail(getDb(), ctxFor(user), id, vnDay(new Date()));
    return {
      action: d.action,
      finding: { id: d.finding.id, description: d.finding.description, unitName: d.finding.unitName },
      rootCause: d.request?.rootCause ?? null,
      correction: d.request?.correction ?? null,
      canSign: d.can.acknowledge,
      again: d.everAcknowledged,
      signer: { name: user.name, title: user.title },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), AcknowledgeSchema);
  // why hideFields: the password never travels back in a reply, even to its owner.
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  try {
    await acknowledgeCorrectiveAction(ctxFor(user), id, submission.value);
    return redirectWithFlash("/inbox", { key: "ca.flash.acknowledged", params: { id } });
  } catch (e) {
    if (e instanceof DomainError && !(e instanceof NotFoundError || e instanceof ForbiddenError)) {
      return data(submission.reply({ formErrors: [e.messageKey], fieldErrors: e.fieldErrors, hideFields: ["password"] }), { status: statusOf(e) });
    }
    rethrowAsResponse(e);
  }
}

export default function Acknowledge() {
  const { action: a, finding, rootCause, correction, canSign, again, signer } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof AcknowledgeSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: { capacity: "own" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcknowledgeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="narrow">
      <p className="muted">
        <Link to="/inbox">{t("inbox.title")}</Link> › <Link to={`/corrective-actions/${a.id}`}>#{a.id}</Link>
      </p>
      <h1>{t("ca.ack.pageTitle")}</h1>
      {again ? <p className="alert alert-warn">{t("ca.ack.again")}</p> : null}
      <section className="card" aria-labelledby="what-title">
        <h2 id="what-title" className="card-title">
          {t("ca.ack.what")}
        </h2>
        <p className="pre-line lead">{a.description}</p>
        <dl className="dl">
          <dt>{t("ca.owner")}</dt>
          <dd>{a.ownerName}</dd>
          <dt>{t("ca.dueOn")}</dt>
          <dd>
            <strong>{formatDate(a.dueOn)}</strong>
          </dd>
          <dt>{t("ca.unit")}</dt>
          <dd>{finding.unitName}</dd>
          <dt>{t("ca.finding")}</dt>
          <dd className="pre-line">{finding.description}</dd>
          {correction ? (
            <>
              <dt>{t("ca.correction")}</dt>
              <dd className="pre-line">{correction}</dd>
            </>
          ) : null}
          {rootCause ? (
            <>
              <dt>{t("ca.rootCause")}</dt>
              <dd className="pre-line">{rootCause}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {canSign ? (
        <Form method="post" className="stack card" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <fieldset className="fieldset">
            <legend>{t("ca.ack.capacity")}</legend>
            {SIGN_CAPACITIES.map((c) => (
              <label key={c} className="checkbox">
                <input {...getInputProps(fields.capacity, { type: "radio", value: c })} key={c} />
                {c === "own" ? t("ca.capacity.ownLong", { name: signer.name }) : t(`ca.capacity.${c}.long`)}
              </label>
            ))}
            <FieldErrors id={fields.capacity.errorId} errors={fields.capacity.errors} />
          </fieldset>
          <TextAreaField field={fields.comment} label={t("ca.ack.comment")} rows={2} />
          <TextField field={fields.password} type="password" label={t("ca.ack.password")} hint={t("ca.ack.passwordHint")} autoComplete="current-password" />
          <div className="actions">
            <button type="submit" className="primary wide">
              {t("ca.ack.submit")}
            </button>
            <Link to="/inbox">{t("action.cancel")}</Link>
          </div>
        </Form>
      ) : (
        <p className="alert alert-warn">{t("ca.ack.notWaiting")}</p>
      )}
    </div>
  );
}
