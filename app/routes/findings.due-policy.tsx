import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { useSchemaForm } from "~/components/use-schema-form";
import { duePolicyOf, saveDuePolicy } from "~/modules/findings/due.server";
import { DuePolicySchema } from "~/modules/findings/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.findings.due-policy");

/** The officer's own unit's policy for the due dates of the findings it raises itself (internal audit, complaints…). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "ca.write");
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, ctx.actor.unitId);
  return { unit: { id: unit.id, name: unit.name }, policy: duePolicyOf(ctx.db, unit.id) };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "ca.write");
  return submit(await request.formData(), DuePolicySchema, (value) => {
    saveDuePolicy(ctx, ctx.actor.unitId, value);
    return redirectWithFlash("/findings/due-policy", { key: "common.saved" });
  });
});

export default function DuePolicyPage() {
  const { unit, policy } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(DuePolicySchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { majorDays: String(policy.majorDays), minorDays: String(policy.minorDays), otherDays: String(policy.otherDays) },
  });
  return (
    <>
      <p>
        <Link to="/findings">← {t("findings.title")}</Link>
      </p>
      <h1>{t("findings.duePolicy.title", { unit: unit.name })}</h1>
      <p className="muted">{t("findings.duePolicy.intro")}</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.majorDays} type="number" label={t("findings.duePolicy.major")} />
        <TextField field={fields.minorDays} type="number" label={t("findings.duePolicy.minor")} />
        <TextField field={fields.otherDays} type="number" label={t("findings.duePolicy.other")} />
        <div className="actions">
          <SubmitButton>{t("action.save")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
