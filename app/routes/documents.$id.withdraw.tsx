import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/field";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { WithdrawSchema } from "~/modules/documents/schema";
import { withdrawDocument } from "~/modules/documents/withdraw-document.server";
import { redirectWithFlash } from "~/http/flash.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.$id.withdraw");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const doc = authorizeOnDocument(ctx, "documents.approve", id);
  return { doc: { id: doc.id, code: doc.code, title: doc.title } };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), WithdrawSchema, (value) => {
    withdrawDocument(ctx, id, value.reason);
    return redirectWithFlash(`/documents/${id}`, { key: "documents.withdrawn" });
  });
});

export default function Withdraw() {
  const { doc } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(WithdrawSchema, {
    lastResult: useActionData<typeof action>(),
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
