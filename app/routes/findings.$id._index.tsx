import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaStatusBadge } from "~/components/ca-status";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { useSchemaForm } from "~/components/use-schema-form";
import { setFindingDue } from "~/modules/findings/due.server";
import { FindingDueSchema } from "~/modules/findings/schema";
import { redirectWithFlash } from "~/http/flash.server";
import { GradeBadge } from "~/components/audits/status";
import { History } from "~/components/history";
import { getFindingDetail } from "~/modules/findings/queries.server";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { hasMessage } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/lib/time";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(metaT(matches)("title.findings.$id._index", { id: data?.finding.id ?? "" }));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const d = getFindingDetail(ctx, id);
  return { ...d, history: historyOf(ctx.db, "finding", id) };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), FindingDueSchema, (value) => {
    setFindingDue(ctx, id, value);
    return redirectWithFlash(`/findings/${id}`, { key: "findings.dueMoved" });
  });
});

function DueForm({ current }: { current: string | null }) {
  const t = useT();
  const [form, fields] = useSchemaForm(FindingDueSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { dueOn: formatDate(current), reason: "" },
  });
  return (
    <details className="card" open={!!form.errors?.length || !!fields.reason.errors?.length || !!fields.dueOn.errors?.length}>
      <summary>{t("findings.moveDue")}</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.dueOn} label={t("findings.actionDueOn")} hint="dd/mm/yyyy" />
        <TextAreaField field={fields.reason} label={t("findings.dueReason")} hint={t("findings.dueReasonHint")} rows={2} />
        <div className="actions">
          <SubmitButton className="secondary">{t("action.save")}</SubmitButton>
        </div>
      </Form>
    </details>
  );
}

export default function FindingPage() {
  const { finding, unit, grade, clause, raisedBy, audit, inspection, history, actions, overdue, ruleDueOn, canMoveDue } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="page-head">
        <h1>{t("findings.detailTitle", { id: finding.id })}</h1>
        <GradeBadge code={grade.code} label={lang === "en" ? grade.nameEn : grade.nameVi} />
      </div>
      <p className="lead-text">{finding.description}</p>
      <dl className="dl dl-stack card">
        <dt>{t("findings.unit")}</dt>
        <dd>{unit.name}</dd>
        <dt>{t("findings.source")}</dt>
        <dd>{t(`findings.source.${finding.source}`)}</dd>
        <dt>{t("findings.grade")}</dt>
        <dd>
          {lang === "en" ? grade.nameEn : grade.nameVi} ·{" "}
          <span className="muted">{grade.requiresAction ? t("findings.requiresAction") : t("findings.noActionNeeded")}</span>
        </dd>
        <dt>{t("findings.clause")}</dt>
        <dd>{clause ? `${clause.code} ${lang === "en" ? clause.titleEn : clause.titleVi}` : "—"}</dd>
        <dt>{t("findings.evidence")}</dt>
        <dd className="prewrap">{finding.evidence ?? "—"}</dd>
        <dt>{t("findings.foundOn")}</dt>
        <dd>{formatDate(finding.foundOn)}</dd>
        <dt>{t("findings.actionDueOn")}</dt>
        <dd>
          {formatDate(finding.actionDueOn) || "—"} {overdue ? <span className="badge badge-bad">{t("findings.overdue")}</span> : null}
          <br />
          <span className="muted small">
            {finding.source === "inspection"
              ? t("findings.dueRule.inspection", { due: formatDate(ruleDueOn) })
              : t("findings.dueRule.policy", { due: formatDate(ruleDueOn) })}
          </span>
          {finding.dueReason ? (
            <>
              <br />
              {t("findings.dueReason")}: <span className="prewrap">{finding.dueReason}</span>
            </>
          ) : null}
        </dd>
        <dt>{t("findings.status")}</dt>
        <dd>
          {t(`findings.status.${finding.status}`)}
          {finding.closedAt ? ` · ${formatDateTime(finding.closedAt)}` : ""}
          {finding.closeNote ? ` · ${hasMessage(finding.closeNote) ? t(finding.closeNote) : finding.closeNote}` : ""}
        </dd>
        <dt>{t("findings.raisedBy")}</dt>
        <dd>{raisedBy ? `${raisedBy.fullName}${raisedBy.title ? `, ${raisedBy.title}` : ""}` : "—"}</dd>
        <dt>{t("findings.origin")}</dt>
        <dd>
          {audit ? (
            <>
              {t("findings.fromAudit")}: <Link to={`/audits/${audit.id}`}>{audit.title}</Link>
              {audit.itemId ? (
                <>
                  <br />
                  {t("findings.fromItem")}: <Link to={`/audits/${audit.id}/checklist#item-${audit.itemId}`}>{audit.question}</Link>
                </>
              ) : null}
            </>
          ) : inspection ? (
            <>
              {t("findings.fromInspection")}:{" "}
              <Link to={`/inspections/${inspection.id}`}>
                {t("findings.decision", { number: inspection.decisionNumber, date: formatDate(inspection.decisionOn) })}
              </Link>
              {inspection.minutesSignedOn ? ` · ${t("inspections.signedOn")}: ${formatDate(inspection.minutesSignedOn)}` : ""}
            </>
          ) : (
            t(`findings.source.${finding.source}`)
          )}
        </dd>
      </dl>

      {/* ── Corrective actions: the corrective-actions area inserts its summary here (routes /findings/:id/actions…). ── */}
      <section className="card corrective-actions-slot" aria-labelledby="ca-title" data-slot="corrective-actions-summary">
        <h2 id="ca-title">{t("findings.caTitle")}</h2>
        {actions.length ? (
          <ul className="plain">
            {actions.map((a) => (
              <li key={a.id}>
                <Link to={`/corrective-actions/${a.id}`}>
                  #{a.id} {a.description}
                </Link>{" "}
                <CaStatusBadge status={a.status} overdue={false} /> · {a.ownerName} · {t("ca.dueOn")}: {formatDate(a.dueOn)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("findings.caPlaceholder")}</p>
        )}
        <p>
          <Link className="button secondary" to={`/findings/${finding.id}/actions`}>
            {t("findings.caLink")}
          </Link>
        </p>
      </section>
      {/* ── end of corrective-actions slot ── */}
      {canMoveDue ? <DueForm current={finding.actionDueOn} /> : null}

      <History entries={history} />
    </>
  );
}
