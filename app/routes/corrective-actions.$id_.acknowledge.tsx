import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { SignatureBlock } from "~/components/signature-block";
import { acknowledgeCorrectiveAction } from "~/modules/corrective-actions/acknowledge.server";
import { capacitiesFor, signatureBlock, standingOf } from "~/modules/corrective-actions/capacity";
import { getActionDetail } from "~/modules/corrective-actions/queries.server";
import { AcknowledgeSchema } from "~/modules/corrective-actions/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.corrective-actions.$id_.acknowledge");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "ca.acknowledge");
  const id = idParam(params.id);
  const d = getActionDetail(ctx, id);
  return {
    action: d.action,
    finding: {
      id: d.finding.id,
      description: d.finding.description,
      unitName: d.finding.unitName,
      gradeVi: d.finding.gradeVi,
      clauseCode: d.finding.clauseCode,
    },
    // Exactly what the signature will cover (issue 15): every action of the finding, and the snapshot's hash.
    snapshot: d.snapshot,
    rootCause: d.request?.rootCause ?? null,
    correction: d.request?.correction ?? null,
    canSign: d.can.acknowledge,
    again: d.everAcknowledged,
    signer: { name: ctx.actor.name, title: ctx.actor.title },
    // Decree 30: the capacities this signer may use, each shown as it will read (capacity line, title, name).
    capacities: capacitiesFor(standingOf(ctx.actor.title)).map((c) => ({ value: c, block: signatureBlock(c, ctx.actor.title) })),
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
  const { action: a, finding, rootCause, correction, canSign, again, signer, snapshot, capacities } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(AcknowledgeSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { capacity: capacities.length === 1 ? capacities[0]!.value : (capacities.find((c) => c.value === "own")?.value ?? "") },
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
          <dd className="pre-line">
            {finding.description}
            {finding.clauseCode ? ` (${finding.clauseCode})` : ""} · {finding.gradeVi}
          </dd>
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
        <h3 className="card-title">{t("ca.ack.snapshotTitle")}</h3>
        <ol>
          {snapshot.actions.map((x) => {
            const late = snapshot.late.find((l) => l.id === x.id);
            return (
              <li key={x.id}>
                <span className="pre-line">{x.description}</span> · {snapshot.ownerNames[x.id]} · {formatDate(x.dueOn)}
                {late ? (
                  <p className="alert alert-warn late-action">
                    {t("ca.ack.lateAction", { due: formatDate(late.findingDueOn) })} {late.lateReason ? `${t("ca.lateReason")}: ${late.lateReason}` : ""}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
        <p className="muted small">
          SHA-256 <code>{snapshot.hash}</code>
        </p>
      </section>
      {canSign ? (
        <Form method="post" className="stack card" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="shownHash" value={snapshot.hash} />
          <fieldset className="fieldset">
            <legend>{t("ca.ack.capacity")}</legend>
            {capacities.map((c) => (
              <label key={c.value} className="checkbox">
                <input {...getInputProps(fields.capacity, { type: "radio", value: c.value })} key={c.value} />
                <span>
                  {c.value === "own" ? t("ca.capacity.ownLong", { name: signer.name }) : t(`ca.capacity.${c.value}.long`)}
                  <SignatureBlock block={c.block} name={signer.name} />
                </span>
              </label>
            ))}
            <FieldErrors id={fields.capacity.errorId} errors={fields.capacity.errors} />
          </fieldset>
          <TextAreaField field={fields.comment} label={t("ca.ack.comment")} rows={2} />
          <TextField field={fields.password} type="password" label={t("ca.ack.password")} hint={t("ca.ack.passwordHint")} autoComplete="current-password" />
          <div className="actions">
            <SubmitButton className="primary wide">{t("ca.ack.submit")}</SubmitButton>
            <Link to="/inbox">{t("action.cancel")}</Link>
          </div>
        </Form>
      ) : (
        <p className="alert alert-warn">{t("ca.ack.notWaiting")}</p>
      )}
    </div>
  );
}
