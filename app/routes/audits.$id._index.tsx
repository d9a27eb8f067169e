import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/field";
import { replyFor, type FormReply } from "~/components/form-reply";
import { History } from "~/components/history";
import { AuditStatusBadge, GradeBadge, ResultBadge } from "~/components/audits/status";
import { RecordPdfButton } from "~/components/record-pdf-button";
import { can as allowed } from "~/modules/permissions";
import { copyAudit } from "~/modules/audits/plan.server";
import { getAuditDetail } from "~/modules/audits/queries.server";
import { processLabel } from "~/modules/audits/rules";
import { AuditCopySchema, AuditReportSchema } from "~/modules/audits/schema";
import { closeAudit, reopenAudit, reportAudit, startAudit } from "~/modules/audits/transition.server";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx, step, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useLang, useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { dayToInput } from "~/lib/zod";
import { TableWrap } from "~/components/table-wrap";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { metaT, pageTitle } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.audit.title ?? metaT(matches)("title.audits.$id._index"));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const d = getAuditDetail(ctx, id);
  // The PDF is archived under the audited unit: only those whose scope covers it may make one (not a visiting auditor).
  const pdf = d.can.readUnit && allowed(ctx.actor, "reports.generate");
  return { ...d, pdf, history: d.can.readUnit ? historyOf(ctx.db, "audit", id) : [], today: ctx.today };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "report") {
    return submit(
      formData,
      AuditReportSchema,
      (value) => {
        reportAudit(ctx, id, value);
        return redirectWithFlash(`/audits/${id}`, { key: "audits.stepDone.report" });
      },
      { intent: "report" },
    );
  }
  if (intent === "copy") {
    return submit(
      formData,
      AuditCopySchema,
      (value) => {
        const copy = copyAudit(ctx, id, value);
        return redirectWithFlash(`/audits/${copy.id}`, { key: "audits.copied" });
      },
      { intent: "copy" },
    );
  }
  const steps = { start: startAudit, close: closeAudit, reopen: reopenAudit } as const;
  if (intent !== "start" && intent !== "close" && intent !== "reopen") throw new Response("errors.badRequest", { status: 400 });
  // A step refused by its guard comes back as a message on the page; not found / forbidden go to the error page.
  return step(`/audits/${id}`, () => steps[intent](ctx, id), { key: `audits.stepDone.${intent}` });
});

function ReportForm({ lastResult, today }: { lastResult: FormReply | undefined; today: string }) {
  const t = useT();
  const [form, fields] = useSchemaForm(AuditReportSchema, {
    id: "report",
    lastResult,
    defaultValue: { reportedOn: dayToInput(today) },
  });
  return (
    <Form method="post" className="stack card no-print" {...getFormProps(form)}>
      <h2>{t("audits.step.report")}</h2>
      <p className="muted">{t("audits.reportPrompt")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="report" />
      <DateField field={fields.reportedOn} label={t("audits.reportedOn")} />
      <TextAreaField field={fields.conclusion} label={t("audits.conclusion")} rows={5} />
      <div className="actions">
        <button type="submit" className="primary">
          {t("audits.step.report")}
        </button>
      </div>
    </Form>
  );
}

function CopyForm({ lastResult }: { lastResult: FormReply | undefined }) {
  const t = useT();
  const [form, fields] = useSchemaForm(AuditCopySchema, {
    id: "copy",
    lastResult,
  });
  return (
    <Form method="post" className="stack card no-print" {...getFormProps(form)}>
      <h2>{t("audits.copy")}</h2>
      <p className="muted">{t("audits.copyIntro")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="copy" />
      <div className="row">
        <DateField field={fields.startOn} label={t("audits.startOn")} />
        <DateField field={fields.endOn} label={t("audits.endOn")} />
      </div>
      <div className="actions">
        <SubmitButton className="secondary">{t("audits.copy")}</SubmitButton>
      </div>
    </Form>
  );
}

export default function AuditPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: string) => replyFor(actionData, intent);
  const { audit, can } = d;
  const grade = (f: { gradeVi: string; gradeEn: string }) => (lang === "en" ? f.gradeEn : f.gradeVi);
  return (
    <article className="audit-page">
      <header className="print-only print-head">
        <div>
          <p className="print-issuer">{d.unit.name.toUpperCase()}</p>
          <p>{t("audits.programme", { year: d.programme.year })}</p>
        </div>
        <p className="muted">{t("audits.printedOn", { date: formatDate(d.today) })}</p>
      </header>
      <div className="page-head">
        <h1>
          <span className="print-only">{t("audits.summary")}: </span>
          {audit.title}
        </h1>
        <div className="actions no-print">
          <AuditStatusBadge status={audit.status} />
          {can.edit ? (
            <Link className="button secondary" to={`/audits/${audit.id}/edit`}>
              {t("action.edit")}
            </Link>
          ) : null}
          {can.fill || can.addQuestion ? (
            <Link className="button primary" to={`/audits/${audit.id}/checklist`}>
              {t("audits.fillChecklist")}
            </Link>
          ) : null}
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t("audits.print")}
          </button>
          {d.pdf ? <RecordPdfButton kind="audit" subjectId={audit.id} /> : null}
        </div>
      </div>
      {!can.readUnit ? <p className="alert alert-warn no-print">{t("audits.notOnTeamNote")}</p> : null}
      {can.steps.filter((s) => s !== "report").length ? (
        <div className="actions card no-print">
          {can.steps
            .filter((s) => s !== "report")
            .map((s) => (
              <Form method="post" key={s}>
                <input type="hidden" name="intent" value={s} />
                <button type="submit" className={s === "start" || s === "close" ? "primary" : "secondary"}>
                  {t(`audits.step.${s}`)}
                </button>
              </Form>
            ))}
        </div>
      ) : null}
      {can.steps.includes("report") ? <ReportForm lastResult={resultFor("report")} today={d.today} /> : null}

      <dl className="dl dl-stack card">
        <dt>{t("audits.unit")}</dt>
        <dd>{d.unit.name}</dd>
        <dt>{t("audits.status")}</dt>
        <dd>
          <AuditStatusBadge status={audit.status} />
        </dd>
        <dt>{t("audits.programmeLink")}</dt>
        <dd>{can.readUnit ? <Link to={`/audits/programme?unit=${audit.unitId}&year=${d.programme.year}`}>{d.programme.year}</Link> : d.programme.year}</dd>
        <dt>{t("audits.dates")}</dt>
        <dd>
          {formatDate(audit.startOn)} – {formatDate(audit.endOn)}
        </dd>
        <dt>{t("audits.lead")}</dt>
        <dd>
          {d.lead.fullName}
          {d.lead.title ? `, ${d.lead.title}` : ""} ({d.lead.unitName})
        </dd>
        <dt>{t("audits.team")}</dt>
        <dd>{d.team.length ? d.team.map((m) => `${m.fullName} (${m.unitName})`).join("; ") : "—"}</dd>
        {audit.objectives ? (
          <>
            <dt>{t("audits.objectives")}</dt>
            <dd className="prewrap">{audit.objectives}</dd>
          </>
        ) : null}
        <dt>{t("audits.clauses")}</dt>
        <dd>{d.clauses.length ? d.clauses.map((c) => `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}`).join("; ") : "—"}</dd>
        <dt>{t("audits.processes")}</dt>
        <dd>{d.processes.length ? d.processes.map((p) => processLabel(p)).join("; ") : t("audits.noProcesses")}</dd>
        {d.copiedFrom ? (
          <>
            <dt>{t("audits.copiedFrom")}</dt>
            <dd>
              <Link to={`/audits/${d.copiedFrom.id}`}>{d.copiedFrom.title}</Link>
            </dd>
          </>
        ) : null}
        {audit.reportedOn ? (
          <>
            <dt>{t("audits.reportedOn")}</dt>
            <dd>{formatDate(audit.reportedOn)}</dd>
          </>
        ) : null}
      </dl>

      {audit.conclusion ? (
        <section className="card" aria-labelledby="conclusion-title">
          <h2 id="conclusion-title">{t("audits.conclusion")}</h2>
          <p className="prewrap">{audit.conclusion}</p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="counts-title">
        <h2 id="counts-title">{t("audits.summaryCounts")}</h2>
        <p>{t("audits.counts", d.counts)}</p>
      </section>

      <section aria-labelledby="findings-title" id="findings">
        <h2 id="findings-title">{t("audits.findings")}</h2>
        {d.pendingNc.length ? (
          <div className="alert alert-warn">
            <p>
              <strong>{t("audits.pendingNc.title")}</strong>
            </p>
            <ul>
              {d.pendingNc.map((p) => (
                <li key={p.id}>
                  {p.clauseCode ? `${p.clauseCode} · ` : ""}
                  {p.question} {d.can.fill ? <Link to={`/audits/${audit.id}/items/${p.id}/finding`}>{t("audits.pendingNc.open")}</Link> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {d.findings.length === 0 && d.pendingNc.length === 0 ? (
          <p className="muted">{t("audits.noFindings")}</p>
        ) : d.findings.length === 0 ? null : (
          <TableWrap label={t("audits.findings")}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("findings.grade")}</th>
                  <th scope="col">{t("findings.clause")}</th>
                  <th scope="col">{t("findings.description")}</th>
                  <th scope="col">{t("findings.status")}</th>
                </tr>
              </thead>
              <tbody>
                {d.findings.map((f) => (
                  <tr key={f.id}>
                    <td data-label={t("findings.grade")}>
                      <GradeBadge code={f.gradeCode} label={grade(f)} />
                    </td>
                    <td data-label={t("findings.clause")}>{f.clauseCode ?? "—"}</td>
                    <td data-label={t("findings.description")}>
                      <Link to={`/findings/${f.id}`}>{f.description}</Link>
                      {f.evidence ? <p className="muted small">{f.evidence}</p> : null}
                    </td>
                    <td data-label={t("findings.status")}>{t(`findings.status.${f.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t("audits.checklist")}</h2>
        <p className="muted">{t("audits.answered", { answered: d.items.length - d.unanswered, total: d.items.length })}</p>
        <TableWrap label={t("audits.checklist")}>
          <table className="responsive checklist-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("findings.clause")}</th>
                <th scope="col">{t("audits.question")}</th>
                <th scope="col">{t("audits.result")}</th>
                <th scope="col">{t("audits.notes")}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i, n) => (
                <tr key={i.id}>
                  <td data-label="#">{n + 1}</td>
                  <td data-label={t("findings.clause")}>{i.kind === "process" ? t("audits.kind.process") : (i.clauseCode ?? t("audits.kind.custom"))}</td>
                  <td data-label={t("audits.question")}>{i.question}</td>
                  <td data-label={t("audits.result")}>
                    <ResultBadge result={i.result} />
                  </td>
                  <td data-label={t("audits.notes")}>
                    {i.notes ? <span className="prewrap">{i.notes}</span> : null}
                    {i.evidence.length ? (
                      <ul className="plain no-print">
                        {i.evidence.map((e) => (
                          <li key={e.fileId}>
                            <a href={`/files/${e.fileId}`}>{e.name}</a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {i.findings.map((f) => (
                      <p key={f.id}>
                        <Link to={`/findings/${f.id}`}>
                          <GradeBadge code={f.gradeCode} label={grade(f)} />
                        </Link>
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <div className="print-only print-signatures">
        <div>
          <p className="sign-title">{t("audits.unitSign")}</p>
        </div>
        <div>
          <p className="sign-title">{t("audits.leadSign")}</p>
          <p className="sign-name">{d.lead.fullName}</p>
        </div>
      </div>

      {can.copy && (audit.status === "reported" || audit.status === "closed") ? <CopyForm lastResult={resultFor("copy")} /> : null}
      {can.readUnit ? (
        <div className="no-print">
          <History entries={d.history} />
        </div>
      ) : null}
    </article>
  );
}
