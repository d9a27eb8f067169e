import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/field";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { WithdrawSchema } from "~/modules/documents/schema";
import { withdrawDocument } from "~/modules/documents/withdraw-document.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Hủy bỏ tài liệu · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  try {
    const doc = authorizeOnDocument(ctxFor(user), "documents.approve", id);
    return { doc: { id: doc.id, code: doc.code, title: doc.title } };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), WithdrawSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, () => {
    withdrawDocument(ctxFor(user), id, submission.value.reason);
    return redirectWithFlash(`/documents/${id}`, { key: "documents.withdrawn" });
  });
}

export default function Withdraw() {
  const { doc } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: useActionData<typeof action>(),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WithdrawSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>
        {t("documents.withdraw")}: {doc.code}
      </h1>
      <p className="muted">{doc.title}</p>
      <div className="alert alert-warn" role="note">
        <p>{t("documents.withdrawHint")}</p>
      </div>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField field={fields.reason} label={t("documents.withdrawReason")} rows={3} />
        <div className="actions">
          <button type="submit" className="danger">
            {t("documents.withdraw")}
          </button>
          <Link to={`/documents/${doc.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
