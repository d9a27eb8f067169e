import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { EscalationSettingSchema } from "~/modules/corrective-actions/schema";
import { getEscalateAfterDays, setEscalateAfterDays } from "~/modules/corrective-actions/settings.server";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Cài đặt hành động khắc phục · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "settings.manage");
  } catch (e) {
    rethrowAsResponse(e);
  }
  return { escalateAfterDays: getEscalateAfterDays(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), EscalationSettingSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    setEscalateAfterDays(ctxFor(user), submission.value.escalateAfterDays);
    return redirectWithFlash("/corrective-actions/settings", { key: "common.saved" });
  });
}

export default function Settings() {
  const { escalateAfterDays } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: useActionData<typeof action>(),
    defaultValue: { escalateAfterDays: String(escalateAfterDays) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EscalationSettingSchema }),
    shouldValidate: "onBlur",
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
