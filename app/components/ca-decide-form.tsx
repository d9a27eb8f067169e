import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ExtensionDecisionSchema } from "~/modules/corrective-actions/schema";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { FormErrors, TextField } from "./field";
import { useSchemaForm } from "./use-schema-form";

type Reply = SubmissionResult<string[]> | undefined | null;

/** The leader's decision on a due-date extension request (on the action's page and in the inbox). */
export function DecideForm({
  actionId,
  ext,
  lastResult,
  redirectTo,
  compact,
}: {
  actionId: number;
  ext: { id: number; currentDueOn: string; proposedDueOn: string; reason: string };
  lastResult?: Reply;
  redirectTo?: string;
  compact?: boolean;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(ExtensionDecisionSchema, {
    id: `ca-decide-${ext.id}`,
    lastResult,
    defaultValue: { extensionId: String(ext.id) },
    // Checked on submit only (the decision is the button pressed); the server checks the same schema.
    shouldValidate: "onSubmit",
  });
  return (
    <section className={compact ? "" : "card"} aria-label={t("ca.extension.decide")}>
      {compact ? null : <h2 className="card-title">{t("ca.extension.decide")}</h2>}
      <p>
        {t("ca.extension.ask", { from: formatDate(ext.currentDueOn), to: formatDate(ext.proposedDueOn) })}
        <br />
        <span className="muted pre-line">{ext.reason}</span>
      </p>
      <Form method="post" action={`/corrective-actions/${actionId}`} className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="extensionId" value={ext.id} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.note} label={t("ca.extension.decisionNote")} />
        <div className="actions">
          <button type="submit" name="decision" value="approve" className="primary">
            {t("ca.extension.approve")}
          </button>
          <button type="submit" name="decision" value="refuse" className="danger">
            {t("ca.extension.refuse")}
          </button>
        </div>
      </Form>
    </section>
  );
}
