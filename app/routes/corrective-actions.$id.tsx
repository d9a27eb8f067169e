import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DecideForm } from "~/components/ca-decide-form";
import { CaStatusBadge } from "~/components/ca-status";
import { FieldErrors, FormErrors, SelectField, TextAreaField } from "~/components/field";
import { replyFor, type FormReply } from "~/components/form-reply";
import { History } from "~/components/history";
import { SignatureBlock } from "~/components/signature-block";
import { signatureBlock, signatureLine } from "~/modules/corrective-actions/capacity";
import { decideExtension } from "~/modules/corrective-actions/decide-extension.server";
import { implementCorrectiveAction } from "~/modules/corrective-actions/implement.server";
import { getActionDetail } from "~/modules/corrective-actions/queries.server";
import { requestExtension } from "~/modules/corrective-actions/request-extension.server";
import { ActionSchema, ExtensionDecisionSchema, ExtensionRequestSchema, ImplementSchema, VerifySchema } from "~/modules/corrective-actions/schema";
import { startCorrectiveAction } from "~/modules/corrective-actions/start.server";
import { updateCorrectiveAction } from "~/modules/corrective-actions/update-action.server";
import { verifyEffectiveness } from "~/modules/corrective-actions/verify.server";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useLang, useT } from "~/i18n/react";
import { safeRedirect } from "~/http/session.server";
import { parseMultipart } from "~/http/uploads.server";
import { formatDate, formatDateTime } from "~/lib/time";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { metaT, pageTitle } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? metaT(matches)("title.corrective-actions.$id", { id: data.action.id }) : metaT(matches)("title.corrective-actions._index"));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return getActionDetail(ctx, id);
});

/** Starting takes no input: the button's form carries only its intent. */
const StartSchema = z.object({});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  const { formData, tooLarge } = multipart ? await parseMultipart(request) : { formData: await request.formData(), tooLarge: undefined };
  // An evidence file over the limit leaves an empty form: only the implement form uploads files.
  const intent = tooLarge ? "implement" : String(formData.get("intent"));
  const back = safeRedirect(formData.get("redirectTo"), `/corrective-actions/${id}`);
  const done = (key: string) => redirectWithFlash(back, { key });
  switch (intent) {
    case "start":
      return submit(formData, StartSchema, () => (startCorrectiveAction(ctx, id), done("ca.flash.started")), { intent });
    case "implement":
      return submit(
        formData,
        ImplementSchema,
        async (value) => {
          const files = formData.getAll("evidence").filter((f): f is File => f instanceof File);
          await implementCorrectiveAction(ctx, id, value, { uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes, files });
          return done("ca.flash.implemented");
        },
        { intent, tooLarge },
      );
    case "verify":
      return submit(
        formData,
        VerifySchema,
        (value) => {
          const r = verifyEffectiveness(ctx, id, value);
          return done(r.findingClosed ? "ca.flash.findingClosedByVerify" : value.outcome === "effective" ? "ca.flash.verified" : "ca.flash.ineffective");
        },
        { intent },
      );
    case "extension":
      return submit(formData, ExtensionRequestSchema, (value) => (requestExtension(ctx, id, value), done("ca.flash.extensionRequested")), { intent });
    case "decide":
      return submit(
        formData,
        ExtensionDecisionSchema,
        (value) => {
          const d = decideExtension(ctx, id, value);
          return done(d.status === "approved" ? "ca.flash.extensionApproved" : "ca.flash.extensionRefused");
        },
        { intent },
      );
    case "edit":
      return submit(formData, ActionSchema, (value) => (updateCorrectiveAction(ctx, id, value), done("common.saved")), { intent });
  }
  throw new Response("errors.badRequest", { status: 400 });
});

type Reply = FormReply | undefined;

export default function CorrectiveActionPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const r = (intent: string) => replyFor(reply, intent);
  const t = useT();
  const lang = useLang();
  const { action: a, finding, can } = d;
  const validAck = d.signatures[0]?.counts ? d.signatures[0] : undefined;
  const pendingExt = d.extensions.find((e) => e.status === "pending");
  return (
    <>
      <p className="muted">
        <Link to="/corrective-actions">{t("ca.title")}</Link> ›{" "}
        <Link to={`/findings/${finding.id}`}>
          {t("ca.finding")} #{finding.id}
        </Link>{" "}
        › <Link to={`/findings/${finding.id}/actions`}>{t("ca.request.title")}</Link>
      </p>
      <div className="page-head">
        <h1>
          {t("ca.action")} #{a.id}
        </h1>
        <CaStatusBadge status={a.status} overdue={a.overdue} reacknowledge={a.status === "proposed" && d.everAcknowledged} />
      </div>
      <section className="card" aria-labelledby="content-title">
        <h2 id="content-title" className="card-title">
          {t("ca.action.description")}
        </h2>
        <p className="pre-line lead">{a.description}</p>
        <dl className="dl">
          <dt>{t("ca.owner")}</dt>
          <dd>{a.ownerName}</dd>
          <dt>{t("ca.dueOn")}</dt>
          <dd>
            {formatDate(a.dueOn)}
            {a.overdueSince ? ` · ${t("ca.overdueSince", { day: formatDate(a.overdueSince) })}` : ""}
          </dd>
          {a.lateReason ? (
            <>
              <dt>{t("ca.lateReason")}</dt>
              <dd className="pre-line">{a.lateReason}</dd>
            </>
          ) : null}
          <dt>{t("ca.unit")}</dt>
          <dd>{finding.unitName}</dd>
          <dt>{t("ca.finding")}</dt>
          <dd>
            <Link to={`/findings/${finding.id}/actions`}>{finding.description}</Link> ({lang === "en" ? finding.gradeEn : finding.gradeVi})
          </dd>
          {d.request ? (
            <>
              <dt>{t("ca.rootCause")}</dt>
              <dd className="pre-line">{d.request.rootCause}</dd>
            </>
          ) : null}
          {a.implementedAt ? (
            <>
              <dt>{t("ca.implemented")}</dt>
              <dd>
                {formatDateTime(a.implementedAt)} · {a.implementedByName}
                <br />
                <span className="pre-line">{a.implementationNote}</span>
              </dd>
            </>
          ) : null}
          {a.verifiedAt ? (
            <>
              <dt>{t("ca.verified")}</dt>
              <dd>
                {formatDateTime(a.verifiedAt)} · {a.verifiedByName}
              </dd>
            </>
          ) : null}
        </dl>
        {d.evidence.length ? (
          <>
            <h3>{t("ca.evidence")}</h3>
            <ul>
              {d.evidence.map((f) => (
                <li key={f.id}>
                  <a href={`/files/${f.id}`}>{f.name}</a> <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="ack-title">
        <h2 id="ack-title" className="card-title">
          {t("ca.ack.title")}
        </h2>
        {validAck ? (
          <p className="alert alert-success">
            {t("ca.ack.validBlock", {
              signature: signatureLine(validAck.capacity, validAck.signerTitle, validAck.signerName),
              at: formatDateTime(validAck.signedAt),
            })}
          </p>
        ) : d.everAcknowledged ? (
          <p className="alert alert-warn">{t("ca.ack.void")}</p>
        ) : (
          <p className="muted">{t("ca.ack.none")}</p>
        )}
        {can.acknowledge ? (
          <Link className="button primary" to={`/corrective-actions/${a.id}/acknowledge`}>
            {t("ca.ack.sign")}
          </Link>
        ) : null}
        {d.signatures.length ? (
          <ul className="signatures">
            {d.signatures.map((s) => (
              <li key={s.id} className={s.counts ? "" : "void"}>
                <SignatureBlock block={signatureBlock(s.capacity, s.signerTitle)} name={s.signerName} /> {formatDateTime(s.signedAt)}{" "}
                {s.counts ? <span className="badge badge-ok">{t("ca.ack.counts")}</span> : <span className="badge">{t("ca.ack.voided")}</span>}
                {s.comment ? <p className="pre-line">“{s.comment}”</p> : null}
                <p className="muted small">
                  {t("ca.ack.signedContent", { due: formatDate(s.content.dueOn) })} · SHA-256 <code>{s.contentHash.slice(0, 16)}…</code>
                </p>
                {s.snapshot ? (
                  <details>
                    <summary>{t("ca.ack.snapshotTitle")}</summary>
                    <dl className="dl small">
                      <dt>{t("ca.finding")}</dt>
                      <dd className="pre-line">{s.snapshot.finding.description}</dd>
                      {s.snapshot.request?.correction ? (
                        <>
                          <dt>{t("ca.correction")}</dt>
                          <dd className="pre-line">{s.snapshot.request.correction}</dd>
                        </>
                      ) : null}
                      {s.snapshot.request?.rootCause ? (
                        <>
                          <dt>{t("ca.rootCause")}</dt>
                          <dd className="pre-line">{s.snapshot.request.rootCause}</dd>
                        </>
                      ) : null}
                    </dl>
                    <ol className="small">
                      {s.snapshot.actions.map((x) => (
                        <li key={x.id}>
                          {x.description} · {formatDate(x.dueOn)}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {can.start ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="start" />
          <p>{t("ca.start.hint")}</p>
          <button type="submit" className="primary">
            {t("ca.start")}
          </button>
        </Form>
      ) : null}
      {can.implement ? <ImplementForm lastResult={r("implement")} /> : null}
      {can.verify ? <VerifyForm lastResult={r("verify")} /> : null}
      {can.decideExtension && pendingExt ? <DecideForm actionId={a.id} ext={pendingExt} lastResult={r("decide")} /> : null}
      {pendingExt && !can.decideExtension ? (
        <p className="alert alert-warn">{t("ca.extension.pendingInfo", { to: formatDate(pendingExt.proposedDueOn) })}</p>
      ) : null}
      {can.requestExtension ? <ExtensionForm lastResult={r("extension")} /> : null}

      {d.reviews.length ? (
        <section className="card" aria-labelledby="reviews-title">
          <h2 id="reviews-title" className="card-title">
            {t("ca.reviews")}
          </h2>
          <ul>
            {d.reviews.map((rv) => (
              <li key={rv.id}>
                <span className={`badge ${rv.outcome === "effective" ? "badge-ok" : "badge-bad"}`}>{t(`ca.outcome.${rv.outcome}`)}</span> {rv.verifierName} ·{" "}
                {formatDateTime(rv.at)}
                <p className="pre-line">{rv.note}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.extensions.length ? (
        <section className="card" aria-labelledby="ext-title">
          <h2 id="ext-title" className="card-title">
            {t("ca.extensions")}
          </h2>
          <ul>
            {d.extensions.map((e) => (
              <li key={e.id}>
                {t("ca.extension.line", { from: formatDate(e.currentDueOn), to: formatDate(e.proposedDueOn), by: e.requestedByName ?? "" })}{" "}
                <span className={`badge ${e.status === "approved" ? "badge-ok" : e.status === "refused" ? "badge-bad" : "badge-warn"}`}>
                  {t(`ca.extension.${e.status}`)}
                </span>
                <p className="pre-line muted">{e.reason}</p>
                {e.decidedAt ? (
                  <p className="muted">
                    {e.decidedByName} · {formatDateTime(e.decidedAt)}
                    {e.decisionNote ? ` · ${e.decisionNote}` : ""}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can.edit ? <EditForm action={a} owners={d.owners} dueLocked={d.everAcknowledged} lastResult={r("edit")} /> : null}
      <History entries={d.history} />
    </>
  );
}

function ImplementForm({ lastResult }: { lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useSchemaForm(ImplementSchema, {
    id: "ca-implement",
    lastResult,
  });
  const evidenceErrors = (lastResult?.error?.["evidence"] ?? undefined) as string[] | undefined;
  return (
    <section className="card" aria-labelledby="impl-title">
      <h2 id="impl-title" className="card-title">
        {t("ca.implement.title")}
      </h2>
      <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="implement" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField field={fields.note} label={t("ca.implement.note")} rows={3} />
        <div className="field">
          <label htmlFor="evidence">{t("ca.evidence.files")}</label>
          <p className="hint" id="evidence-hint">
            {t("ca.evidence.hint")}
          </p>
          <input id="evidence" name="evidence" type="file" multiple accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp" aria-describedby="evidence-hint" />
          <FieldErrors id="evidence-errors" errors={evidenceErrors} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t("ca.implement.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function VerifyForm({ lastResult }: { lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useSchemaForm(VerifySchema, {
    id: "ca-verify",
    lastResult,
  });
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title" className="card-title">
        {t("ca.verify.title")}
      </h2>
      <p className="muted">{t("ca.verify.hint")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="verify" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="fieldset">
          <legend>{t("ca.verify.outcome")}</legend>
          {(["effective", "ineffective"] as const).map((o) => (
            <label key={o} className="checkbox">
              <input {...getInputProps(fields.outcome, { type: "radio", value: o })} key={o} />
              {t(`ca.outcome.${o}`)}
            </label>
          ))}
          <FieldErrors id={fields.outcome.errorId} errors={fields.outcome.errors} />
        </fieldset>
        <TextAreaField field={fields.note} label={t("ca.verify.note")} rows={3} />
        <div className="actions">
          <button type="submit" className="primary">
            {t("ca.verify.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ExtensionForm({ lastResult }: { lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useSchemaForm(ExtensionRequestSchema, {
    id: "ca-extension",
    lastResult,
  });
  return (
    <details className="card" open={!!lastResult}>
      <summary>{t("ca.extension.request")}</summary>
      <p className="muted">{t("ca.extension.hint")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="extension" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <DateField field={fields.proposedDueOn} label={t("ca.extension.proposedDueOn")} />
        <TextAreaField field={fields.reason} label={t("ca.extension.reason")} rows={2} />
        <div className="actions">
          <SubmitButton className="secondary">{t("ca.extension.submit")}</SubmitButton>
        </div>
      </Form>
    </details>
  );
}

function EditForm({
  action: a,
  owners,
  dueLocked,
  lastResult,
}: {
  action: { description: string; ownerId: number; dueOn: string; lateReason: string | null };
  owners: { id: number; fullName: string; title: string | null }[];
  dueLocked: boolean;
  lastResult: Reply;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(ActionSchema, {
    id: "ca-edit",
    lastResult,
    defaultValue: { description: a.description, ownerId: String(a.ownerId), dueOn: formatDate(a.dueOn), lateReason: a.lateReason ?? "" },
  });
  return (
    <details className="card" open={!!lastResult}>
      <summary>{t("ca.edit.title")}</summary>
      {dueLocked ? <p className="alert alert-warn">{t("ca.edit.voidsWarning")}</p> : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="edit" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField field={fields.description} label={t("ca.action.description")} rows={3} />
        <SelectField
          field={fields.ownerId}
          label={t("ca.owner")}
          options={owners.map((o) => ({ value: o.id, label: o.title ? `${o.fullName} (${o.title})` : o.fullName }))}
        />
        {dueLocked ? (
          <>
            <input type="hidden" name={fields.dueOn.name} value={formatDate(a.dueOn)} />
            <p className="muted">
              {t("ca.dueOn")}: {formatDate(a.dueOn)} · {t("ca.edit.dueLocked")}
            </p>
          </>
        ) : (
          <DateField field={fields.dueOn} label={t("ca.dueOn")} />
        )}
        <TextAreaField field={fields.lateReason} label={t("ca.lateReason")} hint={t("ca.lateReason.hint")} rows={2} />
        <div className="actions">
          <button type="submit" className="secondary">
            {t("action.save")}
          </button>
        </div>
      </Form>
    </details>
  );
}
