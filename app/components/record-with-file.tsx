import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { useT } from "~/i18n/react";
import { FieldErrors, FormErrors } from "./field";
import { useSchemaForm, type SchemaDefaults, type SchemaFields } from "./use-schema-form";
import { SubmitButton } from "~/components/submit-button";

/**
 * The form of a record that carries one optional attached file (management review, announcement, inspection
 * minutes): the record's own fields, then the file (PDF, DOCX or an image; one over the upload limit is answered
 * beside it), save and cancel. The action reads it with `submitWithFile` (~/http/record-with-file.server).
 */
export function RecordWithFileForm<S extends z.ZodType>({
  schema,
  lastResult,
  defaultValue,
  file,
  cancelTo,
  children,
}: {
  schema: S;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: SchemaDefaults<S>;
  /** The file input's id (its errors are `${id}-err`) and label. */
  file: { id: string; label: string };
  cancelTo: string;
  /** The record's own fields, above the file. */
  children: (fields: SchemaFields<S>) => ReactNode;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(schema, { lastResult, defaultValue });
  return (
    <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {children(fields)}
      <div className="field">
        <label htmlFor={file.id}>{file.label}</label>
        <input id={file.id} type="file" name="file" accept=".pdf,.docx,image/*" />
        {/* The file is not in the schema: its errors come from the action only (too large, wrong kind). */}
        <FieldErrors id={`${file.id}-err`} errors={form.allErrors.file} />
      </div>
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
