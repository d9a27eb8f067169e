import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ROLES } from "#db/schema/enums";
import { CreateUserSchema, UserSchema } from "~/modules/people/schema";
import { useT } from "~/i18n/react";
import { FormErrors, SelectField, TextField } from "./field";
import { useSchemaForm } from "./use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { withIndent } from "~/components/unit-depth";

export function UserForm({
  lastResult,
  defaultValue,
  units,
  withPassword,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, string | string[] | boolean | number | null | undefined>;
  units: { id: number; name: string; depth: number }[];
  withPassword: boolean;
}) {
  const t = useT();
  const schema = withPassword ? CreateUserSchema : UserSchema;
  const [form, fields] = useSchemaForm(schema as typeof CreateUserSchema, {
    id: "user-form",
    lastResult,
    defaultValue,
  });
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField field={fields.fullName} label={t("people.fullName")} autoComplete="off" />
      <div className="row">
        <TextField field={fields.username} label={t("people.username")} autoComplete="off" />
        <TextField field={fields.email} label={t("people.email")} type="email" autoComplete="off" />
      </div>
      <TextField field={fields.title} label={t("people.jobTitle")} />
      <div className="row">
        <SelectField
          field={fields.unitId}
          label={t("people.unit")}
          placeholder=""
          options={withIndent(units).map((u) => ({ value: u.id, label: `${"· ".repeat(u.indent)}${u.name}` }))}
        />
        <SelectField field={fields.role} label={t("people.role")} placeholder="" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </div>
      {withPassword ? <TextField field={fields.password} label={t("people.password")} type="password" autoComplete="new-password" /> : null}
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
      </div>
    </Form>
  );
}
