import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { UNIT_KINDS } from "#db/schema/enums";
import { UnitSchema } from "~/modules/units/schema";
import { useT } from "~/i18n/react";
import { FormErrors, SelectField, TextField } from "./field";
import { useSchemaForm } from "./use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { MultiPick } from "~/components/multi-pick";
import { DateField } from "~/components/date-field";

export type UnitOption = { id: number; name: string; code: string; depth: number };

/** The unit form, for creating and editing (same schema in the browser and on the server). */
export function UnitForm({
  lastResult,
  defaultValue,
  parents,
  predecessorChoices,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, string | string[] | boolean | number | null | undefined>;
  parents: UnitOption[];
  predecessorChoices: UnitOption[];
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(UnitSchema, {
    lastResult,
    defaultValue,
  });
  const label = (u: UnitOption) => `${"· ".repeat(Math.max(0, u.depth))}${u.name} (${u.code})`;
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="row">
        <TextField field={fields.code} label={t("units.code")} />
        <SelectField field={fields.kind} label={t("units.kind")} placeholder="" options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))} />
      </div>
      <TextField field={fields.name} label={t("units.name")} />
      <TextField field={fields.placeName} label={t("units.placeName")} />
      <SelectField
        field={fields.parentId}
        label={t("units.parent")}
        placeholder={t("units.noParent")}
        options={parents.map((u) => ({ value: u.id, label: label(u) }))}
      />
      <div className="row">
        <DateField field={fields.validFrom} label={t("units.validFrom")} />
        <DateField field={fields.validTo} label={t("units.validTo")} />
      </div>
      <MultiPick
        field={fields.predecessorIds}
        legend={t("units.predecessors")}
        hint={t("units.predecessorsHint")}
        options={predecessorChoices.map((u) => ({ value: u.id, label: label(u) }))}
      />
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
