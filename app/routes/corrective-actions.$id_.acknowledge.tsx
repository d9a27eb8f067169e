import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { SIGN_CAPACITIES } from "#db/schema/enums";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { getActionDetail } from "~/modules/corrective-actions/queries.server";
import { AcknowledgeSchema } from "~/modules/corrective-actions/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";

export const meta: MetaFunction = () => [{ title: "Ký xác nhận hành động khắc phục · ISO Xã" }];

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "ca.acknowledge");
  const id = idParam(params.id);
  const d = getActionDetail(ctx.db, ctx, id, ctx.today);
  return {
    action: d.action,
    finding: { id: d.finding.id, description: d.finding.description, unitName: d.finding.unitName },
    rootCause: d.request?.rootCause ?? null,
    correction: d.request?.correction ?? null,
    canSign: d.can.acknowledge,
    again: d.everAcknowledged,
    signer: { name: ctx.actor.name, title: ctx.actor.title },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(
    await request.formData(),
    AcknowledgeSchema,
    async (value) => {
      await acknowledgeCorrectiveAction(ctx, id, value);
      return redirectWithFlash("/inbox", { key: "ca.flash.acknowledged", params: { id } });
    },
    // why hideFields: the password never travels back in a reply, even to its owner.
    { hideFields: ["password"] },
  );
});

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
