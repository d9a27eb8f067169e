import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { getUserInScopeOrThrow } from "~/modules/people/queries.server";
import { resetPassword } from "~/modules/people/save-user.server";
import { ResetPasswordSchema } from "~/modules/people/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.admin.users.$id.password");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  const person = getUserInScopeOrThrow(ctx, idParam(params.id));
  return { person: { id: person.id, fullName: person.fullName, username: person.username } };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(
    await request.formData(),
    ResetPasswordSchema,
    async (value) => {
      await resetPassword(ctx, id, value.password);
      return redirectWithFlash(`/admin/users/${id}`, { key: "people.passwordReset" });
    },
    { hideFields: ["password"] },
  );
});

export default function ResetPassword() {
  const { person } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(ResetPasswordSchema, {
    lastResult: useActionData<typeof action>(),
  });
  return (
    <>
      <h1>
        {t("people.resetPassword")}: {person.fullName} ({person.username})
      </h1>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.password} label={t("people.newPassword")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="primary">
            {t("people.resetPassword")}
          </button>
          <Link to={`/admin/users/${person.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
