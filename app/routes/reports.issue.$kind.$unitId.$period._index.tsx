import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { replyFor } from "~/components/form-reply";
import { useSchemaForm } from "~/components/use-schema-form";
import { produceDepsFor } from "~/modules/reports/deps.server";
import { issueReport, reportDraft, saveNarrative } from "~/modules/reports/issue.server";
import { drainQueue } from "~/modules/reports/produce.server";
import { IssueReportSchema, NarrativeSchema } from "~/modules/reports/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.reports.issue.$kind.$unitId.$period._index");

/** A report a unit sends, as a draft (issue 14): anyone in scope reads it; its officer writes, its head issues. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  return reportDraft(ctx, params.kind ?? "", idParam(params.unitId), params.period ?? "");
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const kind = params.kind ?? "";
  const unitId = idParam(params.unitId);
  const period = params.period ?? "";
  const here = `/reports/issue/${kind}/${unitId}/${period}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "narrative") {
    return submit(
      formData,
      NarrativeSchema,
      (value) => {
        saveNarrative(ctx, kind, unitId, period, value);
        return redirectWithFlash(here, { key: "reportIssue.saved" });
      },
      { intent: "narrative" },
    );
  }
  if (intent === "issue") {
    return submit(
      formData,
      IssueReportSchema,
      async (value) => {
        const { report } = await issueReport(ctx, kind, unitId, period, value);
        void drainQueue(ctx.db, produceDepsFor(request));
        return redirectWithFlash(`/reports/${report.id}`, { key: "reportIssue.issued" });
      },
      // why hideFields: the password never travels back in a reply, even to its owner.
      { intent: "issue", hideFields: ["password"] },
    );
  }
  throw new Response("errors.badRequest", { status: 400 });
});

export default function ReportDraftPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(NarrativeSchema, {
    id: "narrative",
    lastResult: replyFor(actionData, "narrative"),
    defaultValue: {
      situation: d.narrative.situation ?? "",
      results: d.narrative.results ?? "",
      difficulties: d.narrative.difficulties ?? "",
      proposals: d.narrative.proposals ?? "",
    },
  });
  const [issueForm, issueFields] = useSchemaForm(IssueReportSchema, { id: "issue", lastResult: replyFor(actionData, "issue"), shouldValidate: "onSubmit" });
  const base = `/reports/issue/${d.kind}/${d.unit.id}/${d.period.key}`;
  const parts = ["situation", "results", "difficulties", "proposals"] as const;
  return (
    <>
      <p>
        <Link to="/reports">← {t("reports.title")}</Link>
      </p>
      <h1>
        {t(`reports.kind.${d.kind}`)} · {d.unit.name} · {d.period.label}
      </h1>
      {d.status === "issued" ? (
        <div className="card" role="status">
          <p>
            <strong>{t("reportIssue.issuedAs", { number: d.number ?? "", day: formatDate(d.issuedOn) })}</strong>
          </p>
          {d.report ? (
            <p>
              <Link to={`/reports/${d.report.id}`}>{t("reportIssue.openIssued")}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="card">
          <p>
            <strong>{t("reportIssue.draftState")}</strong> {t("reportIssue.draftHint")}
          </p>
          <p>
            <a href={`${base}/pdf`} download>
              {t("reportIssue.downloadDraft")}
            </a>
          </p>
          <p className="muted">{t("reportIssue.nextNumber", { number: d.nextNumber })}</p>
        </div>
      )}
      {d.can.edit ? (
        <Form method="post" className="stack card" {...getFormProps(form)}>
          <h2>{t("reportIssue.narrative")}</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="narrative" />
          {parts.map((p) => (
            <TextAreaField key={p} field={fields[p]} label={t(`reportIssue.part.${p}`)} hint={t(`reportIssue.hint.${p}`)} rows={5} />
          ))}
          <div className="actions">
            <button type="submit" className="primary">
              {t("reportIssue.save")}
            </button>
          </div>
        </Form>
      ) : (
        <section className="card" aria-labelledby="narrative-title">
          <h2 id="narrative-title">{t("reportIssue.narrative")}</h2>
          <dl className="dl dl-stack">
            {parts.map((p) => (
              <div key={p}>
                <dt>{t(`reportIssue.part.${p}`)}</dt>
                <dd className="pre-line">{d.narrative[p] ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {d.can.issue ? (
        <Form method="post" className="stack card" {...getFormProps(issueForm)}>
          <h2>{t("reportIssue.issueTitle")}</h2>
          <p>{t("reportIssue.issueHint", { number: d.nextNumber, day: formatDate(d.today) })}</p>
          {d.missing.length ? <p className="alert alert-warn">{t("reportIssue.errors.narrativeMissing")}</p> : null}
          <FormErrors id={issueForm.errorId} errors={issueForm.errors} />
          <input type="hidden" name="intent" value="issue" />
          <TextField
            field={issueFields.password}
            type="password"
            label={t("ca.ack.password")}
            hint={t("announce.passwordHint")}
            autoComplete="current-password"
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t("reportIssue.issue")}
            </button>
          </div>
        </Form>
      ) : d.status === "draft" ? (
        <p className="muted">{t("reportIssue.onlyLeader")}</p>
      ) : null}
    </>
  );
}
