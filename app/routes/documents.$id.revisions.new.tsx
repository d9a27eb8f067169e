import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField } from "~/components/field";
import { FormErrors, TextAreaField } from "~/components/field";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { draftRevision } from "~/modules/documents/draft-revision.server";
import { revisionSchema } from "~/modules/documents/schema";
import { config } from "~/lib/config.server";
import { redirectWithFlash } from "~/http/flash.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.$id.revisions.new");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const doc = authorizeOnDocument(ctx, "documents.draft", id);
  return { doc: { id: doc.id, code: doc.code, title: doc.title }, maxBytes: config().uploadMaxBytes };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  // Refused before the upload is read: a forbidden or unknown document is its status, not a form error.
  authorizeOnDocument(ctx, "documents.draft", id);
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(
    formData,
    revisionSchema(config().uploadMaxBytes),
    async (value) => {
      const rev = await draftRevision(ctx, id, value);
      return redirectWithFlash(`/documents/${id}/revisions/${rev.id}`, { key: "documents.revisionDrafted" });
    },
    { tooLarge },
  );
});

export default function NewRevision() {
  const { doc, maxBytes } = useLoaderData<typeof loader>();
  const t = useT();
  const schema = revisionSchema(maxBytes);
  const [form, fields] = useSchemaForm(schema, {
    lastResult: useActionData<typeof action>(),
  });
  return (
    <>
      <h1>
        {t("documents.newRevision")}: {doc.code}
      </h1>
      <p className="muted">{doc.title}</p>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField field={fields.changeSummary} label={t("documents.changeSummary")} rows={3} />
        <FileField field={fields.file} label={t("documents.file")} hint={t("documents.fileHint", { mb: Math.round(maxBytes / 1024 / 1024) })} />
        <div className="actions">
          <SubmitButton>{t("action.save")}</SubmitButton>
          <Link to={`/documents/${doc.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
