import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { RevisionBadge } from "~/components/documents/badges";
import { FileField } from "~/components/field";
import { FormErrors, TextAreaField } from "~/components/field";
import { replyFor } from "~/components/form-reply";
import { revisionsOf } from "~/modules/documents/queries.server";
import { getDocumentInScopeOrThrow } from "~/modules/documents/access.server";
import { isHistorical, mayTakeStep } from "~/modules/documents/rules";
import { ActivateSchema, ApproveSchema, draftUpdateSchema, ReturnSchema, ReviewNoteSchema, SubmitSchema } from "~/modules/documents/schema";
import { updateDraftRevision } from "~/modules/documents/draft-revision.server";
import { activateRevision, approveRevision, recordRevisionReview, returnRevision, submitRevision } from "~/modules/documents/workflow.server";
import { config } from "~/lib/config.server";
import { approversFor } from "~/modules/notifications/events.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/lib/time";
import { dayToInput } from "~/lib/zod";
import { parseMultipart } from "~/http/uploads.server";
import { useSchemaForm } from "~/components/use-schema-form";
import { metaT, pageTitle } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("title.documents.$id.revisions.$revId._index", { code: data?.doc.code ?? "", n: data?.rev.number ?? "" }));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const revId = idParam(params.revId);
  const doc = getDocumentInScopeOrThrow(ctx, id);
  const revisions = revisionsOf(ctx.db, id);
  const rev = revisions.find((r) => r.id === revId);
  if (!rev) throw new Response("errors.notFound", { status: 404 });
  const successor = rev.supersededById ? revisions.find((r) => r.id === rev.supersededById) : undefined;
  return {
    doc: { id: doc.id, code: doc.code, title: doc.title, status: doc.status, withdrawnAt: doc.withdrawnAt },
    rev,
    successor: successor ? { number: successor.number, effectiveFrom: successor.effectiveFrom } : null,
    today: dayToInput(ctx.today),
    approvers: rev.status === "in_review" ? approversFor(ctx, doc.unitId, rev.draftedById) : null,
    maxBytes: config().uploadMaxBytes,
    can: {
      update: mayTakeStep(ctx.actor, "update", doc, rev, ctx.today),
      submit: mayTakeStep(ctx.actor, "submit", doc, rev, ctx.today),
      review: mayTakeStep(ctx.actor, "review", doc, rev, ctx.today),
      approve: mayTakeStep(ctx.actor, "approve", doc, rev, ctx.today),
      activate: mayTakeStep(ctx.actor, "activate", doc, rev, ctx.today),
    },
  };
});

const SCHEMAS = { submit: SubmitSchema, review: ReviewNoteSchema, return: ReturnSchema, approve: ApproveSchema, activate: ActivateSchema } as const;

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const revId = idParam(params.revId);
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  const { formData, tooLarge } = multipart ? await parseMultipart(request) : { formData: await request.formData(), tooLarge: undefined };
  const intent = String(formData.get("intent") ?? (tooLarge ? "update" : ""));
  const back = `/documents/${id}/revisions/${revId}`;
  if (intent === "update") {
    return submit(
      formData,
      draftUpdateSchema(config().uploadMaxBytes),
      async (value) => {
        await updateDraftRevision(ctx, id, revId, value);
        return redirectWithFlash(back, { key: "documents.revisionUpdated" });
      },
      { intent, tooLarge },
    );
  }
  if (!(intent in SCHEMAS)) throw new Response("errors.badRequest", { status: 400 });
  const key = intent as keyof typeof SCHEMAS;
  return submit(
    formData,
    SCHEMAS[key] as z.ZodType<Record<string, string | undefined>>,
    (v) => {
      switch (key) {
        case "submit":
          submitRevision(ctx, id, revId);
          return redirectWithFlash(back, { key: "documents.submitted" });
        case "review":
          recordRevisionReview(ctx, id, revId, v.note);
          return redirectWithFlash(back, { key: "documents.reviewRecorded" });
        case "return":
          returnRevision(ctx, id, revId, v.note!);
          return redirectWithFlash(back, { key: "documents.returned" });
        case "approve": {
          const r = approveRevision(ctx, id, revId, v.effectiveFrom!);
          return redirectWithFlash(`/documents/${id}`, { key: r.status === "effective" ? "documents.effectiveFlash" : "documents.approvedFlash" });
        }
        case "activate":
          activateRevision(ctx, id, revId);
          return redirectWithFlash(`/documents/${id}`, { key: "documents.activated" });
      }
    },
    { intent },
  );
});

function StepForm({
  intent,
  schema,
  reply,
  children,
  multipart,
  defaultValue,
}: {
  intent: string;
  schema: z.ZodType<Record<string, unknown>>;
  reply: unknown;
  children: (fields: Record<string, never>) => React.ReactNode;
  multipart?: boolean;
  defaultValue?: Record<string, string>;
}) {
  const [form, fields] = useSchemaForm(schema, {
    id: `step-${intent}`,
    defaultValue,
    lastResult: replyFor(reply, intent),
  });
  return (
    <Form method="post" encType={multipart ? "multipart/form-data" : undefined} className="stack card" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {children(fields as unknown as Record<string, never>)}
    </Form>
  );
}

export default function RevisionPage() {
  const { doc, rev, successor, today, maxBytes, can, approvers } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const historical = isHistorical(rev.status);
  const marker = rev.status === "effective" ? null : t(`documents.marker.${rev.status}`);
  const person = (name: string | null, at: number | null) => (name && at ? t("documents.by", { name, at: formatDateTime(at) }) : "—");
  const mb = Math.round(maxBytes / 1024 / 1024);
  const none = !Object.values(can).some(Boolean);
  return (
    <>
      <p>
        <Link to={`/documents/${doc.id}`}>
          ← {doc.code} · {doc.title}
        </Link>
      </p>
      <h1>
        {doc.code} · {t("documents.revisionN", { n: rev.number })} <RevisionBadge status={rev.status} />
      </h1>
      {historical ? (
        <div className="alert alert-historical" role="note">
          <p>
            <strong>
              {rev.status === "superseded" && successor
                ? t("documents.notice.superseded", { n: successor.number, day: formatDate(successor.effectiveFrom) })
                : t("documents.notice.obsolete", { day: formatDate(doc.withdrawnAt ?? rev.obsoleteAt) })}
            </strong>
          </p>
          {marker ? <p>{t("documents.notice.downloadName", { marker })}</p> : null}
        </div>
      ) : rev.status === "draft" || rev.status === "in_review" ? (
        <div className="alert alert-warn" role="note">
          <p>{t("documents.notice.draft")}</p>
          {rev.status === "draft" && rev.reviewNote ? <p>{t("documents.returnedNotice", { note: rev.reviewNote })}</p> : null}
        </div>
      ) : rev.status === "approved" ? (
        <div className="alert alert-warn" role="note">
          <p>{t("documents.waitingEffect", { day: formatDate(rev.effectiveFrom) })}</p>
        </div>
      ) : null}
      <dl className="dl dl-stack card">
        <dt>{t("documents.changeSummary")}</dt>
        <dd>{rev.changeSummary}</dd>
        <dt>{t("documents.drafted")}</dt>
        <dd>{person(rev.drafter, rev.draftedAt)}</dd>
        <dt>{t("documents.reviewed")}</dt>
        <dd>
          {person(rev.reviewer, rev.reviewedAt)}
          {rev.reviewNote && rev.status !== "draft" ? <span className="muted"> — {rev.reviewNote}</span> : null}
        </dd>
        <dt>{t("documents.approved")}</dt>
        <dd>{person(rev.approver, rev.approvedAt)}</dd>
        <dt>{t("documents.effectiveFrom")}</dt>
        <dd>{formatDate(rev.effectiveFrom) || "—"}</dd>
        <dt>{t("documents.file")}</dt>
        <dd>
          <a href={`/documents/${doc.id}/revisions/${rev.id}/file`} className={historical ? "button secondary" : "button primary"}>
            {historical ? t("documents.downloadHistorical") : t("documents.download")}
          </a>{" "}
          <span className="muted">
            {rev.fileName} ({Math.max(1, Math.round(rev.fileSize / 1024))} KB)
          </span>
        </dd>
      </dl>

      {doc.status !== "obsolete" && !historical ? (
        <section aria-labelledby="workflow-title">
          <h2 id="workflow-title">{t("documents.workflow")}</h2>
          {approvers ? (
            <p className="alert" role="status">
              {approvers.length
                ? t("documents.approvers.waiting", { names: approvers.map((a) => (a.title ? `${a.name} (${a.title})` : a.name)).join(", ") })
                : t("documents.approvers.none")}
            </p>
          ) : null}
          {none && !approvers ? <p className="muted">{t("documents.noActions")}</p> : null}
          {can.update ? (
            <StepForm intent="update" schema={draftUpdateSchema(maxBytes)} reply={reply} multipart>
              {(f) => (
                <>
                  <h3>{t("documents.updateDraft")}</h3>
                  <TextAreaField field={f.changeSummary!} label={t("documents.changeSummary")} rows={2} />
                  <FileField field={f.file!} label={t("documents.file")} hint={t("documents.fileReplaceHint", { mb })} />
                  <div className="actions">
                    <button type="submit" className="secondary">
                      {t("action.save")}
                    </button>
                  </div>
                </>
              )}
            </StepForm>
          ) : null}
          {can.submit ? (
            <StepForm intent="submit" schema={SubmitSchema} reply={reply}>
              {() => (
                <div className="actions">
                  <button type="submit" className="primary">
                    {t("documents.submit")}
                  </button>
                </div>
              )}
            </StepForm>
          ) : null}
          {can.approve ? (
            <StepForm intent="approve" schema={ApproveSchema} reply={reply} defaultValue={{ effectiveFrom: today }}>
              {(f) => (
                <>
                  <DateField field={f.effectiveFrom!} label={t("documents.effectiveFrom")} hint={t("documents.approveHint")} />
                  <div className="actions">
                    <button type="submit" className="primary">
                      {t("documents.approve")}
                    </button>
                  </div>
                </>
              )}
            </StepForm>
          ) : null}
          {can.review ? (
            <>
              <StepForm intent="review" schema={ReviewNoteSchema} reply={reply}>
                {(f) => (
                  <>
                    <TextAreaField field={f.note!} label={t("documents.reviewNote")} rows={2} />
                    <div className="actions">
                      <button type="submit" className="secondary">
                        {t("documents.recordReview")}
                      </button>
                    </div>
                  </>
                )}
              </StepForm>
              <StepForm intent="return" schema={ReturnSchema} reply={reply}>
                {(f) => (
                  <>
                    <TextAreaField field={f.note!} label={t("documents.returnNote")} rows={2} />
                    <div className="actions">
                      <button type="submit" className="danger">
                        {t("documents.return")}
                      </button>
                    </div>
                  </>
                )}
              </StepForm>
            </>
          ) : null}
          {can.activate ? (
            <StepForm intent="activate" schema={ActivateSchema} reply={reply}>
              {() => (
                <div className="actions">
                  <button type="submit" className="primary">
                    {t("documents.activate")}
                  </button>
                </div>
              )}
            </StepForm>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
