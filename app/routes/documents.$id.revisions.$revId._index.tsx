import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { RevisionBadge } from "~/components/documents/badges";
import { FileField } from "~/components/documents/document-form";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { revisionsOf } from "~/modules/documents/queries.server";
import { getDocumentInScopeOrThrow } from "~/modules/documents/access.server";
import { dueToTakeEffect, isHistorical, stepAllowed } from "~/modules/documents/rules";
import { ActivateSchema, ApproveSchema, draftUpdateSchema, ReturnSchema, ReviewNoteSchema, SubmitSchema } from "~/modules/documents/schema";
import { updateDraftRevision } from "~/modules/documents/draft-revision.server";
import { activateRevision, approveRevision, recordRevisionReview, returnRevision, submitRevision } from "~/modules/documents/workflow.server";
import { can } from "~/modules/permissions";
import { scopeFor } from "~/modules/units/scope.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { formatDate, formatDateTime, vnDay } from "~/utils/time";
import { dayToInput } from "~/utils/zod";
import { parseMultipart } from "~/utils/uploads.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.doc.code ?? ""} · ${data?.rev.number ?? ""} · ISO Xã` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const revId = idParam(params.revId);
  const db = getDb();
  try {
    const doc = getDocumentInScopeOrThrow(db, scopeFor(db, user), id);
    const revisions = revisionsOf(db, id);
    const rev = revisions.find((r) => r.id === revId);
    if (!rev) throw new Response("errors.notFound", { status: 404 });
    const successor = rev.supersededById ? revisions.find((r) => r.id === rev.supersededById) : undefined;
    const notDrafter = rev.draftedById !== user.id;
    const today = vnDay(new Date());
    return {
      doc: { id: doc.id, code: doc.code, title: doc.title, status: doc.status, withdrawnAt: doc.withdrawnAt },
      rev,
      successor: successor ? { number: successor.number, effectiveFrom: successor.effectiveFrom } : null,
      today: dayToInput(today),
      maxBytes: config().uploadMaxBytes,
      can: {
        update: can(user, "documents.draft") && stepAllowed("update", rev.status),
        submit: can(user, "documents.draft") && stepAllowed("submit", rev.status),
        review: can(user, "documents.review") && notDrafter && stepAllowed("review", rev.status),
        approve: can(user, "documents.approve") && notDrafter && stepAllowed("approve", rev.status),
        activate: can(user, "documents.review") && stepAllowed("activate", rev.status) && dueToTakeEffect(rev.effectiveFrom, today),
      },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

const SCHEMAS = { submit: SubmitSchema, review: ReviewNoteSchema, return: ReturnSchema, approve: ApproveSchema, activate: ActivateSchema } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const revId = idParam(params.revId);
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  const { formData, tooLarge } = multipart ? await parseMultipart(request) : { formData: await request.formData(), tooLarge: undefined };
  const intent = String(formData.get("intent") ?? (tooLarge ? "update" : ""));
  const ctx = ctxFor(user);
  const back = `/documents/${id}/revisions/${revId}`;
  if (intent === "update") {
    const submission = parseForm(formData, draftUpdateSchema(config().uploadMaxBytes));
    if (tooLarge) return data({ intent, result: submission.reply({ fieldErrors: { file: ["files.errors.tooLarge"] } }) }, { status: 400 });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    return wrap(intent, submission, async () => {
      await updateDraftRevision(ctx, id, revId, submission.value);
      return redirectWithFlash(back, { key: "documents.revisionUpdated" });
    });
  }
  if (!(intent in SCHEMAS)) throw new Response("errors.badRequest", { status: 400 });
  const key = intent as keyof typeof SCHEMAS;
  const submission = parseForm(formData, SCHEMAS[key]);
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  return wrap(intent, submission, () => {
    const v = submission.value as Record<string, string | undefined>;
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
  });
}

/** Domain errors come back to the form that caused them (tagged with its intent). */
async function wrap<V>(intent: string, submission: Parameters<typeof attempt<V, Response>>[0], fn: () => Response | Promise<Response>) {
  const r = await attempt(submission, fn);
  if (r instanceof Response) return r;
  return data({ intent, result: r.data }, { status: r.init?.status ?? 400 });
}

type Reply = { intent: string; result: SubmissionResult<string[]> } | undefined;

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
  reply: Reply;
  children: (fields: Record<string, never>) => React.ReactNode;
  multipart?: boolean;
  defaultValue?: Record<string, string>;
}) {
  const [form, fields] = useForm<Record<string, unknown>>({
    id: `step-${intent}`,
    defaultValue,
    lastResult: reply?.intent === intent ? reply.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
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
  const { doc, rev, successor, today, maxBytes, can } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply;
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
          {none ? <p className="muted">{t("documents.noActions")}</p> : null}
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
                  <TextField field={f.effectiveFrom!} label={t("documents.effectiveFrom")} hint={t("documents.approveHint")} />
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
