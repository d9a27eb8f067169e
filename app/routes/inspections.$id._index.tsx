import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { useSchemaForm } from "~/components/use-schema-form";
import { recordReportBack } from "~/modules/inspections/save.server";
import { ReportBackSchema } from "~/modules/inspections/schema";
import { redirectWithFlash } from "~/http/flash.server";
import { GradeBadge } from "~/components/audits/status";
import { History } from "~/components/history";
import { RecordPdfButton } from "~/components/record-pdf-button";
import { can as allowed } from "~/modules/permissions";
import { getInspectionDetail } from "~/modules/inspections/queries.server";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { useLang, useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("title.inspections.$id._index", { number: data?.inspection.decisionNumber ?? "" }));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return { ...getInspectionDetail(ctx, id), canPdf: allowed(ctx.actor, "reports.generate"), history: historyOf(ctx.db, "inspection", id) };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), ReportBackSchema, (value) => {
    recordReportBack(ctx, id, value);
    return redirectWithFlash(`/inspections/${id}`, { key: "inspections.reportBackSaved" });
  });
});

function ReportBackForm({ reportedOn, note }: { reportedOn: string | null; note: string | null }) {
  const t = useT();
  const [form, fields] = useSchemaForm(ReportBackSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { reportedOn: formatDate(reportedOn), note: note ?? "" },
  });
  return (
    <Form method="post" className="stack sub-form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField field={fields.reportedOn} label={t("inspections.reportedBackOn")} hint="dd/mm/yyyy" />
      <TextAreaField field={fields.note} label={t("inspections.reportBackNote")} rows={2} />
      <div className="actions">
        <SubmitButton className="secondary">{t("inspections.recordReportBack")}</SubmitButton>
      </div>
    </Form>
  );
}

export default function InspectionPage() {
  const { inspection: i, unit, byUnitName, team, findings, minutesFile, defaultDueOn, can, canPdf, history, reportBack } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p>
        <Link to="/inspections">← {t("inspections.title")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("inspections.detail", { number: i.decisionNumber })}</h1>
        <div className="actions">
          <a className="button secondary" href={`/inspections/${i.id}/dossier`} download>
            {t("dossiers.download")}
          </a>
          {canPdf ? <RecordPdfButton kind="minutes" subjectId={i.id} /> : null}
        </div>
      </div>
      <dl className="dl dl-stack card">
        <dt>{t("inspections.unit")}</dt>
        <dd>{unit.name}</dd>
        <dt>{t("inspections.byUnit")}</dt>
        <dd>{byUnitName}</dd>
        <dt>{t("inspections.decisionOn")}</dt>
        <dd>{formatDate(i.decisionOn)}</dd>
        <dt>{t("inspections.method")}</dt>
        <dd>{t(`inspections.method.${i.method}`)}</dd>
        <dt>{t("inspections.plannedOn")}</dt>
        <dd>{formatDate(i.plannedOn) || "—"}</dd>
        <dt>{t("inspections.team")}</dt>
        <dd>
          {team.map((m) => (
            <span key={m.id} className="block">
              {m.fullName}
              {m.title ? `, ${m.title}` : ""}
              {m.isLead ? ` (${t("inspections.lead")})` : ""}
            </span>
          ))}
        </dd>
      </dl>
      <section className="card" aria-labelledby="minutes-title">
        <div className="page-head">
          <h2 id="minutes-title">{t("inspections.minutes")}</h2>
          {can.minutes ? (
            <Link className="button secondary" to={`/inspections/${i.id}/minutes`}>
              {i.minutesSignedOn ? t("inspections.editMinutes") : t("inspections.recordMinutes")}
            </Link>
          ) : null}
        </div>
        {i.minutesSignedOn ? (
          <>
            <p>
              <strong>{t("inspections.signedOn")}:</strong> {formatDate(i.minutesSignedOn)}
            </p>
            {defaultDueOn ? <p className="alert alert-warn">{t("inspections.dueRule", { date: formatDate(defaultDueOn) })}</p> : null}
            <p className="prewrap">{i.minutesSummary}</p>
            {minutesFile ? (
              <p>
                <a href={`/files/${minutesFile.id}`}>{minutesFile.name}</a>
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("inspections.noMinutes")}</p>
        )}
      </section>
      {i.minutesSignedOn ? (
        <section className="card" aria-labelledby="report-back-title">
          <h2 id="report-back-title">{t("inspections.reportBack")}</h2>
          <p>
            {t(`inspections.reportBack.${reportBack}`, { due: formatDate(i.reportDueOn), on: formatDate(i.reportedBackOn) })}{" "}
            {reportBack === "late" ? <span className="badge badge-bad">{t("findings.overdue")}</span> : null}
            {reportBack === "on_time" ? <span className="badge badge-ok">{t("inspections.reportBack.ok")}</span> : null}
          </p>
          {i.reportBackNote ? <p className="prewrap">{i.reportBackNote}</p> : null}
          {can.reportBack ? <ReportBackForm reportedOn={i.reportedBackOn} note={i.reportBackNote} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="ifindings-title">
        <div className="page-head">
          <h2 id="ifindings-title">{t("inspections.findings")}</h2>
          {can.addFinding ? (
            <Link className="button primary" to={`/inspections/${i.id}/findings/new`}>
              {t("inspections.addFinding")}
            </Link>
          ) : can.minutes ? (
            <p className="muted">{t("inspections.minutesFirstNote")}</p>
          ) : null}
        </div>
        {findings.length === 0 ? (
          <p className="muted">{t("audits.noFindings")}</p>
        ) : (
          <TableWrap label={t("inspections.findings")}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("findings.grade")}</th>
                  <th scope="col">{t("findings.description")}</th>
                  <th scope="col">{t("findings.clause")}</th>
                  <th scope="col">{t("findings.actionDueOn")}</th>
                  <th scope="col">{t("findings.status")}</th>
                </tr>
              </thead>
              <tbody>
                {findings.map((f) => (
                  <tr key={f.id}>
                    <td data-label={t("findings.grade")}>
                      <GradeBadge code={f.gradeCode} label={lang === "en" ? f.gradeEn : f.gradeVi} />
                    </td>
                    <td data-label={t("findings.description")}>
                      <Link to={`/findings/${f.id}`}>{f.description}</Link>
                    </td>
                    <td data-label={t("findings.clause")}>{f.clauseCode ?? "—"}</td>
                    <td data-label={t("findings.actionDueOn")}>{formatDate(f.actionDueOn)}</td>
                    <td data-label={t("findings.status")}>{t(`findings.status.${f.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <History entries={history} />
    </>
  );
}
