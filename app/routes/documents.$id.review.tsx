import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { REVIEW_OUTCOMES } from "#db/schema/enums";
import { FormErrors, SelectField, TextAreaField } from "~/components/field";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { recordPeriodicReview } from "~/modules/documents/record-review.server";
import { PeriodicReviewSchema } from "~/modules/documents/schema";
import { redirectWithFlash } from "~/http/flash.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { dayToInput } from "~/lib/zod";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.documents.$id.review");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const doc = authorizeOnDocument(ctx, "documents.review", id);
  return { doc: { id: doc.id, code: doc.code, title: doc.title, nextReviewOn: doc.nextReviewOn }, today: dayToInput(ctx.today) };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), PeriodicReviewSchema, (value) => {
    recordPeriodicReview(ctx, id, value);
    return redirectWithFlash(`/documents/${id}`, { key: "documents.reviewSaved" });
  });
});

export default function PeriodicReview() {
  const { doc, today } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(PeriodicReviewSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { reviewedOn: today, outcome: "still_valid" },
  });
  return (
    <>
      <h1>
        {t("documents.recordPeriodicReview")}: {doc.code}
      </h1>
      <p className="muted">
        {doc.title} · {t("documents.nextReview")}: {formatDate(doc.nextReviewOn) || "—"}
      </p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <DateField field={fields.reviewedOn} label={t("documents.reviewedOn")} />
        <SelectField
          field={fields.outcome}
          label={t("documents.outcome")}
          options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`documents.outcome.${o}`) }))}
        />
        <TextAreaField field={fields.note} label={t("documents.note")} rows={3} />
        <div className="actions">
          <SubmitButton>{t("action.save")}</SubmitButton>
          <Link to={`/documents/${doc.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
