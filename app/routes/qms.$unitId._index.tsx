import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listQmsRecords } from "~/modules/qms-records/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";

export const meta: MetaFunction = () => [{ title: "Hồ sơ HTQLCL · ISO Xã" }];

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const unitId = idParam(params.unitId);
  return listQmsRecords(ctx.db, ctx.actor, unitId);
});

export default function UnitQms() {
  const { unit, reviews, confirmations, announcements, can } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/qms">← {t("qms.title")}</Link>
      </p>
      <h1>{t("qms.unitTitle", { unit: unit.name })}</h1>
      <section className="card" aria-labelledby="ann-title">
        <div className="page-head">
          <h2 id="ann-title">{t("qms.announcements")}</h2>
          {can.write ? (
            <Link className="button secondary" to={`/qms/${unit.id}/announce`}>
              {t("qms.newAnnouncement")}
            </Link>
          ) : null}
        </div>
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
