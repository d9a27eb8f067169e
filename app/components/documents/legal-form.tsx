import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { CheckboxList } from "./badges";
import { LegalChangeSchema } from "~/modules/documents/schema";
import { useT } from "~/i18n/react";
import { useSchemaForm } from "../use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { DateField } from "~/components/date-field";

export type LegalFormOptions = {
  units: { id: number; name: string }[];
  documents: { id: number; unitId: number; code: string; title: string }[];
};

/** A legal change and the documents it affects (documents of the chosen unit only). */
export function LegalForm({
  lastResult,
  defaultValue,
  options,
  cancelTo,
  fixedUnit,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, unknown>;
  options: LegalFormOptions;
  cancelTo: string;
  fixedUnit?: boolean;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(LegalChangeSchema, {
    lastResult,
    defaultValue,
  });
  const [unitId, setUnitId] = useState(String(fields.unitId.initialValue ?? options.units[0]?.id ?? ""));
  const docs = options.documents.filter((d) => String(d.unitId) === unitId);
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {options.units.length > 1 && !fixedUnit ? (
        <div className="field">
          <label htmlFor={fields.unitId.id}>{t("documents.unit")}</label>
          <select id={fields.unitId.id} name={fields.unitId.name} defaultValue={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {options.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.unitId.errorId} errors={fields.unitId.errors} />
        </div>
      ) : (
        <input type="hidden" name={fields.unitId.name} value={unitId} />
      )}
      <TextField field={fields.textNumber} label={t("documents.legal.textNumber")} hint={t("documents.legal.textNumberHint")} />
      <TextAreaField field={fields.title} label={t("documents.legal.titleField")} rows={2} />
      <DateField field={fields.effectiveOn} label={t("documents.legal.effectiveOn")} />
      {docs.length ? (
        <CheckboxList
          name={fields.documentIds.name}
          id={fields.documentIds.id}
          errorId={fields.documentIds.errorId}
          errors={fields.documentIds.errors}
          defaultValue={fields.documentIds.initialValue}
          legend={t("documents.legal.documents")}
          hint={t("documents.legal.documentsHint")}
          options={docs.map((d) => ({ value: d.id, label: `${d.code} · ${d.title}` }))}
        />
      ) : (
        <p className="muted">{t("documents.legal.noDocuments")}</p>
      )}
      <TextAreaField field={fields.note} label={t("documents.note")} rows={2} />
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
