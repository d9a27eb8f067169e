import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { OBJECTIVE_MEASURES } from "#db/schema/enums";
import { ObjectiveSchema } from "~/modules/objectives/schema";
import { useT } from "~/i18n/react";
import { FormErrors, SelectField, TextAreaField, TextField } from "./field";
import { useSchemaForm } from "./use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { withIndent } from "~/components/unit-depth";

export function ObjectiveForm({
  lastResult,
  defaultValue,
  units,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, string | number | null | undefined>;
  units: { id: number; name: string; depth: number }[];
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(ObjectiveSchema, {
    id: "objective-form",
    lastResult,
    defaultValue,
  });
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="row">
        <SelectField
          field={fields.unitId}
          label={t("objectives.unit")}
          placeholder=""
          options={withIndent(units).map((u) => ({ value: u.id, label: `${"· ".repeat(u.indent)}${u.name}` }))}
        />
        <TextField field={fields.year} label={t("objectives.year")} type="number" />
      </div>
      <TextField field={fields.title} label={t("objectives.titleField")} />
      <div className="row">
        <SelectField
          field={fields.measure}
          label={t("objectives.measure")}
          placeholder=""
          options={OBJECTIVE_MEASURES.map((m) => ({ value: m, label: t(`objectives.measure.${m}`) }))}
        />
        <TextField field={fields.target} label={t("objectives.target")} />
        <TextField field={fields.manualValue} label={t("objectives.manualValue")} />
        <TextField field={fields.targetUnit} label={t("objectives.targetUnit")} hint={t("objectives.targetUnitHint")} />
      </div>
      <TextAreaField field={fields.note} label={t("objectives.note")} rows={2} />
      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
