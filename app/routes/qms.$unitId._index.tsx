import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { scopeState } from "~/modules/qms-records/announcement.server";
import { listQmsRecords } from "~/modules/qms-records/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.qms.$unitId._index");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const unitId = idParam(params.unitId);
  const records = listQmsRecords(ctx, unitId);
  return { ...records, reannouncementDue: scopeState(ctx.db, records.unit.id).due };
});

export default function UnitQms() {
  const { unit, reviews, confirmations, announcements, can, reannouncementDue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/qms">← {t("qms.title")}</Link>
      </p>
      <h1>{t("qms.unitTitle", { unit: unit.name })}</h1>
      <p>
        {/* A document load: the public page is plain HTML (no scripts to carry over). */}
        <a href={`/cong-khai/${encodeURIComponent(unit.code)}`}>{t("public.openPage")}</a>
      </p>
      <section className="card" aria-labelledby="ann-title">
        <div className="page-head">
          <h2 id="ann-title">{t("qms.announcements")}</h2>
          <div className="actions">
            <Link className="button primary" to={`/qms/${unit.id}/announcement`}>
              {t("announce.open")}
            </Link>
            {can.write ? (
              <Link className="button secondary" to={`/qms/${unit.id}/announce`}>
                {t("qms.newAnnouncement")}
              </Link>
            ) : null}
          </div>
        </div>
        {reannouncementDue ? (
          <p className="alert alert-warn" role="note">
            {t("announce.dueShort")} <Link to={`/qms/${unit.id}/announcement`}>{t("announce.open")}</Link>
          </p>
        ) : null}
        {announcements.length === 0 ? (
          <p className="muted">{t("qms.none")}</p>
        ) : (
          <ul className="plain records">
            {announcements.map((a) => (
              <li key={a.id}>
                <strong>
                  {t(`qms.kind.${a.kind}`)} · {a.decisionNumber} · {formatDate(a.decidedOn)}
                </strong>
                <p className="prewrap">{a.scope}</p>
                <p className="muted">
                  {a.notifiedOn ? `${t("qms.notifiedOn")}: ${formatDate(a.notifiedOn)}. ` : ""}
                  {a.postedOn ? `${t("qms.postedOn")}: ${formatDate(a.postedOn)}.` : ""}
                  {a.fileId ? (
                    <>
                      {" "}
                      <a href={`/files/${a.fileId}`}>{a.fileName}</a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="rev-title">
        <div className="page-head">
          <h2 id="rev-title">{t("qms.reviews")}</h2>
          {can.write ? (
            <Link className="button secondary" to={`/qms/${unit.id}/review`}>
              {t("qms.newReview")}
            </Link>
          ) : null}
        </div>
        {reviews.length === 0 ? (
          <p className="muted">{t("qms.none")}</p>
        ) : (
          <ul className="plain records">
            {reviews.map((r) => (
              <li key={r.id}>
                <strong>
                  {formatDate(r.heldOn)} · {t("qms.chairedBy")}: {r.chairedBy}
                </strong>
                {r.participants ? <p className="muted">{r.participants}</p> : null}
                <p className="prewrap">
                  <em>{t("qms.inputs")}:</em> {r.inputs}
                </p>
                <p className="prewrap">
                  <em>{t("qms.decisions")}:</em> {r.decisions}
                </p>
                {r.fileId ? <a href={`/files/${r.fileId}`}>{r.fileName}</a> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="conf-title">
        <div className="page-head">
          <h2 id="conf-title">{t("qms.confirmations")}</h2>
          {can.confirm ? (
            <Link className="button primary" to={`/qms/${unit.id}/confirm`}>
              {t("qms.confirm")}
            </Link>
          ) : null}
        </div>
        {confirmations.length === 0 ? (
          <p className="muted">{t("qms.none")}</p>
        ) : (
          <ul className="plain records">
            {confirmations.map((c) => (
              <li key={c.id}>
                <strong>
                  {formatDate(c.confirmedOn)} · {c.signedName}
                  {c.signedTitle ? `, ${c.signedTitle}` : ""}
                  {c.documentNumber ? ` · ${c.documentNumber}` : ""}
                </strong>
                <p className="prewrap">{c.statement}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
