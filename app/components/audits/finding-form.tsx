import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { useLang, useT } from "~/i18n/react";
import { FormErrors, SelectField, TextAreaField, type AnyField } from "../field";
import { useSchemaForm } from "../use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { DateField } from "~/components/date-field";

type Grade = { code: string; nameVi: string; nameEn: string };
type Clause = { code: string; titleVi: string; titleEn: string };
/** One field per key of the form's schema: `extra` can only ask for fields the schema has. */
type FieldsOf<S extends z.ZodObject> = { [K in keyof z.input<S> & string]-?: AnyField };
type CommonField = "gradeCode" | "clauseCode" | "description" | "evidence" | "foundOn" | "actionDueOn" | "dueReason";

/**
 * The finding form used by audits (from a checklist item), inspections (in the minutes) and direct findings.
 * `extra` renders the origin's own fields (unit and source, or the due date) above the common ones.
 */
export function FindingForm<S extends z.ZodObject>({
  schema,
  lastResult,
  defaultValue,
  grades,
  clauses,
  cancelTo,
  extra,
  dueHint,
  submitLabel,
  withDue,
  withFoundOn,
}: {
  schema: S;
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, unknown>;
  grades: Grade[];
  clauses: Clause[];
  cancelTo: string;
  extra?: (fields: FieldsOf<S>) => ReactNode;
  dueHint?: string;
  submitLabel?: string;
  withDue?: boolean;
  withFoundOn?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useSchemaForm(schema, {
    lastResult,
    defaultValue,
  });
  const f = fields as unknown as FieldsOf<S> & Record<CommonField, AnyField>;
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {extra ? extra(f) : null}
      <SelectField
        field={f.gradeCode}
        label={t("findings.grade")}
        placeholder=""
        options={grades.map((g) => ({ value: g.code, label: lang === "en" ? g.nameEn : g.nameVi }))}
      />
      <SelectField
        field={f.clauseCode}
        label={t("findings.clause")}
        placeholder="—"
        options={clauses.map((c) => ({ value: c.code, label: `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}` }))}
      />
      <TextAreaField field={f.description} label={t("findings.description")} rows={3} />
      <TextAreaField field={f.evidence} label={t("findings.evidence")} rows={3} />
      {withFoundOn ? <DateField field={f.foundOn} label={t("findings.foundOn")} /> : null}
      {withDue ? (
        <>
          <DateField field={f.actionDueOn} label={t("findings.actionDueOn")} hint={dueHint} />
          <TextAreaField field={f.dueReason} label={t("findings.dueReason")} hint={t("findings.dueReasonIfChanged")} rows={2} />
        </>
      ) : null}
      <div className="actions">
        <SubmitButton>{submitLabel ?? t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
