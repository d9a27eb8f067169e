import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { changeOwnPassword } from "~/modules/auth/change-password.server";
import { ChangePasswordSchema } from "~/modules/people/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.account");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const { actor: user } = await requireCtx(request);
  return {
    user: { name: user.name, username: user.username, role: user.role, unitName: user.unitName, title: user.title },
    mustChange: user.mustChangePassword,
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(
    await request.formData(),
    ChangePasswordSchema,
    async (value) => {
      await changeOwnPassword(ctx, { ...value, sessionId: ctx.actor.sessionId });
      return redirectWithFlash("/account", { key: "people.passwordChanged" });
    },
    { hideFields: ["password", "currentPassword", "newPassword", "confirmPassword"] },
  );
});

export default function Account() {
  const { user, mustChange } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(ChangePasswordSchema, {
    lastResult: useActionData<typeof action>(),
  });
  return (
    <>
      <h1>{t("nav.account")}</h1>
      {mustChange ? (
        <p className="alert alert-warn" role="alert">
          {t("people.mustChangePassword")}
        </p>
      ) : null}
      <dl className="dl card">
        <dt>{t("people.fullName")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("people.username")}</dt>
        <dd>{user.username}</dd>
        <dt>{t("people.jobTitle")}</dt>
        <dd>{user.title}</dd>
        <dt>{t("people.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt>{t("people.unit")}</dt>
        <dd>{user.unitName}</dd>
      </dl>
      <section className="card" aria-labelledby="pw-title">
        <h2 id="pw-title">{t("people.changePassword")}</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField field={fields.currentPassword} label={t("people.currentPassword")} type="password" autoComplete="current-password" />
          <TextField field={fields.newPassword} label={t("people.newPassword")} type="password" autoComplete="new-password" />
          <TextField field={fields.confirmPassword} label={t("people.confirmPassword")} type="password" autoComplete="new-password" />
          <div className="actions">
            <button type="submit" className="primary">
              {t("people.changePassword")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
