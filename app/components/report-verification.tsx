import { reportStanding, type Verification } from "~/modules/reports/rules";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/lib/time";
import { formatNumber } from "~/lib/locale";

/** The answer of the verification page: genuine (which report) or not found; never who made it. */
export function VerificationResult({ v }: { v: Verification }) {
  const t = useT();
  if (v.by === "invalid")
    return (
      <div className="alert alert-error" role="alert">
        {t("reports.verify.bad")}
      </div>
    );
  const r = v.report;
  return (
    <div className={`alert ${r ? "alert-success" : "alert-error"}`} role="status" aria-live="polite">
      <p>
        <strong>{r ? (v.by === "code" ? t("reports.verify.codeFound") : t("reports.verify.genuine")) : t("reports.verify.notFound")}</strong>
      </p>
      {v.by !== "code" ? (
        <p>
          {t("reports.verify.checkedHash")}: <code className="hash">{v.sha256}</code>
        </p>
      ) : null}
      {r ? (
        <dl className="dl">
          <dt>{t("reports.kind")}</dt>
          <dd>{t(`reports.kind.${r.kind}`)}</dd>
          <dt>{t("reports.unit")}</dt>
          <dd>{r.unitName}</dd>
          <dt>{t("reports.period")}</dt>
          <dd>{r.periodKey}</dd>
          <dt>{t("reports.origin")}</dt>
          <dd>{t(`reports.origin.${r.trigger}`)}</dd>
          {reportStanding(r) ? (
            <>
              <dt>{t("reports.standing")}</dt>
              <dd>
                {reportStanding(r) === "issued" ? t("reports.standing.issued", { number: r.issueNumber ?? "" }) : t(`reports.standing.${reportStanding(r)}`)}
              </dd>
            </>
          ) : null}
          <dt>{t("reports.finishedAt")}</dt>
          <dd>{formatDateTime(r.finishedAt ?? r.createdAt)}</dd>
          <dt>{t("reports.verifyCode")}</dt>
          <dd>
            <code>{r.verifyCode}</code>
          </dd>
          <dt>{t("reports.sha256")}</dt>
          <dd>
            <code className="hash">{r.sha256}</code>
          </dd>
          <dt>{t("reports.size")}</dt>
          <dd>{t("reports.bytes", { n: formatNumber(r.size) })}</dd>
          <dt>{r.signer ? t("reports.signedBy") : t("reports.unsigned")}</dt>
          <dd>
            {r.signer ?? "—"}
            {r.signerDemo ? ` (${t("reports.signedDemo")})` : ""}
          </dd>
          {r.trailAt ? (
            <>
              <dt>{t("reports.verify.trailAt")}</dt>
              <dd>
                {t("reports.verify.trailRow", { n: formatNumber(r.trailAt.lastId) })} · <code className="hash">{r.trailAt.head}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
