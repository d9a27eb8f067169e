import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { CaStatusBadge } from "~/components/ca-status";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/field";
import { replyFor, type FormReply } from "~/components/form-reply";
import { History } from "~/components/history";
import { RecordPdfButton } from "~/components/record-pdf-button";
import { can } from "~/modules/permissions";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { closeFindingWithoutAction } from "~/modules/corrective-actions/close-finding.server";
import { getFindingActionsPage } from "~/modules/corrective-actions/queries.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { ActionSchema, CloseFindingSchema, RequestSchema } from "~/modules/corrective-actions/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useLang, useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/lib/time";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.findings.$id_.actions");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const page = getFindingActionsPage(ctx, id);
  return { ...page, canPdf: can(ctx.actor, "reports.generate") };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/findings/${id}/actions`;
  if (intent === "request") {
    return submit(formData, RequestSchema, (value) => (saveCaRequest(ctx, id, value), redirectWithFlash(back, { key: "common.saved" })), { intent });
  }
  if (intent === "action") {
    return submit(
      formData,
      ActionSchema,
      (value) => {
        const a = addCorrectiveAction(ctx, id, value);
        return redirectWithFlash(back, { key: "ca.flash.proposed", params: { id: a.id } });
      },
      { intent },
    );
  }
  if (intent === "close") {
    return submit(
      formData,
      CloseFindingSchema,
      (value) => (closeFindingWithoutAction(ctx, id, value), redirectWithFlash(back, { key: "ca.flash.findingClosed" })),
      { intent },
    );
  }
  throw new Response("errors.badRequest", { status: 400 });
});

export default function FindingActions() {
  const { finding, request, actions, owners, canWrite, canCloseWithoutAction, canPdf, history } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p className="muted">
        <Link to="/corrective-actions">{t("ca.title")}</Link> ›{" "}
        <Link to={`/findings/${finding.id}`}>
          {t("ca.finding")} #{finding.id}
        </Link>
      </p>
      <div className="page-head">
        <h1>{t("ca.request.title")}</h1>
        {canPdf ? (
          <div className="actions">
            <RecordPdfButton kind="action" subjectId={finding.id} />
          </div>
        ) : null}
      </div>
      <section className="card" aria-labelledby="finding-title">
        <h2 id="finding-title" className="card-title">
          {t("ca.finding")} #{finding.id}{" "}
          <span className={`badge ${finding.requiresAction ? "badge-warn" : ""}`}>{lang === "en" ? finding.gradeEn : finding.gradeVi}</span>{" "}
          {finding.status === "closed" ? (
            <span className="badge badge-ok">{t("ca.finding.closed")}</span>
          ) : (
            <span className="badge">{t("ca.finding.open")}</span>
          )}
        </h2>
        <p className="pre-line">{finding.description}</p>
        <dl className="dl">
          <dt>{t("ca.unit")}</dt>
          <dd>{finding.unitName}</dd>
          {finding.clauseCode ? (
            <>
              <dt>{t("ca.clause")}</dt>
              <dd>
                {finding.clauseCode} {lang === "en" ? finding.clauseTitleEn : finding.clauseTitleVi}
              </dd>
            </>
          ) : null}
          {finding.evidence ? (
            <>
              <dt>{t("ca.evidenceOfFinding")}</dt>
              <dd className="pre-line">{finding.evidence}</dd>
            </>
          ) : null}
          <dt>{t("ca.foundOn")}</dt>
          <dd>{formatDate(finding.foundOn)}</dd>
          <dt>{t("ca.actionDueOn")}</dt>
          <dd>{formatDate(finding.actionDueOn) || "—"}</dd>
          {finding.closedAt ? (
            <>
              <dt>{t("ca.finding.closedAt")}</dt>
              <dd>
                {formatDateTime(finding.closedAt)} · {finding.closeNote?.startsWith("ca.") ? t(finding.closeNote) : finding.closeNote}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="request-title">
        <h2 id="request-title" className="card-title">
          {t("ca.request.section")}
        </h2>
        {canWrite ? (
          <RequestForm request={request} lastResult={replyFor(reply, "request")} />
        ) : request ? (
          <dl className="dl">
            <dt>{t("ca.correction")}</dt>
            <dd className="pre-line">{request.correction}</dd>
            {request.whys.map((w, i) => (
              <FragmentWhy key={i} n={i + 1} text={w} />
            ))}
            <dt>{t("ca.rootCause")}</dt>
            <dd className="pre-line">{request.rootCause}</dd>
          </dl>
        ) : (
          <p className="muted">{t("ca.request.none")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title" className="card-title">
          {t("ca.actions")}
        </h2>
        {actions.length === 0 ? (
          <p className="muted">{finding.requiresAction ? t("ca.actions.noneRequired") : t("ca.actions.noneOptional")}</p>
        ) : (
          <ul className="ca-cards">
            {actions.map((a) => (
              <li key={a.id} className="ca-card">
                <Link to={`/corrective-actions/${a.id}`} className="ca-card-title">
                  #{a.id} {a.description}
                </Link>
                <p className="muted">
                  {t("ca.owner")}: {a.ownerName} · {t("ca.dueOn")}: {formatDate(a.dueOn)}
                </p>
                <CaStatusBadge status={a.status} overdue={a.overdue} />
              </li>
            ))}
          </ul>
        )}
        {canWrite && request ? (
          <ActionForm owners={owners} defaultDue={finding.actionDueOn} lastResult={replyFor(reply, "action")} />
        ) : canWrite ? (
          <p className="alert alert-warn">{t("ca.errors.requestFirst")}</p>
        ) : null}
      </section>

      {canCloseWithoutAction ? <CloseForm lastResult={replyFor(reply, "close")} /> : null}
      <History entries={history} />
    </>
  );
}

function FragmentWhy({ n, text }: { n: number; text: string }) {
  const t = useT();
  return (
    <>
      <dt>{t("ca.why", { n })}</dt>
      <dd>{text}</dd>
    </>
  );
}

type Reply = FormReply | undefined;

function RequestForm({
  request,
  lastResult,
}: {
  request: { correction: string | null; rootCauseMethod: string; whys: string[]; rootCause: string | null } | null;
  lastResult: Reply;
}) {
  const t = useT();
  const whys = request?.whys ?? [];
  const [form, fields] = useSchemaForm(RequestSchema, {
    id: "ca-request",
    lastResult,
    defaultValue: {
      correction: request?.correction ?? "",
      rootCauseMethod: request?.rootCauseMethod ?? "five_whys",
      why1: whys[0] ?? "",
      why2: whys[1] ?? "",
      why3: whys[2] ?? "",
      why4: whys[3] ?? "",
      why5: whys[4] ?? "",
      rootCause: request?.rootCause ?? "",
    },
  });
  const [method, setMethod] = useState(request?.rootCauseMethod ?? "five_whys");
  const whyFields = [fields.why1, fields.why2, fields.why3, fields.why4, fields.why5];
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="request" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextAreaField field={fields.correction} label={t("ca.correction")} hint={t("ca.correction.hint")} rows={3} />
      <fieldset className="fieldset">
        <legend>{t("ca.rootCauseMethod")}</legend>
        {(["five_whys", "free_text"] as const).map((m) => (
          <label key={m} className="checkbox">
            <input {...getInputProps(fields.rootCauseMethod, { type: "radio", value: m })} key={m} checked={method === m} onChange={() => setMethod(m)} />
            {t(`ca.method.${m}`)}
          </label>
        ))}
      </fieldset>
      {method === "five_whys" ? (
        <div className="whys">
          <p className="hint">{t("ca.whys.hint")}</p>
          {whyFields.map((f, i) => (
            <TextField key={f.name} field={f} label={t("ca.why", { n: i + 1 })} />
          ))}
        </div>
      ) : null}
      <TextAreaField field={fields.rootCause} label={t("ca.rootCause")} hint={method === "five_whys" ? t("ca.rootCause.hintWhys") : undefined} rows={3} />
      <div className="actions">
        <SubmitButton>{t("ca.request.save")}</SubmitButton>
      </div>
    </Form>
  );
}

function ActionForm({
  owners,
  defaultDue,
  lastResult,
}: {
  owners: { id: number; fullName: string; title: string | null }[];
  defaultDue: string | null;
  lastResult: Reply;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(ActionSchema, {
    id: "ca-new-action",
    lastResult,
    defaultValue: { description: "", ownerId: "", dueOn: formatDate(defaultDue) },
  });
  return (
    <Form method="post" className="stack sub-form" {...getFormProps(form)} aria-labelledby="new-action-title">
      <h3 id="new-action-title">{t("ca.action.new")}</h3>
      <input type="hidden" name="intent" value="action" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextAreaField field={fields.description} label={t("ca.action.description")} rows={3} />
      <div className="row">
        <SelectField
          field={fields.ownerId}
          label={t("ca.owner")}
          placeholder={t("ca.owner.choose")}
          options={owners.map((o) => ({ value: o.id, label: o.title ? `${o.fullName} (${o.title})` : o.fullName }))}
        />
        <DateField field={fields.dueOn} label={t("ca.dueOn")} hint={defaultDue ? t("ca.dueOn.hintDefault") : undefined} />
      </div>
      <TextAreaField field={fields.lateReason} label={t("ca.lateReason")} hint={t("ca.lateReason.hint")} rows={2} />
      <div className="actions">
        <SubmitButton>{t("ca.action.propose")}</SubmitButton>
      </div>
    </Form>
  );
}

function CloseForm({ lastResult }: { lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useSchemaForm(CloseFindingSchema, {
    id: "ca-close",
    lastResult,
  });
  return (
    <section className="card" aria-labelledby="close-title">
      <h2 id="close-title" className="card-title">
        {t("ca.closeWithout.title")}
      </h2>
      <p className="muted">{t("ca.closeWithout.hint")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="close" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField field={fields.note} label={t("ca.closeWithout.note")} rows={2} />
        <div className="actions">
          <button type="submit" className="secondary">
            {t("ca.closeWithout.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
