import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField } from "~/components/documents/document-form";
import { FormErrors, TextAreaField } from "~/components/field";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { draftRevision } from "~/modules/documents/draft-revision.server";
import { revisionSchema } from "~/modules/documents/schema";
import { config } from "~/utils/config.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { parseMultipart } from "~/utils/uploads.server";

export const meta: MetaFunction = () => [{ title: "Lần ban hành mới · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  try {
    const doc = authorizeOnDocument(ctxFor(user), "documents.draft", id);
    return { doc: { id: doc.id, code: doc.code, title: doc.title }, maxBytes: config().uploadMaxBytes };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  try {
    authorizeOnDocument(ctxFor(user), "documents.draft", id);
  } catch (e) {
    rethrowAsResponse(e);
  }
  const { formData, tooLarge } = await parseMultipart(request);
  const submission = parseForm(formData, revisionSchema(config().uploadMaxBytes));
  if (tooLarge) return data(submission.reply({ fieldErrors: { [tooLarge]: ["files.errors.tooLarge"] } }), { status: 400 });
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const rev = await draftRevision(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/documents/${id}/revisions/${rev.id}`, { key: "documents.revisionDrafted" });
  });
}

export default function NewRevision() {
  const { doc, maxBytes } = useLoaderData<typeof loader>();
  const t = useT();
  const schema = revisionSchema(maxBytes);
  const [form, fields] = useForm({
    lastResult: useActionData<typeof action>(),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
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
          <button type="submit" className="primary">
            {t("action.save")}
          </button>
          <Link to={`/documents/${doc.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
