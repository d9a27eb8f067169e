import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CHECKLIST_RESULTS } from "#db/schema/enums";
import { FieldErrors, FormErrors, SelectField, TextAreaField } from "~/components/field";
import { replyFor, type FormReply } from "~/components/form-reply";
import { GradeBadge } from "~/components/audits/status";
import { addChecklistQuestion, answerChecklistPage } from "~/modules/audits/checklist.server";
import { clauseOptions, getAuditDetail } from "~/modules/audits/queries.server";
import { groupOf, processLabel } from "~/modules/audits/rules";
import { ChecklistPageSchema, CustomQuestionSchema, pageAnswersFromForm } from "~/modules/audits/schema";
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
  const clauses = clauseOptions(ctx.db);
  return {
    audit: d.audit,
    unit: d.unit,
    items: d.items,
    processes: d.processes.map((p) => ({ id: p.id, label: processLabel(p) })),
    can: d.can,
    unanswered: d.unanswered,
    clauses,
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const { formData, tooLarge } = await parseMultipart(request);
  // The form data was emptied: which answers it held is lost, so this stays a message.
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
  // The whole page at once: every answer, the evidence files of each question (e-<itemId>), "the rest conform".
  const c = config();
  const uploads = new Map<number, { file: File; uploadsDir: string; maxBytes: number }[]>();
  for (const [key, value] of formData.entries()) {
    const m = /^e-(\d{1,12})$/.exec(key);
    if (!m || typeof value !== "object" || value === null || !("size" in value) || (value as File).size === 0) continue;
    const list = uploads.get(Number(m[1])) ?? [];
    list.push({ file: value as File, uploadsDir: c.uploadsDir, maxBytes: c.uploadMaxBytes });
    uploads.set(Number(m[1]), list);
  }
  return submit(
    formData,
    ChecklistPageSchema,
    async (value) => {
      const r = await answerChecklistPage(ctx, id, { answers: pageAnswersFromForm(formData), conform: value.conform }, uploads);
      // A nonconformity answer becomes a finding: its prefilled draft opens for the auditor to confirm.
      if (r.pendingNcItemId) return redirectWithFlash(`/audits/${id}/items/${r.pendingNcItemId}/finding`, { key: "audits.ncDraft" });
      return redirectWithFlash(`/audits/${id}/checklist`, { key: "audits.pageSaved", params: { n: r.saved } });
    },
    { intent: "page" },
  );
});

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = Data["items"][number];

function ItemFields({ item, index, reply }: { item: Item; index: number; reply: FormReply | undefined }) {
  const t = useT();
  const lang = useLang();
  // After a refused save the page shows what was sent (input kept), else what is stored.
  const sent = reply?.initialValue as Record<string, unknown> | undefined;
  const result = sent ? String(sent[`r-${item.id}`] ?? "") : (item.result ?? "");
  const notes = sent ? String(sent[`n-${item.id}`] ?? "") : (item.notes ?? "");
  const errors = (reply?.error as Record<string, string[] | undefined> | undefined)?.[`r-${item.id}`];
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
      <fieldset className="field" aria-describedby={errors?.length ? `r-${item.id}-error` : undefined}>
        <legend className="question" id={`q-${item.id}`}>
          {item.question}
        </legend>
        <div className="radio-row">
          {CHECKLIST_RESULTS.map((r) => (
            <label key={r} className="checkbox">
              <input type="radio" name={`r-${item.id}`} value={r} defaultChecked={result === r} /> {t(`audits.result.${r}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={`r-${item.id}-error`} errors={errors} />
      </fieldset>
      <div className="field">
        <label htmlFor={`n-${item.id}`}>{t("audits.notes")}</label>
        <textarea id={`n-${item.id}`} name={`n-${item.id}`} defaultValue={notes} rows={2} maxLength={4000} />
      </div>
      <details>
        <summary>{t("audits.attachEvidence")}</summary>
        <div className="field">
          <label htmlFor={`e-${item.id}`}>{t("audits.evidence")}</label>
          <p className="hint" id={`e-${item.id}-hint`}>
            {t("audits.evidenceHint")}
          </p>
          <input id={`e-${item.id}`} type="file" name={`e-${item.id}`} accept=".pdf,.docx,.xlsx,image/*" aria-describedby={`e-${item.id}-hint`} />
        </div>
      </details>
      <ItemRecords item={item} auditId={item.auditId} fill />
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

/** Evidence already attached, and the way to raise a finding from an answered question. */
function ItemRecords({ item, auditId, fill }: { item: Item; auditId: number; fill: boolean }) {
  const t = useT();
  return (
    <>
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
      {fill && item.raisable.length ? (
        <p>
          <Link to={`/audits/${auditId}/items/${item.id}/finding`}>{t("audits.raise")}</Link>
        </p>
      ) : null}
    </>
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
  const { audit, unit, items, processes, can, unanswered, clauses } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const actionData = useActionData<typeof action>();
  const pageReply = replyFor(actionData, "page");
  const forQuestion = replyFor(actionData, "question");
  const answered = items.length - unanswered;
  // Groups in checklist order: a top-level clause, a process, the auditors' own questions.
  const groups: { key: string; title: string; items: { item: Item; index: number }[] }[] = [];
  items.forEach((item, index) => {
    const key = groupOf(item);
    let g = groups.find((x) => x.key === key);
    if (!g) {
      const top = clauses.find((c) => c.code === key.slice(1));
      const title =
        key === "custom"
          ? t("audits.group.custom")
          : key.startsWith("p")
            ? t("audits.group.process", { name: processes.find((p) => `p${p.id}` === key)?.label ?? "" })
            : t("audits.group.clause", { code: key.slice(1), title: top ? (lang === "en" ? top.titleEn : top.titleVi) : "" });
      g = { key, title, items: [] };
      groups.push(g);
    }
    g.items.push({ item, index });
  });
  return (
    <>
      <p className="no-print">
        <Link to={`/audits/${audit.id}`}>← {audit.title}</Link>
      </p>
      <h1>{t("audits.checklist")}</h1>
      <p className="muted">
        {unit.name} · <span data-testid="checklist-progress">{t("audits.progress", { answered, total: items.length })}</span>
      </p>
      <progress
        className="checklist-progress"
        value={answered}
        max={Math.max(1, items.length)}
        aria-label={t("audits.progress", { answered, total: items.length })}
      />
      {!can.fill ? <p className="alert alert-warn">{t("audits.onlyTeamFills")}</p> : null}
      {can.fill ? (
        <Form method="post" encType="multipart/form-data" className="stack" id="checklist-page">
          <input type="hidden" name="intent" value="page" />
          <FormErrors id="checklist-page-errors" errors={pageReply?.error?.[""] as string[] | undefined} />
          {groups.map((g) => {
            const done = g.items.filter((x) => x.item.result).length;
            return (
              <section key={g.key} className="checklist-group" aria-labelledby={`g-${g.key}`}>
                <div className="page-head">
                  <h2 id={`g-${g.key}`}>
                    {g.title} <span className="muted small">{t("audits.groupProgress", { answered: done, total: g.items.length })}</span>
                  </h2>
                  {done < g.items.length ? (
                    <button type="submit" name="conform" value={g.key} className="secondary">
                      {t("audits.conformGroup")}
                    </button>
                  ) : null}
                </div>
                <ol className="checklist">
                  {g.items.map(({ item, index }) => (
                    <ItemFields key={item.id} item={item} index={index} reply={pageReply} />
                  ))}
                </ol>
              </section>
            );
          })}
          <div className="actions sticky-actions">
            <button type="submit" className="primary">
              {t("audits.savePage")}
            </button>
            {unanswered ? (
              <button type="submit" name="conform" value="all" className="secondary">
                {t("audits.saveConformRest")}
              </button>
            ) : null}
          </div>
        </Form>
      ) : (
        <ol className="checklist">
          {items.map((item, i) => (
            <li key={item.id} className="card checklist-item" id={`item-${item.id}`}>
              <p className="item-head">
                <span className="badge">{i + 1}</span> <span className="question">{item.question}</span>
              </p>
              <p>
                <strong>{t("audits.result")}:</strong> {t(`audits.result.${item.result ?? "none"}`)} {item.notes ? `— ${item.notes}` : ""}
              </p>
              <ItemRecords item={item} auditId={audit.id} fill={false} />
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
          ))}
        </ol>
      )}
      {can.addQuestion ? <QuestionForm lastResult={forQuestion} clauses={clauses} /> : null}
    </>
  );
}
