import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { EscalationSettingSchema } from "~/modules/corrective-actions/schema";
import { getEscalateAfterDays, setEscalateAfterDays } from "~/modules/corrective-actions/settings.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.corrective-actions.settings");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "settings.manage");
  return { escalateAfterDays: getEscalateAfterDays(ctx.db) };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), EscalationSettingSchema, (value) => {
    setEscalateAfterDays(ctx, value.escalateAfterDays);
    return redirectWithFlash("/corrective-actions/settings", { key: "common.saved" });
  });
});

export default function Settings() {
  const { escalateAfterDays } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(EscalationSettingSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { escalateAfterDays: String(escalateAfterDays) },
  });
  return (
    <>
      <h1>{t("ca.settings.title")}</h1>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.escalateAfterDays} type="number" label={t("ca.settings.escalateAfterDays")} hint={t("ca.settings.escalateHint")} />
        <div className="actions">
          <button type="submit" className="primary">
            {t("action.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
