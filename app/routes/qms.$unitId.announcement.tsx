import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { TableWrap } from "~/components/table-wrap";
import { useSchemaForm } from "~/components/use-schema-form";
import { announcementDraft, issueAnnouncement } from "~/modules/qms-records/announcement.server";
import { IssueAnnouncementSchema } from "~/modules/qms-records/schema";
import { produceDepsFor } from "~/modules/reports/deps.server";
import { drainQueue } from "~/modules/reports/produce.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.qms.$unitId.announcement");

/** The announcement drawn from the unit's data (Phụ lục I), for anyone who reads the unit; its leader issues it here. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  return announcementDraft(ctx, idParam(params.unitId));
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.approve");
  const unitId = idParam(params.unitId);
  return submit(
    await request.formData(),
    IssueAnnouncementSchema,
    async (value) => {
      const { report } = await issueAnnouncement(ctx, unitId, value);
      void drainQueue(ctx.db, produceDepsFor(request));
      return redirectWithFlash(`/reports/${report.id}`, { key: "announce.issued" });
    },
    // why hideFields: the password never travels back in a reply, even to its owner.
    { hideFields: ["password"] },
  );
});

export default function AnnouncementDraft() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(IssueAnnouncementSchema, { lastResult: useActionData<typeof action>(), shouldValidate: "onSubmit" });
  const byField = new Map<string, number>();
  for (const p of d.covered) byField.set(p.field, (byField.get(p.field) ?? 0) + 1);
  return (
    <>
      <p>
        <Link to={`/qms/${d.unit.id}`}>← {t("qms.unitTitle", { unit: d.unit.name })}</Link>
      </p>
      <h1>{t("announce.title")}</h1>
      <p className="muted">{t("announce.intro")}</p>
      {d.due ? (
        <div className="alert alert-warn" role="note">
          <p>
            <strong>{t("announce.due", { number: d.previous?.number ?? "", day: formatDate(d.previous?.decidedOn) })}</strong>
          </p>
          {d.diff ? (
            <p>
              {t("announce.diff", { added: d.diff.added.length, removed: d.diff.removed.length })}
              {d.diff.added.length ? ` ${t("announce.added")}: ${d.diff.added.map((p) => p.code).join(", ")}.` : ""}
              {d.diff.removed.length ? ` ${t("announce.removed")}: ${d.diff.removed.map((p) => p.code).join(", ")}.` : ""}
            </p>
          ) : null}
        </div>
      ) : null}
      <section className="card" aria-labelledby="draft-title">
        <h2 id="draft-title">{t("announce.draft")}</h2>
        <dl className="dl dl-stack">
          <dt>{t("announce.kind")}</dt>
          <dd>{t(`qms.kind.${d.kind}`)}</dd>
          <dt>{t("announce.number")}</dt>
          <dd>{d.nextNumber}</dd>
          <dt>{t("announce.date")}</dt>
          <dd>{formatDate(d.today)}</dd>
          <dt>{t("announce.standard")}</dt>
          <dd>TCVN ISO 9001:2015</dd>
          <dt>{t("announce.replaces")}</dt>
          <dd>{d.previous ? `${d.previous.number} (${formatDate(d.previous.decidedOn)})` : "—"}</dd>
          <dt>{t("announce.basis")}</dt>
          <dd>
            {[
              d.cycle.auditOn ? t("announce.basis.audit", { day: formatDate(d.cycle.auditOn) }) : null,
              d.cycle.reviewOn ? t("announce.basis.review", { day: formatDate(d.cycle.reviewOn) }) : null,
              d.cycle.confirmedOn ? t("announce.basis.confirmed", { day: formatDate(d.cycle.confirmedOn) }) : null,
            ]
              .filter(Boolean)
              .join("; ") || "—"}
          </dd>
          <dt>{t("announce.scope")}</dt>
          <dd>
            {t("announce.scopeCount", { n: d.covered.length })}
            {byField.size ? `: ${[...byField].map(([f, n]) => `${f} (${n})`).join(", ")}` : ""}
            {d.uncovered ? <p className="muted">{t("announce.uncovered", { n: d.uncovered })}</p> : null}
          </dd>
        </dl>
        {d.covered.length ? (
          <details>
            <summary>{t("announce.showScope")}</summary>
            <TableWrap label={t("announce.scope")}>
              <table className="responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("public.field")}</th>
                    <th scope="col">{t("public.procedureCode")}</th>
                    <th scope="col">{t("public.procedureName")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.covered.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t("public.field")}>{p.field}</td>
                      <td data-label={t("public.procedureCode")}>{p.code}</td>
                      <td data-label={t("public.procedureName")}>{p.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        ) : (
          <p className="alert alert-warn">{t("announce.errors.nothingCovered")}</p>
        )}
      </section>
      {d.can.issue ? (
        <Form method="post" className="stack card" {...getFormProps(form)}>
          <h2>{t("announce.issueTitle")}</h2>
          <p>{t("announce.issueHint")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField field={fields.password} type="password" label={t("ca.ack.password")} hint={t("announce.passwordHint")} autoComplete="current-password" />
          <div className="actions">
            <button type="submit" className="primary">
              {t("announce.issue")}
            </button>
            <Link to={`/qms/${d.unit.id}`}>{t("action.cancel")}</Link>
          </div>
        </Form>
      ) : d.unit.ended ? (
        <p className="alert alert-warn">{t("announce.errors.unitEnded")}</p>
      ) : (
        <p className="muted">{t("announce.onlyLeader")}</p>
      )}
      {d.issued.length ? (
        <section aria-labelledby="issued-title">
          <h2 id="issued-title">{t("announce.issuedList")}</h2>
          <ul className="plain records">
            {d.issued.map((a) => (
              <li key={a.id}>
                {t(`qms.kind.${a.kind}`)} · {a.number} · {formatDate(a.decidedOn)}
                {a.reportId ? (
                  <>
                    {" · "}
                    <Link to={`/reports/${a.reportId}`}>{t(`reports.status.${a.status ?? "queued"}`)}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        {/* A document load: the public page is plain HTML (no scripts to carry over). */}
        <a href={`/cong-khai/${encodeURIComponent(d.unit.code)}`}>{t("public.openPage")}</a>
      </p>
    </>
  );
}
