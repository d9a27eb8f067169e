import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { Form, Link } from "@remix-run/react";
import { UNIT_KINDS } from "#db/schema/enums";
import { UnitSchema } from "~/modules/units/schema";
import { useT } from "~/i18n/react";
import { FormErrors, SelectField, TextField } from "./field";

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
  const [form, fields] = useForm<z.input<typeof UnitSchema>>({
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UnitSchema }),
    shouldValidate: "onBlur",
  });
  const label = (u: UnitOption) => `${"· ".repeat(u.depth)}${u.name} (${u.code})`;
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
        <TextField field={fields.validFrom} label={t("units.validFrom")} hint="dd/mm/yyyy" />
        <TextField field={fields.validTo} label={t("units.validTo")} hint="dd/mm/yyyy" />
      </div>
      <SelectField
        field={fields.predecessorIds}
        label={t("units.predecessors")}
        hint={t("units.predecessorsHint")}
        multiple
        options={predecessorChoices.map((u) => ({ value: u.id, label: label(u) }))}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t("action.save")}
        </button>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
