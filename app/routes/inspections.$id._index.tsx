import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GradeBadge } from "~/components/audits/status";
import { History } from "~/components/history";
import { RecordPdfButton } from "~/components/record-pdf-button";
import { can as allowed } from "~/modules/permissions";
import { getInspectionDetail } from "~/modules/inspections/queries.server";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
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

export default function InspectionPage() {
  const { inspection: i, unit, byUnitName, team, findings, minutesFile, defaultDueOn, can, canPdf, history } = useLoaderData<typeof loader>();
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
