import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { requireCapability } from "~/modules/permissions";
import { getUserInScopeOrThrow } from "~/modules/people/queries.server";
import { resetPassword } from "~/modules/people/save-user.server";
import { ResetPasswordSchema } from "~/modules/people/schema";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Đặt lại mật khẩu · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    requireCapability(user, "users.manage");
    const person = getUserInScopeOrThrow(db, scopeFor(db, user), id);
    return { person: { id: person.id, fullName: person.fullName, username: person.username } };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), ResetPasswordSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    await resetPassword(ctxFor(user), id, submission.value.password);
    return redirectWithFlash(`/admin/users/${id}`, { key: "people.passwordReset" });
  });
}

export default function ResetPassword() {
  const { person } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: useActionData<typeof action>(),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onBlur",
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
