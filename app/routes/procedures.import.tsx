import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField, FormErrors, SPREADSHEET_ACCEPT, UnitField } from "~/components/field";
import { writableUnits } from "~/modules/documents/queries.server";
import { applyCatalogueImport, previewCatalogueImport } from "~/modules/procedures/import.server";
import { IMPORT_MAX_BYTES, ImportConfirmSchema, importUploadSchema } from "~/modules/procedures/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { TableWrap } from "~/components/table-wrap";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.procedures.import");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "procedures.write");
  const units = writableUnits(ctx);
  return { units, defaultUnit: units.find((u) => u.id === ctx.actor.unitId)?.id ?? units[0]?.id };
});

/**
 * Two steps: "preview" reads the uploaded file and shows every row with what would happen or what is wrong;
 * "confirm" sends the valid rows back (as JSON, validated again) and applies them in one transaction.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "procedures.write");
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  if (!multipart) {
    return submit(await request.formData(), ImportConfirmSchema, (value) => {
      const counts = applyCatalogueImport(ctx, value.unitId, value.rows);
      return redirectWithFlash(`/procedures?unit=${value.unitId}&coverage=uncovered`, { key: "procedures.imported", params: counts });
    });
  }
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(
    formData,
    importUploadSchema(IMPORT_MAX_BYTES),
    async (value) => {
      const r = await previewCatalogueImport(ctx, value.unitId, value.file);
      return { preview: { ...r, rowsJson: JSON.stringify(r.rows.filter((x) => x.row).map((x) => x.row)) } };
    },
    { tooLarge, tooLargeMessage: "procedures.errors.importTooLarge" },
  );
});

export default function ImportCatalogue() {
  const { units, defaultUnit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const preview = reply && "preview" in reply ? reply.preview : undefined;
  const t = useT();
  const schema = importUploadSchema(IMPORT_MAX_BYTES);
  const [form, fields] = useSchemaForm(schema, {
    id: "import-upload",
    lastResult: reply && !("preview" in reply) ? reply : undefined,
    defaultValue: { unitId: String(defaultUnit ?? "") },
  });
  const valid = preview ? preview.rows.filter((r) => r.row).length : 0;
  const keptColumns = preview ? (["processingTime", "onlineLevel"] as const).filter((c) => !preview.columns.includes(c)) : [];
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
        <UnitField field={fields.unitId} label={t("documents.unit")} units={units} />
        <FileField field={fields.file} label={t("procedures.importFile")} hint="CSV (UTF-8) · XLSX · ≤ 5 MB" accept={SPREADSHEET_ACCEPT} />
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
          {keptColumns.length ? <p className="muted">{t("procedures.keptColumns", { columns: keptColumns.map((c) => t(fieldLabel(c))).join(", ") })}</p> : null}
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
                  <th scope="col">{t("procedures.changes")}</th>
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
                      <span className={r.action === "error" ? "badge badge-bad" : r.action === "new" ? "badge badge-ok" : "badge"}>
                        {t(`procedures.action.${r.action}`)}
                      </span>
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
                    <td data-label={t("procedures.changes")}>
                      {r.changes.length ? (
                        <ul className="changes">
                          {r.changes.map((c) => (
                            <li key={c.field}>
                              {t(fieldLabel(c.field))}: {changeValue(c.field, c.before, t)} → {changeValue(c.field, c.after, t)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
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

/** A value of a changed field as a person reads it: levels and publication by name, nothing as "—". */
function changeValue(field: string, v: string | boolean | null, t: (k: string) => string): string {
  if (v === null || v === "") return "—";
  if (field === "active") return t(v ? "procedures.active" : "procedures.inactive");
  if (field === "onlineLevel") return t(`procedures.level.${String(v)}`);
  return String(v);
}

function fieldLabel(field: string): string {
  return (
    (
      {
        code: "procedures.code",
        name: "procedures.name",
        field: "procedures.field",
        processingTime: "procedures.processingTime",
        onlineLevel: "procedures.onlineLevel",
        active: "procedures.status",
      } as Record<string, string>
    )[field] ?? field
  );
}
