import { getFormProps, getTextareaProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CHECKLIST_RESULTS } from "#db/schema/enums";
import { FieldErrors, FormErrors, SelectField, TextAreaField } from "~/components/field";
import { replyFor, type FormReply } from "~/components/form-reply";
import { GradeBadge } from "~/components/audits/status";
import { addChecklistQuestion, answerChecklistItem } from "~/modules/audits/checklist.server";
import { clauseOptions, getAuditDetail } from "~/modules/audits/queries.server";
import { ChecklistAnswerSchema, CustomQuestionSchema } from "~/modules/audits/schema";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useLang, useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { metaT, pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("title.audits.$id.checklist", { title: data?.audit.title ?? "" }));

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const d = getAuditDetail(ctx, id);
  return { audit: d.audit, unit: d.unit, items: d.items, can: d.can, unanswered: d.unanswered, clauses: clauseOptions(ctx.db) };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const { formData, tooLarge } = await parseMultipart(request);
  // Several item forms on one page and an emptied form data: which item it was is lost, so this stays a message.
  if (tooLarge) return redirectWithFlash(`/audits/${id}/checklist`, { key: "files.errors.tooLarge", kind: "error" });
  if (formData.get("intent") === "question") {
    return submit(
      formData,
      CustomQuestionSchema,
      (value) => {
        const item = addChecklistQuestion(ctx, id, value);
        return redirectWithFlash(`/audits/${id}/checklist#item-${item.id}`, { key: "audits.questionAdded" });
      },
      { intent: "question" },
    );
  }
  const files = formData.getAll("evidence").filter((f): f is File => typeof f === "object" && f !== null && "size" in f && (f as File).size > 0);
  return submit(
    formData,
    ChecklistAnswerSchema,
    async (value) => {
      const c = config();
      await answerChecklistItem(
        ctx,
        id,
        value,
        files.map((file) => ({ file, uploadsDir: c.uploadsDir, maxBytes: c.uploadMaxBytes })),
      );
      return redirectWithFlash(`/audits/${id}/checklist#item-${value.itemId}`, { key: "audits.itemSaved" });
    },
    { intent: "item" },
  );
});

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

function ItemForm({
  item,
  index,
  auditId,
  fill,
  lastResult,
}: {
  item: Item;
  index: number;
  auditId: number;
  fill: boolean;
  lastResult: FormReply | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useSchemaForm(ChecklistAnswerSchema, {
    id: `item-form-${item.id}`,
    lastResult,
    defaultValue: { itemId: String(item.id), result: item.result ?? "", notes: item.notes ?? "" },
  });
  const current = (fields.result.initialValue as string | undefined) ?? "";
  const evidenceError = (form.allErrors?.evidence as string[] | undefined) ?? undefined;
  return (
    <li className="card checklist-item" id={`item-${item.id}`}>
      <p className="item-head">
        <span className="badge">{index + 1}</span>{" "}
        <span className="muted">
          {item.kind === "process"
            ? t("audits.kind.process")
            : item.kind === "custom"
              ? t("audits.kind.custom")
              : `${t("audits.kind.clause")} ${item.clauseCode}`}
        </span>
      </p>
      <p className="question" id={`q-${item.id}`}>
        {item.question}
      </p>
      {fill ? (
        <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)} aria-labelledby={`q-${item.id}`}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="itemId" value={item.id} />
          <fieldset className="field">
            <legend>{t("audits.result")}</legend>
            <div className="radio-row">
              {CHECKLIST_RESULTS.map((r) => (
                <label key={r} className="checkbox">
                  <input type="radio" name={fields.result.name} value={r} defaultChecked={current === r} /> {t(`audits.result.${r}`)}
                </label>
              ))}
            </div>
            <FieldErrors id={fields.result.errorId} errors={fields.result.errors} />
          </fieldset>
          <div className="field">
            <label htmlFor={fields.notes.id}>{t("audits.notes")}</label>
            <textarea {...getTextareaProps(fields.notes)} key={fields.notes.key} rows={2} />
            <FieldErrors id={fields.notes.errorId} errors={fields.notes.errors} />
          </div>
          <div className="field">
            <label htmlFor={`evidence-${item.id}`}>{t("audits.evidence")}</label>
            <p className="hint" id={`evidence-hint-${item.id}`}>
              {t("audits.evidenceHint")}
            </p>
            <input id={`evidence-${item.id}`} type="file" name="evidence" accept=".pdf,.docx,.xlsx,image/*" aria-describedby={`evidence-hint-${item.id}`} />
            <FieldErrors id={`evidence-err-${item.id}`} errors={evidenceError} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t("audits.saveItem")}
            </button>
            {item.raisable.length ? (
              <Link className="button secondary" to={`/audits/${auditId}/items/${item.id}/finding`}>
                {t("audits.raise")}
              </Link>
            ) : null}
          </div>
        </Form>
      ) : (
        <p>
          <strong>{t("audits.result")}:</strong> {t(`audits.result.${item.result ?? "none"}`)} {item.notes ? `— ${item.notes}` : ""}
        </p>
      )}
      {item.evidence.length ? (
        <p>
          {t("audits.evidenceFiles")}:{" "}
          {item.evidence.map((e, i) => (
            <span key={e.fileId}>
              {i ? ", " : ""}
              <a href={`/files/${e.fileId}`}>{e.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      {item.findings.length ? (
        <ul className="plain">
          {item.findings.map((f) => (
            <li key={f.id}>
              <GradeBadge code={f.gradeCode} label={lang === "en" ? f.gradeEn : f.gradeVi} /> <Link to={`/findings/${f.id}`}>{f.description}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function QuestionForm({ lastResult, clauses }: { lastResult: FormReply | undefined; clauses: { code: string; titleVi: string; titleEn: string }[] }) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useSchemaForm(CustomQuestionSchema, {
    id: "question",
    lastResult,
  });
  return (
    <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
      <h2>{t("audits.addQuestion")}</h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="question" />
      <TextAreaField field={fields.question} label={t("audits.customQuestion")} rows={2} />
      <SelectField
        field={fields.clauseCode}
        label={t("audits.clauseOptional")}
        placeholder="—"
        options={clauses.map((c) => ({ value: c.code, label: `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}` }))}
      />
      <div className="actions">
        <SubmitButton className="secondary">{t("audits.addQuestion")}</SubmitButton>
      </div>
    </Form>
  );
}

export default function Checklist() {
  const { audit, unit, items, can, unanswered, clauses } = useLoaderData<typeof loader>();
  const t = useT();
  const actionData = useActionData<typeof action>();
  const itemReply = replyFor(actionData, "item");
  const forItem = (id: number) => (itemReply?.initialValue?.itemId === String(id) ? itemReply : undefined);
  const forQuestion = replyFor(actionData, "question");
  return (
    <>
      <p className="no-print">
        <Link to={`/audits/${audit.id}`}>← {audit.title}</Link>
      </p>
      <h1>{t("audits.checklist")}</h1>
      <p className="muted">
        {unit.name} · {t("audits.answered", { answered: items.length - unanswered, total: items.length })}
      </p>
      {!can.fill ? <p className="alert alert-warn">{t("audits.onlyTeamFills")}</p> : null}
      <ol className="checklist">
        {items.map((item, i) => (
          <ItemForm key={item.id} item={item} index={i} auditId={audit.id} fill={can.fill} lastResult={forItem(item.id)} />
        ))}
      </ol>
      {can.addQuestion ? <QuestionForm lastResult={forQuestion} clauses={clauses} /> : null}
    </>
  );
}
