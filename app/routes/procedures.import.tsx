import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, FormErrors, SelectField } from "~/components/field";
import { writableUnits } from "~/modules/documents/queries.server";
import { requireCapability } from "~/modules/permissions";
import { applyCatalogueImport, previewCatalogueImport } from "~/modules/procedures/import.server";
import { IMPORT_MAX_BYTES, ImportConfirmSchema, importUploadSchema } from "~/modules/procedures/schema";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { InvalidInputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";
import { parseMultipart } from "~/utils/uploads.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Nhập danh mục TTHC · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "procedures.write");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  const units = writableUnits(db, scopeFor(db, user), vnDay(new Date()));
  return { units, defaultUnit: units.find((u) => u.id === user.unitId)?.id ?? units[0]?.id };
}

/**
 * Two steps: "preview" reads the uploaded file and shows every row with what would happen or what is wrong;
 * "confirm" sends the valid rows back (as JSON, validated again) and applies them in one transaction.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "procedures.write");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const ctx = ctxFor(user);
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  if (!multipart) {
    const submission = parseForm(await request.formData(), ImportConfirmSchema);
    if (submission.status !== "success") throw new Response("errors.badRequest", { status: 400 });
    try {
      const counts = applyCatalogueImport(ctx, submission.value.unitId, submission.value.rows);
      return redirectWithFlash(`/procedures?unit=${submission.value.unitId}&coverage=uncovered`, { key: "procedures.imported", params: counts });
    } catch (e) {
      if (e instanceof InvalidInputError) return data({ preview: null, result: submission.reply({ formErrors: [e.messageKey], fieldErrors: e.fieldErrors }) }, { status: 400 });
      rethrowAsResponse(e);
    }
  }
  const { formData, tooLarge } = await parseMultipart(request);
  const submission = parseForm(formData, importUploadSchema(IMPORT_MAX_BYTES));
  if (tooLarge) return data({ preview: null, result: submission.reply({ fieldErrors: { file: ["procedures.errors.importTooLarge"] } }) }, { status: 400 });
  if (submission.status !== "success") return data({ preview: null, result: submission.reply() }, { status: 400 });
  const r = await attempt(submission, async () => previewCatalogueImport(ctx, submission.value.unitId, submission.value.file));
  if ("rows" in r) {
    return { preview: { ...r, rowsJson: JSON.stringify(r.rows.filter((x) => x.row).map((x) => x.row)) }, result: submission.reply() };
  }
  return data({ preview: null, result: r.data }, { status: r.init?.status ?? 400 });
}

export default function ImportCatalogue() {
  const { units, defaultUnit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const schema = importUploadSchema(IMPORT_MAX_BYTES);
  const [form, fields] = useForm({
    id: "import-upload",
    lastResult: reply?.preview ? undefined : reply?.result,
    defaultValue: { unitId: String(defaultUnit ?? "") },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const preview = reply?.preview;
  const valid = preview ? preview.rows.filter((r) => r.row).length : 0;
  const fileProps = getInputProps(fields.file, { type: "file", ariaDescribedBy: `${fields.file.id}-hint` });
  return (
    <>
      <p>
        <Link to="/procedures">← {t("procedures.title")}</Link>
      </p>
      <h1>{t("procedures.import")}</h1>
      <p className="muted">{t("procedures.importLead")}</p>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <FormErrors id={form.errorId} errors={form.errors} />
        {units.length > 1 ? (
          <SelectField field={fields.unitId} label={t("documents.unit")} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        ) : (
          <input type="hidden" name={fields.unitId.name} value={String(defaultUnit ?? "")} />
        )}
        <div className="field">
          <label htmlFor={fields.file.id}>{t("procedures.importFile")}</label>
          <p className="hint" id={`${fields.file.id}-hint`}>
            CSV (UTF-8) · XLSX · ≤ 5 MB
          </p>
          <input {...fileProps} key={fileProps.key} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          <FieldErrors id={fields.file.errorId} errors={fields.file.errors} />
        </div>
        <div className="actions">
          <button type="submit" className="secondary">
            {t("procedures.preview")}
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">
            {t("procedures.previewTitle", { count: preview.rows.length })} · {preview.unit.name}
          </h2>
          <p role="status">{t("procedures.previewCounts", preview.counts)}</p>
          {preview.counts.error ? <p className="alert alert-warn">{t("procedures.previewErrorsNote")}</p> : null}
          <TableWrap label={t("procedures.previewTitle")}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("procedures.line")}</th>
                  <th scope="col">{t("procedures.code")}</th>
                  <th scope="col">{t("procedures.name")}</th>
                  <th scope="col">{t("procedures.field")}</th>
                  <th scope="col">{t("procedures.onlineLevel")}</th>
                  <th scope="col">{t("procedures.action")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 1000).map((r) => (
                  <tr key={r.line} className={r.action === "error" ? "row-overdue" : undefined}>
                    <td data-label={t("procedures.line")}>{r.line}</td>
                    <td data-label={t("procedures.code")}>{r.values.code}</td>
                    <td data-label={t("procedures.name")}>{r.values.name}</td>
                    <td data-label={t("procedures.field")}>{r.values.field}</td>
                    <td data-label={t("procedures.onlineLevel")}>{r.row ? t(`procedures.level.${r.row.onlineLevel}`) : r.values.onlineLevel}</td>
                    <td data-label={t("procedures.action")}>
                      <span className={r.action === "error" ? "badge badge-bad" : r.action === "new" ? "badge badge-ok" : "badge"}>{t(`procedures.action.${r.action}`)}</span>
                      {r.action === "error" ? (
                        <ul className="field-errors">
                          {Object.entries(r.errors).flatMap(([field, keys]) =>
                            keys.map((k) => (
                              <li key={field + k}>
                                {t(field === "row" ? "errors.invalid" : fieldLabel(field))}: {t(k)}
                              </li>
                            )),
                          )}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {valid ? (
            <Form method="post" className="actions card">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="unitId" value={preview.unit.id} />
              <input type="hidden" name="rows" value={preview.rowsJson} />
              <button type="submit" className="primary">
                {t("procedures.confirmImport", { count: valid })}
              </button>
            </Form>
          ) : (
            <p className="alert alert-error">{t("procedures.nothingToImport")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

function fieldLabel(field: string): string {
  return (
    {
      code: "procedures.code",
      name: "procedures.name",
      field: "procedures.field",
      processingTime: "procedures.processingTime",
      onlineLevel: "procedures.onlineLevel",
    } as Record<string, string>
  )[field] ?? field;
}
