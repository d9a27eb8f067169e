import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { RecordPdfButton } from "~/components/record-pdf-button";
import { ReportStatusBadge } from "~/components/report-status";
import { can } from "~/modules/permissions";
import { recordPath } from "~/modules/reports/rules";
import { produceDepsFor } from "~/modules/reports/deps.server";
import { drainQueue } from "~/modules/reports/produce.server";
import { getReportInScopeOrThrow } from "~/modules/reports/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { jobLabel } from "~/i18n";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/lib/time";
import { formatNumber } from "~/lib/locale";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.reports.$id._index");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const r = getReportInScopeOrThrow(ctx, idParam(params.id));
  // A waiting report is (re)started by whoever looks at it: after a restart the queue resumes on the next poll.
  if (r.status === "queued" || r.status === "running") void drainQueue(ctx.db, produceDepsFor(request));
  const { unitPath: _p, file: _f, ...report } = r;
  return { report, canGenerate: can(ctx.actor, "reports.generate") };
});

export default function ReportDetail() {
  const { report: r, canGenerate } = useLoaderData<typeof loader>();
  const t = useT();
  const revalidator = useRevalidator();
  const waiting = r.status === "queued" || r.status === "running";
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [waiting, revalidator]);
  return (
    <>
      <p>
        <Link to="/reports">← {t("reports.title")}</Link>
      </p>
      <h1>{t("reports.detail", { id: r.id })}</h1>
      <div className="card">
        <h2 className="report-kind">{t(`reports.kind.${r.kind}`)}</h2>
        <p>
          {r.unitName} · {r.periodKey}
          {recordPath(r.kind, r.subjectId) ? (
            <>
              {" · "}
              <Link to={recordPath(r.kind, r.subjectId)!}>{t("reports.record.open")}</Link>
            </>
          ) : null}
        </p>
        {r.standing === "issued" ? (
          <p>
            <strong>{t("reports.standing.issued", { number: r.issueNumber ?? "" })}</strong>
          </p>
        ) : r.standing ? (
          <p className="alert alert-warn">{t(`reports.standing.${r.standing}`)}</p>
        ) : null}
        <div role="status" aria-live="polite" className="report-status">
          <ReportStatusBadge status={r.status} />{" "}
          {waiting ? (
            <>
              <span className="spinner" aria-hidden="true" /> {t(r.progress ?? "reports.progress.queued")} <span className="muted">{t("reports.waiting")}</span>
            </>
          ) : r.status === "done" ? (
            t("reports.ready")
          ) : (
            t("reports.failedHint")
          )}
        </div>
        {r.status === "done" ? (
          <p>
            <a className="button primary" href={`/reports/${r.id}/pdf`} download>
              {t("reports.download")}
            </a>
          </p>
        ) : null}
        {r.status === "failed" ? (
          <>
            <pre className="json">{r.error}</pre>
            {canGenerate && r.subjectId && (r.kind === "audit" || r.kind === "action" || r.kind === "minutes") ? (
              <RecordPdfButton kind={r.kind} subjectId={r.subjectId} />
            ) : canGenerate && r.kind !== "announcement" ? (
              <Link className="button secondary" to={`/reports/new?kind=${r.kind}&unitId=${r.unitId}&period=${encodeURIComponent(r.periodKey)}`}>
                {t("reports.again")}
              </Link>
            ) : null}
          </>
        ) : null}
      </div>
      <dl className="dl card">
        <dt>{t("reports.origin")}</dt>
        <dd>{t(`reports.origin.${r.trigger}`)}</dd>
        <dt>{t("reports.madeBy")}</dt>
        <dd>{r.trigger === "schedule" ? t("reports.job", { name: jobLabel(t, r.jobName ?? "") }) : (r.requestedBy ?? "")}</dd>
        <dt>{t("reports.createdAt")}</dt>
        <dd>{formatDateTime(r.createdAt)}</dd>
        {r.finishedAt ? (
          <>
            <dt>{t("reports.finishedAt")}</dt>
            <dd>{formatDateTime(r.finishedAt)}</dd>
          </>
        ) : null}
        <dt>{t("reports.verifyCode")}</dt>
        <dd>
          <code>{r.verifyCode}</code>
        </dd>
        {r.sha256 ? (
          <>
            <dt>{t("reports.sha256")}</dt>
            <dd>
              <code className="hash">{r.sha256}</code>
            </dd>
            <dt>{t("reports.size")}</dt>
            <dd>
              {t("reports.bytes", { n: formatNumber(r.size ?? 0) })} · {t("reports.pages")}: {r.pages}
            </dd>
            {r.signer ? (
              <>
                <dt>{t("reports.signedBy")}</dt>
                <dd>
                  {r.signer}
                  {r.signerDemo ? ` (${t("reports.signedDemo")})` : null}
                </dd>
              </>
            ) : r.status === "done" ? (
              <>
                <dt>{t("reports.unsigned")}</dt>
                <dd>{t(r.unsignedReason ?? "reports.unsigned.noCertificate")}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
    </>
  );
}
