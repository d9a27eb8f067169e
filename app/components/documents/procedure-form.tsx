import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ONLINE_LEVELS } from "#db/schema/enums";
import { FieldErrors, FormErrors, SelectField, TextField } from "~/components/field";
import { ProcedureSchema } from "~/modules/procedures/schema";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "../use-schema-form";
import { SubmitButton } from "~/components/submit-button";

export function ProcedureForm({
  lastResult,
  defaultValue,
  units,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, unknown>;
  units: { id: number; name: string }[];
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(ProcedureSchema, {
    lastResult,
    defaultValue,
  });
  const active = getInputProps(fields.active, { type: "checkbox" });
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {units.length > 1 ? (
        <SelectField field={fields.unitId} label={t("documents.unit")} options={units.map((u) => ({ value: u.id, label: u.name }))} />
      ) : (
        <input type="hidden" name={fields.unitId.name} value={String(fields.unitId.initialValue ?? units[0]?.id ?? "")} />
      )}
      <TextField field={fields.code} label={t("procedures.code")} />
      <TextField field={fields.name} label={t("procedures.name")} />
      <div className="row">
        <TextField field={fields.field} label={t("procedures.field")} />
        <TextField field={fields.processingTime} label={t("procedures.processingTime")} />
      </div>
      <SelectField
        field={fields.onlineLevel}
        label={t("procedures.onlineLevel")}
        options={ONLINE_LEVELS.map((l) => ({ value: l, label: t(`procedures.level.${l}`) }))}
      />
      <div>
        <label className="checkbox">
          <input {...active} key={active.key} /> {t("procedures.active")}
        </label>
        <FieldErrors id={fields.active.errorId} errors={fields.active.errors} />
      </div>
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
