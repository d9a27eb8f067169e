import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ClockFlags, DocumentStatusBadge, RevisionBadge } from "~/components/documents/badges";
import { History } from "~/components/history";
import { getDocumentDetail } from "~/modules/documents/queries.server";
import { isHistorical, isPending, mayTakeStep } from "~/modules/documents/rules";
import { can } from "~/modules/permissions";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { approversFor } from "~/modules/notifications/events.server";
import { useLang, useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.doc.code ?? metaT(matches)("title.documents.$id._index"));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const detail = getDocumentDetail(ctx, id);
  const pending = detail.revisions.find((r) => isPending(r.status));
  return {
    ...detail,
    pendingId: pending?.id ?? null,
    approvers: pending?.status === "in_review" ? approversFor(ctx, detail.doc.unitId, pending.draftedById) : null,
    // The flash after saving a draft says "submit it for review": the button is here too, not only on its page.
    canSubmitPending: !!pending && mayTakeStep(ctx.actor, "submit", detail.doc, pending, ctx.today),
    history: historyOf(ctx.db, "document", id),
    can: {
      draft: can(ctx.actor, "documents.draft") && detail.doc.status !== "obsolete",
      review: can(ctx.actor, "documents.review") && detail.doc.status === "effective",
      withdraw: can(ctx.actor, "documents.approve") && detail.doc.status !== "obsolete",
      publish: can(ctx.actor, "documents.draft") && detail.doc.status !== "obsolete",
    },
  };
});

export default function DocumentPage() {
  const { doc, clauses, procedures, people, reviews, legal, revisions, clock, withdrawnBy, pendingId, canSubmitPending, history, can, approvers } =
    useLoaderData<typeof loader>();
  const pending = revisions.find((r) => r.id === pendingId);
  const t = useT();
  const lang = useLang();
  const person = (name: string | null, at: number | null) => (name && at ? t("documents.by", { name, at: formatDateTime(at) }) : "—");
  return (
    <>
      <p>
        <Link to="/documents">← {t("documents.back")}</Link>
      </p>
      <div className="page-head">
        <h1>
          {doc.code} · {doc.title}
        </h1>
        <div className="actions">
          {can.draft ? (
            <Link className="button secondary" to={`/documents/${doc.id}/edit`}>
              {t("action.edit")}
            </Link>
          ) : null}
          {can.draft && !pendingId ? (
            <Link className="button primary" to={`/documents/${doc.id}/revisions/new`}>
              {t("documents.newRevision")}
            </Link>
          ) : null}
          {pendingId ? (
            <Link className={`button ${canSubmitPending ? "secondary" : "primary"}`} to={`/documents/${doc.id}/revisions/${pendingId}`}>
              {t("documents.pendingRevision")}
            </Link>
          ) : null}
          {canSubmitPending ? (
            <Form method="post" action={`/documents/${doc.id}/revisions/${pendingId}`}>
              <input type="hidden" name="intent" value="submit" />
              <button type="submit" className="primary">
                {t("documents.submit")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {approvers ? (
        <p className="alert" role="status">
          {approvers.length
            ? t("documents.approvers.waiting", { names: approvers.map((a) => (a.title ? `${a.name} (${a.title})` : a.name)).join(", ") })
            : t("documents.approvers.none")}
        </p>
      ) : null}
      {doc.status === "obsolete" ? (
        <div className="alert alert-historical" role="note">
          <p>
            <strong>{t("documents.notice.obsolete", { day: formatDate(doc.withdrawnAt) })}</strong>
          </p>
          {withdrawnBy ? <p>{t("documents.withdrawnBy", { name: withdrawnBy, day: formatDate(doc.withdrawnAt), reason: doc.withdrawReason ?? "" })}</p> : null}
        </div>
      ) : null}
      <section className="card" aria-labelledby="info-title">
        <h2 id="info-title" className="visually-hidden">
          {t("documents.info")}
        </h2>
        <dl className="dl dl-stack">
          <dt>{t("documents.status")}</dt>
          <dd>
            {/* A first revision under review or approved for a later day says so, not "draft". */}
            {doc.status === "draft" && pending && pending.status !== "draft" ? null : <DocumentStatusBadge status={doc.status} />}
            {pending && pending.status !== "draft" ? (
              <>
                {" "}
                <span className="muted">{t("documents.revisionN", { n: pending.number })}:</span> <RevisionBadge status={pending.status} />
                {pending.status === "approved" && pending.effectiveFrom ? (
                  <span className="muted"> {t("documents.fromDay", { day: formatDate(pending.effectiveFrom) })}</span>
                ) : null}
              </>
            ) : null}{" "}
            <ClockFlags {...clock} />
          </dd>
          <dt>{t("documents.unit")}</dt>
          <dd>{doc.unitName}</dd>
          <dt>{t("documents.kind")}</dt>
          <dd>{t(`documents.kind.${doc.kind}`)}</dd>
          <dt>{t("documents.owner")}</dt>
          <dd>{doc.owner}</dd>
          {doc.kind === "process" ? (
            <>
              <dt>{t("documents.processPeople")}</dt>
              <dd>{people.length ? people.map((p) => `${p.fullName} (${t(`documents.personRole.${p.role}`)})`).join("; ") : "—"}</dd>
            </>
          ) : null}
          <dt>{t("documents.clauses")}</dt>
          <dd>{clauses.length ? clauses.map((c) => `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}`).join("; ") : "—"}</dd>
          {doc.kind === "process" ? (
            <>
              <dt>{t("documents.procedures")}</dt>
              <dd>
                {procedures.length ? (
                  <ul className="plain">
                    {procedures.map((p) => (
                      <li key={p.id}>
                        <Link to={`/procedures/${p.id}`}>{p.code}</Link> {p.name}
                        {p.active ? null : <span className="badge badge-old">{t("procedures.inactive")}</span>}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </dd>
            </>
          ) : null}
          <dt>{t("documents.reviewCycle")}</dt>
          <dd>{t("documents.reviewCycleValue", { n: doc.reviewCycleMonths })}</dd>
          <dt>{t("documents.effectiveFrom")}</dt>
          <dd>{formatDate(doc.effectiveFrom) || "—"}</dd>
          <dt>{t("documents.nextReview")}</dt>
          <dd>{formatDate(clock.nextReviewOn) || "—"}</dd>
          <dt>{t("documents.lastReviewed")}</dt>
          <dd>{formatDate(doc.lastReviewedOn) || "—"}</dd>
          <dt>{t("documents.updateDue")}</dt>
          <dd>{formatDate(clock.updateDueOn) || "—"}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="public-title">
        <h2 id="public-title">{t("documents.public.title")}</h2>
        <p>{doc.publicFile ? t("documents.public.isPublic") : t("documents.public.isPrivate")}</p>
        {can.publish ? (
          <Form method="post" action={`/documents/${doc.id}/public`}>
            <input type="hidden" name="public" value={doc.publicFile ? "0" : "1"} />
            <button type="submit" className="button secondary">
              {doc.publicFile ? t("documents.public.unpublish") : t("documents.public.publish")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t("documents.revisions")}</h2>
        <TableWrap label={t("documents.revisions")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("documents.revision")}</th>
                <th scope="col">{t("documents.status")}</th>
                <th scope="col">{t("documents.changeSummary")}</th>
                <th scope="col">{t("documents.drafted")}</th>
                <th scope="col">{t("documents.approved")}</th>
                <th scope="col">{t("documents.effectiveFrom")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id} className={isHistorical(r.status) ? "row-historical" : undefined}>
                  <td data-label={t("documents.revision")}>{r.number}</td>
                  <td data-label={t("documents.status")}>
                    <RevisionBadge status={r.status} />
                  </td>
                  <td data-label={t("documents.changeSummary")}>{r.changeSummary}</td>
                  <td data-label={t("documents.drafted")}>{person(r.drafter, r.draftedAt)}</td>
                  <td data-label={t("documents.approved")}>{person(r.approver, r.approvedAt)}</td>
                  <td data-label={t("documents.effectiveFrom")}>{formatDate(r.effectiveFrom) || "—"}</td>
                  <td data-label={t("common.actions")}>
                    <span className="actions">
                      <Link
                        to={`/documents/${doc.id}/revisions/${r.id}`}
                        aria-label={`${t("documents.viewRevision")}: ${t("documents.revisionN", { n: r.number })}`}
                      >
                        {t("documents.viewRevision")}
                      </Link>
                      <a
                        href={`/documents/${doc.id}/revisions/${r.id}/file`}
                        aria-label={`${isHistorical(r.status) ? t("documents.downloadHistorical") : t("documents.download")}: ${t("documents.revisionN", { n: r.number })}`}
                      >
                        {isHistorical(r.status) ? t("documents.downloadHistorical") : t("documents.download")}
                      </a>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="reviews-title">
        <div className="page-head">
          <h2 id="reviews-title">{t("documents.periodicReview")}</h2>
          {can.review ? (
            <Link className="button secondary" to={`/documents/${doc.id}/review`}>
              {t("documents.recordPeriodicReview")}
            </Link>
          ) : null}
        </div>
        {reviews.length === 0 ? (
          <p className="muted">{t("documents.noReviews")}</p>
        ) : (
          <TableWrap label={t("documents.periodicReview")}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("documents.reviewedOn")}</th>
                  <th scope="col">{t("documents.outcome")}</th>
                  <th scope="col">{t("documents.note")}</th>
                  <th scope="col">{t("documents.reviewer")}</th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("documents.reviewedOn")}>{formatDate(r.reviewedOn)}</td>
                    <td data-label={t("documents.outcome")}>
                      <span className={r.outcome === "still_valid" ? "badge badge-ok" : "badge badge-warn"}>{t(`documents.outcome.${r.outcome}`)}</span>
                    </td>
                    <td data-label={t("documents.note")}>{r.note ?? ""}</td>
                    <td data-label={t("documents.reviewer")}>{r.reviewer ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="legal-title">
        <h2 id="legal-title">{t("documents.legal")}</h2>
        {legal.length === 0 ? (
          <p className="muted">{t("documents.legal.none")}</p>
        ) : (
          <ul className="card plain">
            {legal.map((l) => {
              const n = revisions.find((r) => r.id === l.resolvedRevisionId)?.number;
              return (
                <li key={l.id}>
                  <Link to={`/documents/legal/${l.id}`}>{l.textNumber}</Link> — {l.title} ({t("documents.legal.effectiveOn")}: {formatDate(l.effectiveOn)}){" "}
                  {l.resolvedOn ? (
                    <span className="badge badge-ok">{t("documents.legal.resolved", { n: n ?? "?", day: formatDate(l.resolvedOn) })}</span>
                  ) : (
                    <span className={clock.updateOverdue ? "badge badge-bad" : "badge badge-warn"}>{t("documents.legal.open")}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {can.withdraw ? (
        <p>
          <Link className="button danger" to={`/documents/${doc.id}/withdraw`}>
            {t("documents.withdraw")}
          </Link>
        </p>
      ) : null}
      <History entries={history} />
    </>
  );
}
